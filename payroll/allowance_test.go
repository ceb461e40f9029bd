package payroll

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"leaveguard/leave"
)

// birthFacts returns insured first-child birth facts on a 7,200-yuan basis.
func birthFacts() AllowanceFacts {
	return AllowanceFacts{
		Event: EventBirth, EventDate: leave.MustDate("2025-03-10"),
		StatutoryDays: 158, NationalDays: 98,
		AvgMonthlyWageFen:      map[int]int64{2024: 720000},
		EmployeeMonthlyWageFen: 720000, MaternityInsured: true,
	}
}

func boolPtr(b bool) *bool { return &b }

func TestAllowance(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(*AllowanceFacts)
		days     int
		amount   int64
		wage     int64
		topUp    int64
		payer    Payer
		payee    Payee
		gap      string
		divisor  Divisor
		noteCode string
	}{
		{name: "first child 158 days on 7200 yuan", edit: func(*AllowanceFacts) {},
			days: 158, amount: 3792000, wage: 3792000, payer: PayerFund, payee: PayeeEmployee, divisor: 3000},
		{name: "top-up against a 9000 yuan wage", edit: func(f *AllowanceFacts) { f.EmployeeMonthlyWageFen = 900000 },
			days: 158, amount: 3792000, wage: 4740000, topUp: 948000, payer: PayerFund, payee: PayeeEmployee, divisor: 3000, noteCode: "top_up_due"},
		{name: "top-up off by tenant", edit: func(f *AllowanceFacts) { f.EmployeeMonthlyWageFen = 900000; f.TopUp = boolPtr(false) },
			days: 158, amount: 3792000, wage: 4740000, payer: PayerFund, payee: PayeeEmployee, divisor: 3000},
		{name: "allowance above her wage she keeps it", edit: func(f *AllowanceFacts) { f.EmployeeMonthlyWageFen = 500000 },
			days: 158, amount: 3792000, wage: 2633333, payer: PayerFund, payee: PayeeEmployee, divisor: 3000, noteCode: "allowance_above_wage"},
		{name: "twins with dystocia 158+15+15", edit: func(f *AllowanceFacts) { f.StatutoryDays, f.NationalDays = 188, 128 },
			days: 188, amount: 4512000, wage: 4512000, payer: PayerFund, payee: PayeeEmployee, divisor: 3000},
		{name: "twins with dystocia national days only", edit: func(f *AllowanceFacts) {
			f.StatutoryDays, f.NationalDays, f.PaidDaysMode = 188, 128, PaidDaysNational
		}, days: 128, amount: 3072000, wage: 3072000, payer: PayerFund, payee: PayeeEmployee, divisor: 3000},
		{name: "miscarriage under 4 months 15 days", edit: func(f *AllowanceFacts) {
			f.Event, f.StatutoryDays, f.NationalDays = EventMiscarriage, 15, 15
		}, days: 15, amount: 360000, wage: 360000, payer: PayerFund, payee: PayeeEmployee, divisor: 3000},
		{name: "miscarriage from 4 months 42 days", edit: func(f *AllowanceFacts) {
			f.Event, f.StatutoryDays, f.NationalDays = EventMiscarriage, 42, 42
		}, days: 42, amount: 1008000, wage: 1008000, payer: PayerFund, payee: PayeeEmployee, divisor: 3000},
		{name: "fixed paid days", edit: func(f *AllowanceFacts) { f.PaidDaysMode, f.FixedPaidDays = PaidDaysFixed, 100 },
			days: 100, amount: 2400000, wage: 2400000, payer: PayerFund, payee: PayeeEmployee, divisor: 3000},
		{name: "divisor 30.4 set by tenant", edit: func(f *AllowanceFacts) { f.Divisor = 3040; f.EmployeeMonthlyWageFen = 900000 },
			days: 158, amount: 3742105, wage: 4677632, topUp: 935527, payer: PayerFund, payee: PayeeEmployee, divisor: 3040, noteCode: "top_up_due"},
		{name: "payee employer", edit: func(f *AllowanceFacts) { f.Payee = PayeeEmployer },
			days: 158, amount: 3792000, wage: 3792000, payer: PayerFund, payee: PayeeEmployer, divisor: 3000},
		{name: "uninsured employee employer pays at her wage", edit: func(f *AllowanceFacts) {
			f.MaternityInsured, f.EmployeeMonthlyWageFen, f.AvgMonthlyWageFen = false, 900000, nil
		}, days: 158, amount: 4740000, wage: 4740000, payer: PayerEmployer, payee: PayeeEmployee, gap: "maternity_uninsured", divisor: 3000},
		{name: "rounding exact half fen rounds up", edit: func(f *AllowanceFacts) {
			f.AvgMonthlyWageFen[2024], f.StatutoryDays, f.NationalDays, f.EmployeeMonthlyWageFen = 100001, 15, 15, 0 // 50000.5
		}, days: 15, amount: 50001, payer: PayerFund, payee: PayeeEmployee, divisor: 3000, noteCode: "employee_wage_missing"},
		{name: "rounding .49 fen rounds down", edit: func(f *AllowanceFacts) {
			f.AvgMonthlyWageFen[2024], f.StatutoryDays, f.NationalDays, f.Divisor, f.EmployeeMonthlyWageFen = 760001, 15, 15, 3040, 760001 // 375000.4934
		}, days: 15, amount: 375000, wage: 375000, payer: PayerFund, payee: PayeeEmployee, divisor: 3040},
		{name: "rounding odd fen thirds", edit: func(f *AllowanceFacts) {
			f.AvgMonthlyWageFen[2024], f.StatutoryDays, f.EmployeeMonthlyWageFen = 720001, 158, 720002 // 3792005.27 / 3792010.53
		}, days: 158, amount: 3792005, wage: 3792011, topUp: 6, payer: PayerFund, payee: PayeeEmployee, divisor: 3000, noteCode: "top_up_due"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := birthFacts()
			tc.edit(&f)
			r, err := Allowance(f)
			if err != nil {
				t.Fatal(err)
			}
			if r.PaidDays != tc.days || r.AmountFen != tc.amount || r.EmployeeWageFen != tc.wage || r.TopUpFen != tc.topUp {
				t.Fatalf("days/amount/wage/top-up = %d/%d/%d/%d, want %d/%d/%d/%d",
					r.PaidDays, r.AmountFen, r.EmployeeWageFen, r.TopUpFen, tc.days, tc.amount, tc.wage, tc.topUp)
			}
			if r.Payer != tc.payer || r.Payee != tc.payee || r.Divisor != tc.divisor {
				t.Fatalf("payer/payee/divisor = %s/%s/%s", r.Payer, r.Payee, r.Divisor)
			}
			if got := codes(r.ComplianceGaps); got != tc.gap {
				t.Fatalf("gaps = %q, want %q", got, tc.gap)
			}
			if got := codes(r.Notes); got != tc.noteCode {
				t.Fatalf("notes = %q, want %q", got, tc.noteCode)
			}
			if tc.gap != "" && !strings.Contains(r.ComplianceGaps[0].Basis, "第八条") {
				t.Fatalf("gap basis = %q", r.ComplianceGaps[0].Basis)
			}
			checkAllowanceParams(t, r)
		})
	}
}

