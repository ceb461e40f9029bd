package faults_test

import "testing"

func at(p string) func(fixture) string { return func(fixture) string { return p } }

func FuzzCreateEmployeeBody(f *testing.F) {
	fuzzBody(f, "POST", at("/api/v1/employees"), `{"external_id": "E1", "name": "李四", "gender": "female",
		"national_id": "11010519900101002X", "hired_on": "2020-01-01", "contract_end": "2027-01-01",
		"monthly_wage_fen": 500000, "maternity_insured": true, "region": "CN-NM-XAM"}`,
		`{"gender": 1, "monthly_wage_fen": -1, "hired_on": "2020-02-30"}`, `{"monthly_wage_fen": 9223372036854775808}`)
}

func FuzzPatchEmployeeBody(f *testing.F) {
	fuzzBody(f, "PATCH", func(x fixture) string { return "/api/v1/employees/" + x.Employee },
		`{"monthly_wage_fen": 100, "override_reason": "降薪"}`, `{"contract_end": null}`, `{"name": ""}`)
}

func FuzzPregnancyBody(f *testing.F) {
	fuzzBody(f, "POST", func(x fixture) string { return "/api/v1/employees/" + x.Employee + "/pregnancies" },
		`{"reported_on": "2026-01-05", "expected_due_date": "2026-08-01"}`, `{"reported_on": "0001-01-01"}`)
}

func FuzzBirthBody(f *testing.F) {
	fuzzBody(f, "POST", func(x fixture) string { return "/api/v1/employees/" + x.Employee + "/births" },
		`{"birth_date": "2026-03-10", "child_order": 2, "babies": 2, "dystocia": true, "leave_start": "2026-02-25"}`,
		`{"birth_date": "9999-12-31", "child_order": 20}`)
}

func FuzzCorrectBirthBody(f *testing.F) {
	fuzzBody(f, "PUT", func(x fixture) string { return "/api/v1/births/" + x.Birth },
		`{"birth_date": "2025-03-02", "child_order": 1}`)
}

func FuzzMiscarriageBody(f *testing.F) {
	fuzzBody(f, "POST", func(x fixture) string { return "/api/v1/employees/" + x.Employee + "/miscarriages" },
		`{"date": "2026-02-01", "gestation_weeks": 12}`, `{"date": "2026-02-01", "gestation_weeks": 99}`)
}

func FuzzMarriageBody(f *testing.F) {
	fuzzBody(f, "POST", func(x fixture) string { return "/api/v1/employees/" + x.Employee + "/marriages" },
		`{"registered_on": "2025-10-01"}`)
}

func FuzzLeaveRequestBody(f *testing.F) {
	fuzzBody(f, "POST", at("/api/v1/leave-requests"), `{"employee_id": "00000000-0000-4000-8000-000000000000",
		"leave_type": "parental", "start": "2026-06-02", "days": 2}`, `{"leave_type": "maternity", "days": 100000}`)
}

func FuzzLeaveRejectBody(f *testing.F) {
	fuzzBody(f, "POST", func(x fixture) string { return "/api/v1/leave-requests/" + x.Leave + "/reject" },
		`{"reason": "人手不足"}`)
}

func FuzzDismissalBody(f *testing.F) {
	fuzzBody(f, "POST", at("/api/v1/dismissal-checks"), `{"external_id": "FUZZ-1", "action": "termination",
		"ground": "art40", "effective_date": "2026-12-01"}`, `{"action": "demotion", "effective_date": "2026-13-01"}`)
}

func FuzzSettingsBody(f *testing.F) {
	fuzzBody(f, "PUT", at("/api/v1/settings"), `{"avg_monthly_wage_fen": {"2025": 720000}, "allowance_divisor": 30}`,
		`{"parental_unit": "working_days", "only_child_care_days": 10}`, `{"allowance_divisor": 0}`)
}

func FuzzIntegrationBody(f *testing.F) {
	fuzzBody(f, "POST", at("/api/v1/integrations"), `{"name": "工资系统", "outbound_url": "https://example.com/hook"}`,
		`{"name": "x", "outbound_url": "http://127.0.0.1:1/"}`)
}

func FuzzClaimBody(f *testing.F) {
	fuzzBody(f, "POST", at("/api/v1/allowance-claims"), `{"birth_id": "00000000-0000-4000-8000-000000000000"}`,
		`{"birth_id": "x", "miscarriage_id": "y"}`)
}

func FuzzClaimPayBody(f *testing.F) {
	fuzzBody(f, "POST", func(x fixture) string { return "/api/v1/allowance-claims/" + x.Claim + "/pay" },
		`{"paid_fen": 100, "paid_on": "2026-01-01"}`)
}

func FuzzSubsidyBody(f *testing.F) {
	fuzzBody(f, "POST", at("/api/v1/subsidy-applications"), `{"period_from": "2025-01", "period_to": "2025-12"}`,
		`{"period_from": "2025-13", "period_to": "1999-01"}`)
}
