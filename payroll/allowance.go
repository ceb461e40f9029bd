package payroll

import (
	"fmt"

	"leaveguard/leave"
)

// EventKind is the family event an allowance is paid for.
type EventKind string

// Event kinds.
const (
	EventBirth       EventKind = "birth"
	EventMiscarriage EventKind = "miscarriage"
)

// PaidDaysMode says which day count the allowance pays for.
type PaidDaysMode string

// Paid-days modes; the zero value means PaidDaysStatutory.
const (
	// PaidDaysStatutory pays the event's full statutory leave days,
	// including the regional extension, dystocia and multiple births.
	PaidDaysStatutory PaidDaysMode = "statutory"
	// PaidDaysNational pays only the national days (98 + dystocia + multiples,
	// or the miscarriage leave).
	PaidDaysNational PaidDaysMode = "national"
	// PaidDaysFixed pays a number of days the tenant sets.
	PaidDaysFixed PaidDaysMode = "fixed"
)

// Payee is who receives the allowance from the maternity-insurance fund.
type Payee string

// Payees; the zero value means PayeeEmployee.
const (
	PayeeEmployee Payee = "employee"
	PayeeEmployer Payee = "employer"
)

// Payer is who funds the allowance.
type Payer string

// Payers.
const (
	PayerFund     Payer = "maternity_fund"
	PayerEmployer Payer = "employer"
)

// AllowanceFacts are the facts and tenant settings an allowance claim needs.
// Zero values of PaidDaysMode, Divisor, TopUp and Payee mean the default.
type AllowanceFacts struct {
	Event                  EventKind     `json:"event"`
	EventDate              leave.Date    `json:"event_date"`
	StatutoryDays          int           `json:"statutory_days"`
	NationalDays           int           `json:"national_days"`
	PaidDaysMode           PaidDaysMode  `json:"paid_days_mode,omitempty"`
	FixedPaidDays          int           `json:"fixed_paid_days,omitempty"`
	AvgMonthlyWageFen      map[int]int64 `json:"avg_monthly_wage_fen"`
	Divisor                Divisor       `json:"divisor,omitempty"`
	EmployeeMonthlyWageFen int64         `json:"employee_monthly_wage_fen"`
	MaternityInsured       bool          `json:"maternity_insured"`
	TopUp                  *bool         `json:"top_up,omitempty"`
	Payee                  Payee         `json:"payee,omitempty"`
}

// AllowanceResult is a computed maternity allowance with the employer's
// top-up, who pays and receives it, compliance gaps, and every parameter used.
type AllowanceResult struct {
	PaidDays            int      `json:"paid_days"`
	BasisYear           int      `json:"basis_year,omitempty"`
	BasisMonthlyWageFen int64    `json:"basis_monthly_wage_fen"`
	Divisor             Divisor  `json:"divisor"`
	AmountFen           int64    `json:"amount_fen"`
	EmployeeWageFen     int64    `json:"employee_wage_fen"`
	TopUpFen            int64    `json:"top_up_fen"`
	Payer               Payer    `json:"payer"`
	Payee               Payee    `json:"payee"`
	ComplianceGaps      []Reason `json:"compliance_gaps"`
	Notes               []Reason `json:"notes"`
	Parameters          []Param  `json:"parameters"`
}

// Legal bases cited by allowance results.
const (
	basisSIL56    = "社会保险法 第五十六条"
	basisSpecArt  = "女职工劳动保护特别规定 第八条"
	basisWageKept = "内蒙古自治区人口与计划生育条例 第三十条第二款（假期内工资、奖金和福利待遇不变）"
)

// Allowance computes the maternity-insurance allowance (生育津贴) of one birth
// or miscarriage (rules.md §3):
//
//	amount = basis monthly wage × paid days ÷ divisor, rounded once (RoundHalfUp)
//
// where the basis is the employer's average monthly wage of the year before
// the event. Her own wage for the same days is computed the same way; when
// the top-up rule is on the employer owes the difference if positive. For an
// uninsured employee the employer owes the allowance at her own wage, and the
// result carries a compliance gap. Invalid facts give FieldErrors; a missing
// basis year gives ErrMissingWageBasis (both wrapped).
func Allowance(f AllowanceFacts) (AllowanceResult, error) {
	if fe := validateAllowance(f); len(fe) > 0 {
		return AllowanceResult{}, fmt.Errorf("payroll: allowance: %w", fe)
	}
	s := resolveAllowance(f)
	res := AllowanceResult{
		PaidDays: s.paidDays, Divisor: s.divisor, Payee: s.payee,
		ComplianceGaps: []Reason{}, Notes: []Reason{},
	}
	var err error
	res.EmployeeWageFen, err = dailyAmount(f.EmployeeMonthlyWageFen, s.paidDays, s.divisor)
	if err != nil {
		return AllowanceResult{}, fmt.Errorf("payroll: allowance: employee wage: %w", err)
	}
	if !f.MaternityInsured {
		res.Payer, res.Payee = PayerEmployer, PayeeEmployee
		res.BasisMonthlyWageFen = f.EmployeeMonthlyWageFen
		res.AmountFen = res.EmployeeWageFen
		res.ComplianceGaps = append(res.ComplianceGaps, Reason{
			Code:    "maternity_uninsured",
			Message: "单位未为该职工缴纳生育保险：生育津贴由单位按其产假前工资标准支付，请尽快补办参保",
			Basis:   basisSpecArt,
		})
		res.Parameters = s.params(f, res)
		return res, nil
	}
	res.Payer = PayerFund
	res.BasisYear = f.EventDate.Year() - 1
	basis, ok := f.AvgMonthlyWageFen[res.BasisYear]
	if !ok {
		return AllowanceResult{}, fmt.Errorf("payroll: allowance: %w", ErrMissingWageBasis{Year: res.BasisYear})
	}
	res.BasisMonthlyWageFen = basis
	if res.AmountFen, err = dailyAmount(basis, s.paidDays, s.divisor); err != nil {
		return AllowanceResult{}, fmt.Errorf("payroll: allowance: amount: %w", err)
	}
	switch {
	case f.EmployeeMonthlyWageFen == 0:
		res.Notes = append(res.Notes, Reason{Code: "employee_wage_missing",
			Message: "未提供职工本人月工资，无法判断是否需要单位补差"})
	case s.topUp && res.EmployeeWageFen > res.AmountFen:
		res.TopUpFen = res.EmployeeWageFen - res.AmountFen
		res.Notes = append(res.Notes, Reason{Code: "top_up_due",
			Message: "生育津贴低于本人同期工资，差额由单位补足", Basis: basisWageKept})
	case res.EmployeeWageFen < res.AmountFen:
		res.Notes = append(res.Notes, Reason{Code: "allowance_above_wage",
			Message: "生育津贴高于本人同期工资，差额归职工所有"})
	}
	res.Parameters = s.params(f, res)
	return res, nil
}

// dailyAmount returns monthly × days ÷ divisor, rounded once. The divisor
// is in hundredths, so the exact value is monthly × days × 100 / centi.
func dailyAmount(monthlyFen int64, days int, d Divisor) (int64, error) {
	return mulDiv([]int64{monthlyFen, int64(days), 100}, []int64{d.Centi()})
}
