package cases

import (
	"encoding/json"
	"time"

	"leaveguard/leave"
	"leaveguard/store"
)

// EmployeeView is the public shape of an employee, in the API and in her
// access copy alike: never the full ID number.
type EmployeeView struct {
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
	Department       string      `json:"department"`
	SeparatedOn      *leave.Date `json:"separated_on"`
	AnonymisedOn     *leave.Date `json:"anonymised_on"`
	CreatedAt        time.Time   `json:"created_at"`
	UpdatedAt        time.Time   `json:"updated_at"`
}

// ViewEmployee is e's public shape.
func ViewEmployee(e store.Employee) EmployeeView {
	return EmployeeView{
		ID: e.ID, ExternalID: e.ExternalID, Name: e.Name, Gender: e.Gender,
		NationalIDMasked: e.NationalIDMasked, HiredOn: e.HiredOn, ContractEnd: e.ContractEnd,
		MonthlyWageFen: e.MonthlyWageFen, MaternityInsured: e.MaternityInsured, Region: e.Region,
		Department: e.Department, SeparatedOn: e.SeparatedOn, AnonymisedOn: e.AnonymisedOn, CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt,
	}
}

// LeaveView is the public shape of a leave request.
type LeaveView struct {
	ID         string          `json:"id"`
	EmployeeID string          `json:"employee_id"`
	LeaveType  string          `json:"leave_type"`
	Status     string          `json:"status"`
	Start      leave.Date      `json:"start"`
	End        leave.Date      `json:"end"`
	Days       int             `json:"days"`
	Unit       string          `json:"unit"`
	ChildID    string          `json:"child_id,omitempty"`
	Note       string          `json:"note,omitempty"`
	Decision   json.RawMessage `json:"decision"`
	CreatedAt  time.Time       `json:"created_at"`
	DecidedAt  *time.Time      `json:"decided_at"`
	// ReviewNote says why a corrected fact no longer allows this approved
	// leave; HR decides (cancel it, or keep it with a reason).
	ReviewNote string `json:"review_note,omitempty"`
}

// ViewLeave is r's public shape.
func ViewLeave(r store.LeaveRequest) LeaveView {
	return LeaveView{ID: r.ID, EmployeeID: r.EmployeeID, LeaveType: r.LeaveType, Status: r.Status, Start: r.Start,
		End: r.End, Days: r.Days, Unit: r.Unit, ChildID: r.ChildID, Note: r.Note, Decision: r.Decision,
		CreatedAt: r.CreatedAt, DecidedAt: r.DecidedAt, ReviewNote: r.ReviewNote}
}
