package leave_test

import (
	"errors"
	"testing"

	"leaveguard/leave"
)

var d = leave.MustDate

// xam is the Hinggan League rules with default settings.
func xam() leave.Rules {
	return leave.Rules{Book: leave.DefaultRuleBook(), Region: "CN-NM-XAM"}
}

func rulesIn(region string, s leave.Settings) leave.Rules {
	return leave.Rules{Book: leave.DefaultRuleBook(), Region: region, Settings: s}
}

func mustPlan(t testing.TB, r leave.Rules, b leave.Birth) leave.BirthPlan {
	t.Helper()
	p, err := r.PlanBirth(b)
	if err != nil {
		t.Fatalf("PlanBirth(%+v): %v", b, err)
	}
	return p
}

func mustMiscarriage(t testing.TB, r leave.Rules, m leave.Miscarriage) leave.MiscarriagePlan {
	t.Helper()
	p, err := r.PlanMiscarriage(m)
	if err != nil {
		t.Fatalf("PlanMiscarriage(%+v): %v", m, err)
	}
	return p
}

// mother is a first-child, single-baby, normal birth for the mother.
func mother(date string) leave.Birth {
	return leave.Birth{Date: d(date), ChildOrder: 1, Babies: 1, Parent: leave.Mother}
}

func father(date string, order int) leave.Birth {
	return leave.Birth{Date: d(date), ChildOrder: order, Babies: 1, Parent: leave.Father}
}

func wantErr(t *testing.T, err, want error) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	if !errors.Is(err, want) {
		t.Fatalf("error = %v, want %v", err, want)
	}
	var le *leave.Error
	if errors.As(err, &le) && le.Message == "" {
		t.Errorf("domain error without a Chinese message: %v", err)
	}
}

func datePtr(s string) *leave.Date {
	x := d(s)
	return &x
}

func eqDatePtr(a, b *leave.Date) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}
