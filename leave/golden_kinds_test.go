package leave_test

import (
	"errors"
	"testing"

	"leaveguard/leave"
)

func goldenDismissal(t *testing.T, fx goldenFacts, tc goldenCase) (map[string]any, []leave.Basis) {
	f, _ := fx.facts(t)
	v, err := leave.CheckDismissal(f, tc.Action, tc.Ground, d(tc.On))
	if err != nil {
		t.Fatalf("CheckDismissal: %v", err)
	}
	var codes []string
	var basis []leave.Basis
	for _, r := range v.Reasons {
		codes = append(codes, r.Code)
		basis = append(basis, r.Basis...)
		if r.Message == "" {
			t.Errorf("reason %s without a message", r.Code)
		}
	}
	return map[string]any{"verdict": v.Outcome, "phase": v.Phase, "protected_from": v.ProtectedFrom,
		"protected_from_estimated": v.FromEstimated, "protected_until": v.ProtectedUntil,
		"protected_until_estimated": v.UntilEstimated, "extended_contract_end": v.ExtendedContractEnd,
		"allowed_from": v.AllowedFrom, "codes": codes}, basis
}

func goldenProtection(t *testing.T, fx goldenFacts, tc goldenCase) (map[string]any, []leave.Basis) {
	f, _ := fx.facts(t)
	p := leave.ProtectionOn(f, d(tc.On))
	return map[string]any{"protected": p.Protected, "phase": p.Phase, "from": p.From, "from_estimated": p.FromEstimated,
		"until": p.Until, "until_estimated": p.UntilEstimated}, p.Basis
}

func goldenPlan(t *testing.T, fx goldenFacts, tc goldenCase) (map[string]any, []leave.Basis) {
	r := rulesIn("CN-NM-XAM", fx.Settings)
	b := fx.Births[0]
	b.Parent = leave.Mother
	if fx.Gender == leave.Male {
		b.Parent = leave.Father
	}
	if tc.LeaveStart != "" {
		b.LeaveStart = d(tc.LeaveStart)
	}
	if tc.Stillborn != nil {
		b.Stillborn = *tc.Stillborn
	}
	p, err := r.PlanBirth(b)
	if err != nil {
		var le *leave.Error
		msg := ""
		if errors.As(err, &le) {
			msg = le.Message
		}
		return map[string]any{"error": errName(err), "message": msg}, nil
	}
	got := map[string]any{"nursing_end": p.NursingPeriodEnd, "protected_until": p.ProtectedUntil,
		"parental_until": p.ParentalLeave.Until, "parental_days": p.ParentalLeave.DaysPerYear, "notes": p.Notes,
		"extension_days": 0, "nursing_hours": 0, "spousal_days": 0}
	basis := append([]leave.Basis{}, p.ParentalLeave.Basis...)
	if ml := p.MaternityLeave; ml != nil {
		got["maternity_days"], got["leave_start"], got["leave_end"] = ml.Days, ml.Start, ml.End
		for _, c := range ml.Components {
			basis = append(basis, c.Basis...)
			if c.Code == leave.CompRegionalExtension {
				got["extension_days"] = c.Days
			}
		}
	}
	if nt := p.NursingTime; nt != nil {
		got["nursing_hours"] = nt.HoursPerDay
		basis = append(basis, nt.Basis...)
	}
	if sn := p.SpousalNursingLeave; sn != nil {
		got["spousal_days"] = sn.Days
		basis = append(basis, sn.Basis...)
	}
	return got, basis
}

func goldenRequest(t *testing.T, fx goldenFacts, tc goldenCase) (map[string]any, []leave.Basis) {
	f, r := fx.facts(t)
	dec, err := leave.CheckRequest(f, r, leave.NewCalendar(), leave.Ledger{}, nil, *tc.Request)
	if err != nil {
		var le *leave.Error
		msg := ""
		if errors.As(err, &le) {
			msg = le.Message
		}
		return map[string]any{"error": errName(err), "message": msg}, nil
	}
	return map[string]any{"start": dec.Start, "end": dec.End, "days": dec.Days}, dec.Basis
}