func codes(rs []Reason) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = r.Code
	}
	return strings.Join(s, ",")
}

// checkAllowanceParams asserts that the figures used are all listed with a
// source, and the low-confidence ones are marked.
func checkAllowanceParams(t *testing.T, r AllowanceResult) {
	t.Helper()
	byName := map[string]Param{}
	for _, p := range r.Parameters {
		if p.Source == "" {
			t.Fatalf("param %s has no source", p.Name)
		}
		byName[p.Name] = p
	}
	for _, n := range []string{"paid_days_mode", "paid_days", "basis_monthly_wage_fen", "divisor", "top_up", "payee", "employee_monthly_wage_fen"} {
		if _, ok := byName[n]; !ok {
			t.Fatalf("param %s missing", n)
		}
	}
	if v, _ := byName["paid_days"].Value.Int64(); v != int64(r.PaidDays) {
		t.Fatalf("paid_days param = %d", v)
	}
	if byName["divisor"].Value.String() != r.Divisor.String() || byName["divisor"].Confidence != ConfidenceLow {
		t.Fatalf("divisor param = %+v", byName["divisor"])
	}
	if r.Divisor == DefaultDivisor != byName["divisor"].Default {
		t.Fatalf("divisor default flag = %v", byName["divisor"].Default)
	}
}

