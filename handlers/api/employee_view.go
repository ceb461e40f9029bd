package api

import (
	"time"

	"leaveguard/leave"
	"leaveguard/store"
)

// employeeView is the public shape of an employee: never the full ID number.
type employeeView struct {
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
	AnonymisedOn     *leave.Date `json:"anonymised_on"`
	CreatedAt        time.Time   `json:"created_at"`
	UpdatedAt        time.Time   `json:"updated_at"`
}

func viewEmployee(e store.Employee) employeeView {
	return employeeView{
		ID: e.ID, ExternalID: e.ExternalID, Name: e.Name, Gender: e.Gender,
		NationalIDMasked: e.NationalIDMasked, HiredOn: e.HiredOn, ContractEnd: e.ContractEnd,
		MonthlyWageFen: e.MonthlyWageFen, MaternityInsured: e.MaternityInsured, Region: e.Region,
		SeparatedOn: e.SeparatedOn, AnonymisedOn: e.AnonymisedOn, CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt,
	}
}
