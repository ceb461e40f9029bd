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

// AccessLeave is a leave request as the API shows it, with who decided it.
type AccessLeave struct {
	LeaveView
	DecidedBy string `json:"decided_by,omitempty"`
}

func accessLeave(r store.LeaveRequest) AccessLeave {
	return AccessLeave{LeaveView: ViewLeave(r), DecidedBy: r.DecidedBy}
}
