package cases

import (
	"encoding/json"
	"time"

	"leaveguard/leave"
	"leaveguard/store"
)

// AccessController is the employer who holds the data (个人信息处理者).
type AccessController struct {
	Name       string `json:"name"`
	CreditCode string `json:"credit_code"`
}

// AccessEmployee is the employee's record in her copy: the ID number
// masked, never in full.
type AccessEmployee struct {
	ID               string      `json:"id"`
	ExternalID       string      `json:"external_id"`
	Name             string      `json:"name"`
	Gender           string      `json:"gender"`
	NationalIDMasked string      `json:"national_id_masked"`
	HiredOn          leave.Date  `json:"hired_on"`
	ContractEnd      *leave.Date `json:"contract_end"`
	MonthlyWageFen   int64       `json:"monthly_wage_fen"`
	MaternityInsured bool        `json:"maternity_insured"`
	Region           *string     `json:"region"`
	SeparatedOn      *leave.Date `json:"separated_on"`
	CreatedAt        time.Time   `json:"created_at"`
	UpdatedAt        time.Time   `json:"updated_at"`
}

func accessEmployee(e store.Employee) AccessEmployee {
	return AccessEmployee{ID: e.ID, ExternalID: e.ExternalID, Name: e.Name, Gender: e.Gender,
		NationalIDMasked: e.NationalIDMasked, HiredOn: e.HiredOn, ContractEnd: e.ContractEnd,
		MonthlyWageFen: e.MonthlyWageFen, MaternityInsured: e.MaternityInsured, Region: e.Region,
		SeparatedOn: e.SeparatedOn, CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt}
}

// AccessFamily is her recorded family facts; births and miscarriages carry
// the leave plans frozen when they were recorded.
type AccessFamily struct {
	Pregnancies  []store.Pregnancy   `json:"pregnancies"`
	Births       []AccessBirth       `json:"births"`
	Children     []store.Child       `json:"children"`
	Miscarriages []AccessMiscarriage `json:"miscarriages"`
	Marriages    []store.Marriage    `json:"marriages"`
}

// AccessBirth is a recorded birth with its plan.
type AccessBirth struct {
	ID         string          `json:"id"`
	BirthDate  leave.Date      `json:"birth_date"`
	ChildOrder int             `json:"child_order"`
	Babies     int             `json:"babies"`
	Stillborn  int             `json:"stillborn"`
	Dystocia   bool            `json:"dystocia"`
	LeaveStart *leave.Date     `json:"leave_start"`
	Plan       json.RawMessage `json:"plan"`
	CreatedAt  time.Time       `json:"created_at"`
}

// AccessMiscarriage is a recorded miscarriage with its plan.
type AccessMiscarriage struct {
	ID             string          `json:"id"`
	Date           leave.Date      `json:"date"`
	GestationWeeks int             `json:"gestation_weeks"`
	Plan           json.RawMessage `json:"plan"`
	CreatedAt      time.Time       `json:"created_at"`
}

func accessFamily(ev store.Events) AccessFamily {
	f := AccessFamily{Pregnancies: ev.Pregnancies, Children: ev.Children, Marriages: ev.Marriages}
	for _, b := range ev.Births {
		f.Births = append(f.Births, AccessBirth{ID: b.ID, BirthDate: b.BirthDate, ChildOrder: b.ChildOrder,
			Babies: b.Babies, Stillborn: b.Stillborn, Dystocia: b.Dystocia, LeaveStart: b.LeaveStart,
			Plan: b.Plan, CreatedAt: b.CreatedAt})
	}
	for _, m := range ev.Miscarriages {
		f.Miscarriages = append(f.Miscarriages, AccessMiscarriage{ID: m.ID, Date: m.Date,
			GestationWeeks: m.GestationWeeks, Plan: m.Plan, CreatedAt: m.CreatedAt})
	}
	return f
}

func (f AccessFamily) nonNil() AccessFamily {
	f.Pregnancies, f.Births, f.Children = orEmpty(f.Pregnancies), orEmpty(f.Births), orEmpty(f.Children)
	f.Miscarriages, f.Marriages = orEmpty(f.Miscarriages), orEmpty(f.Marriages)
	return f
}

// AccessLeave is a leave request with the decision it was checked against.
type AccessLeave struct {
	ID         string          `json:"id"`
	LeaveType  string          `json:"leave_type"`
	Status     string          `json:"status"`
	Start      leave.Date      `json:"start"`
	End        leave.Date      `json:"end"`
	Days       int             `json:"days"`
	Unit       string          `json:"unit"`
	Note       string          `json:"note,omitempty"`
	Decision   json.RawMessage `json:"decision"`
	CreatedAt  time.Time       `json:"created_at"`
	DecidedAt  *time.Time      `json:"decided_at"`
	DecidedBy  string          `json:"decided_by,omitempty"`
	ReviewNote string          `json:"review_note,omitempty"`
}

func accessLeave(r store.LeaveRequest) AccessLeave {
	return AccessLeave{ID: r.ID, LeaveType: r.LeaveType, Status: r.Status, Start: r.Start, End: r.End,
		Days: r.Days, Unit: r.Unit, Note: r.Note, Decision: r.Decision, CreatedAt: r.CreatedAt,
		DecidedAt: r.DecidedAt, DecidedBy: r.DecidedBy, ReviewNote: r.ReviewNote}
}
