package leave_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"leaveguard/leave"
)

// The store saves plans as JSON and loads them back as facts: the round trip
// must be lossless.
func TestPlansRoundTripThroughJSON(t *testing.T) {
	twins := leave.Birth{Date: d("2026-03-16"), ChildOrder: 3, Babies: 2, Dystocia: true, Parent: leave.Mother,
		LeaveStart: d("2026-03-06")}
	facts := leave.Facts{Gender: leave.Female, OnlyChild: true, ContractEnd: d("2027-06-30"),
		Pregnancies:  []leave.Pregnancy{{ReportedOn: d("2025-08-01"), ExpectedDueDate: d("2026-03-20")}},
		Births:       []leave.BirthPlan{mustPlan(t, xam(), twins), mustPlan(t, xam(), father("2026-03-16", 4))},
		Miscarriages: []leave.MiscarriagePlan{mustMiscarriage(t, xam(), leave.Miscarriage{Date: d("2025-01-10"), GestationWeeks: 17})},
		Marriages:    []leave.Date{d("2024-10-01")},
		Children:     []leave.Child{{ID: "c1", BirthDate: d("2023-02-01"), Order: 1}}}
	b, err := json.Marshal(facts)
	if err != nil {
		t.Fatal(err)
	}
	var back leave.Facts
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(facts, back) {
		t.Errorf("round trip changed the facts:\n%+v\n%+v", facts, back)
	}
	p1 := leave.ProtectionOn(facts, d("2026-05-01"))
	p2 := leave.ProtectionOn(back, d("2026-05-01"))
	if !reflect.DeepEqual(p1, p2) {
		t.Errorf("protection differs after round trip")
	}
}

func TestBirthPlanJSONMatchesAPI(t *testing.T) {
	b, _ := json.Marshal(mustPlan(t, xam(), leave.Birth{Date: d("2026-03-10"), ChildOrder: 3, Babies: 2, Dystocia: true,
		Parent: leave.Mother}))
	s := string(b)
	for _, want := range []string{`"maternity_leave":{"days":218,"start":"2026-03-10","end":"2026-10-13","components":[`,
		`{"code":"national_base","days":98,"basis":[{"rule_id":"CN/maternity.base@2012-04-28"`,
		`"code":"dystocia","days":15`, `"code":"multiple_birth","days":15`, `"code":"regional_extension","days":90`,
		`"jurisdiction":"CN-NM-XAM"`, `"tenant_override":false`, `"nursing_period_end":"2027-03-10"`,
		`"protected_until":"2027-03-10"`, `"parental_leave":{"days_per_year":10,"unit":"working_days","until":"2029-03-10"`,
		`"nursing_time":{"hours_per_day":2`} {
		if !strings.Contains(s, want) {
			t.Errorf("plan JSON lacks %s\n%s", want, s)
		}
	}
	if strings.Contains(s, "spousal_nursing_leave") {
		t.Error("mother's plan has spousal_nursing_leave")
	}
	f, _ := json.Marshal(mustPlan(t, xam(), father("2026-03-10", 1)))
	for _, want := range []string{`"spousal_nursing_leave":{"days":25,"unit":"calendar_days","basis":[`,
		`"parental_leave":{"days_per_year":10`} {
		if !strings.Contains(string(f), want) {
			t.Errorf("father plan JSON lacks %s\n%s", want, f)
		}
	}
	for _, absent := range []string{"maternity_leave", "nursing_period_end", "protected_until"} {
		if strings.Contains(string(f), absent) {
			t.Errorf("father plan has %s", absent)
		}
	}
}

func TestMaternityRequestAcrossNewYear(t *testing.T) {
	f := leave.Facts{Gender: leave.Female, Births: []leave.BirthPlan{mustPlan(t, xam(), mother("2026-11-15"))}}
	dec, err := leave.CheckRequest(f, xam(), leave.NewCalendar(), leave.Ledger{}, nil,
		leave.Request{LeaveType: leave.LeaveMaternity, Start: d("2026-11-15"), Days: 158})
	if err != nil {
		t.Fatal(err)
	}
	if !dec.End.Equal(d("2027-04-21")) || dec.Unit != leave.CalendarDays || dec.Bucket != "maternity:2026-11-15" || len(dec.Notes) != 0 {
		t.Errorf("decision = %+v: one calendar-day leave across New Year, no calendar needed", dec)
	}
}