func TestAllowanceMissingBasisYear(t *testing.T) {
	f := birthFacts()
	f.AvgMonthlyWageFen = map[int]int64{2025: 800000} // the event's own year, not the one before
	_, err := Allowance(f)
	var miss ErrMissingWageBasis
	if !errors.As(err, &miss) || miss.Year != 2024 {
		t.Fatalf("err = %v, want ErrMissingWageBasis{2024}", err)
	}
	if !strings.Contains(miss.Error(), "2024年度") {
		t.Fatalf("message %q does not name the year", miss.Error())
	}
}

func TestAllowanceInvalid(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*AllowanceFacts)
		field string
	}{
		{"unknown event", func(f *AllowanceFacts) { f.Event = "adoption" }, "event"},
		{"no date", func(f *AllowanceFacts) { f.EventDate = leave.Date{} }, "event_date"},
		{"zero days", func(f *AllowanceFacts) { f.StatutoryDays = 0 }, "statutory_days"},
		{"fixed without days", func(f *AllowanceFacts) { f.PaidDaysMode = PaidDaysFixed }, "fixed_paid_days"},
		{"bad mode", func(f *AllowanceFacts) { f.PaidDaysMode = "weekly" }, "paid_days_mode"},
		{"negative divisor", func(f *AllowanceFacts) { f.Divisor = -1 }, "divisor"},
		{"zero basis", func(f *AllowanceFacts) { f.AvgMonthlyWageFen[2024] = 0 }, "avg_monthly_wage_fen.2024"},
		{"uninsured without wage", func(f *AllowanceFacts) { f.MaternityInsured, f.EmployeeMonthlyWageFen = false, 0 }, "employee_monthly_wage_fen"},
		{"bad payee", func(f *AllowanceFacts) { f.Payee = "bank" }, "payee"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := birthFacts()
			tc.edit(&f)
			_, err := Allowance(f)
			var fe FieldErrors
			if !errors.As(err, &fe) || fe[tc.field] == "" {
				t.Fatalf("err = %v, want a field error on %s", err, tc.field)
			}
		})
	}
}

func TestAllowanceJSON(t *testing.T) {
	in := `{"event":"birth","event_date":"2025-03-10","statutory_days":158,"national_days":98,
		"avg_monthly_wage_fen":{"2024":720000},"divisor":30.4,"employee_monthly_wage_fen":900000,
		"maternity_insured":true,"top_up":true}`
	var f AllowanceFacts
	if err := json.Unmarshal([]byte(in), &f); err != nil {
		t.Fatal(err)
	}
	r, err := Allowance(f)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(r)
	for _, want := range []string{`"paid_days":158`, `"basis_monthly_wage_fen":720000`, `"divisor":30.4`,
		`"amount_fen":3742105`, `"employee_wage_fen":4677632`, `"top_up_fen":935527`, `"payee":"employee"`, `"parameters":[`} {
		if !strings.Contains(string(b), want) {
			t.Fatalf("JSON %s lacks %s", b, want)
		}
	}
	var back AllowanceResult
	if err := json.Unmarshal(b, &back); err != nil || back.Divisor != 3040 || back.AmountFen != r.AmountFen {
		t.Fatalf("round trip: %+v, %v", back, err)
	}
}
