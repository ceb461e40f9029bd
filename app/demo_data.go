package app

import (
	"context"
	"fmt"

	"leaveguard/app/cases"
	"leaveguard/app/pii"
	"leaveguard/store"
)

// demoPerson is one demo employee and what happened in her (his) family.
type demoPerson struct {
	ext, name, gender, birthday, contractEnd string
	wage                                     int64
	insured                                  bool
	events                                   func(ctx context.Context, cs *cases.Cases, who store.Who, id string) error
}

func sp(s string) *string { return &s }
func ip(n int) *int       { return &n }
func bp(b bool) *bool     { return &b }

// informed is the notice of a sensitive fact given in writing on day.
func informed(day string) *cases.NoticeInput {
	return &cases.NoticeInput{Informed: bp(true), InformedOn: sp(day), Method: sp("written")}
}

var demoPeople = []demoPerson{
	{"XA-001", "乌兰托娅", "female", "19930412", "2027-03-31", 720000, true, func(ctx context.Context, cs *cases.Cases, who store.Who, id string) error {
		// Pregnant, gave birth to her first child; on leave, contract ends while nursing.
		if _, err := cs.RecordPregnancy(ctx, DemoTenantID, who, id, cases.PregnancyInput{ReportedOn: sp("2025-09-01"), ExpectedDueDate: sp("2026-05-12"), Notice: informed("2025-09-01")}); err != nil {
			return err
		}
		if _, err := cs.RecordBirth(ctx, DemoTenantID, who, id, cases.BirthInput{BirthDate: sp("2026-05-10"), ChildOrder: ip(1), Babies: ip(1), Notice: informed("2025-09-01")}); err != nil {
			return err
		}
		// She declared half of the IIT infant-care deduction (her husband the other half).
		ev, err := cs.Events(ctx, DemoTenantID, who, id)
		if err != nil {
			return err
		}
		if _, err := cs.PatchChild(ctx, DemoTenantID, who, ev.Children[0].ID, cases.ChildPatch{IITSharePercent: ip(50)}); err != nil {
			return err
		}
		_, err = cs.SubmitLeave(ctx, DemoTenantID, who, cases.LeaveInput{EmployeeID: &id, LeaveType: sp("parental"), Start: sp("2026-12-21"), Days: ip(3)})
		return err
	}},
	{"XA-002", "李海燕", "female", "19900218", "", 900000, true, func(ctx context.Context, cs *cases.Cases, who store.Who, id string) error {
		_, err := cs.RecordPregnancy(ctx, DemoTenantID, who, id, cases.PregnancyInput{ReportedOn: sp("2026-08-15"), ExpectedDueDate: sp("2027-03-20"), Notice: informed("2026-08-15")})
		return err
	}},
	{"XA-003", "张伟", "male", "19880705", "2028-06-30", 650000, true, func(ctx context.Context, cs *cases.Cases, who store.Who, id string) error {
		// His wife gave birth to their second child: spousal nursing leave,
		// approved; the birth was first typed as 10-30, then corrected to
		// 11-01 (the ledger withdraws and re-credits, the leave moves).
		b, err := cs.RecordBirth(ctx, DemoTenantID, who, id, cases.BirthInput{BirthDate: sp("2026-10-30"), ChildOrder: ip(2)})
		if err != nil {
			return err
		}
		r, err := cs.SubmitLeave(ctx, DemoTenantID, who, cases.LeaveInput{EmployeeID: &id, LeaveType: sp("spousal_nursing"), Start: sp("2026-11-01"), Days: ip(25)})
		if err != nil {
			return err
		}
		if _, err = cs.ApproveLeave(ctx, DemoTenantID, who, r.ID); err != nil {
			return err
		}
		_, err = cs.CorrectBirth(ctx, DemoTenantID, who, b.Birth.ID, cases.BirthInput{BirthDate: sp("2026-11-01"), ChildOrder: ip(2)})
		return err
	}},
	{"XA-004", "其其格", "female", "19951123", "2026-12-31", 560000, false, func(ctx context.Context, cs *cases.Cases, who store.Who, id string) error {
		// Third child, twins, dystocia; not insured; contract ends during maternity leave.
		// Her page lists the 5,000 yuan Hinggan allowance of the 3rd child and reminds HR that
		// her IIT share is not declared yet.
		if _, err := cs.RecordBirth(ctx, DemoTenantID, who, id, cases.BirthInput{BirthDate: sp("2026-09-20"), ChildOrder: ip(3), Babies: ip(2), Dystocia: bp(true), Notice: informed("2026-09-25")}); err != nil {
			return err
		}
		r, err := cs.SubmitLeave(ctx, DemoTenantID, who, cases.LeaveInput{EmployeeID: &id, LeaveType: sp("maternity"), Start: sp("2026-09-20"), Days: ip(218)})
		if err != nil {
			return err
		}
		_, err = cs.ApproveLeave(ctx, DemoTenantID, who, r.ID)
		return err
	}},
	{"XA-005", "王丽娜", "female", "19870901", "", 810000, true, func(ctx context.Context, cs *cases.Cases, who store.Who, id string) error {
		// Recorded without a notice: her page reminds HR to inform her and record it.
		_, err := cs.RecordMiscarriage(ctx, DemoTenantID, who, id, cases.MiscarriageInput{Date: sp("2026-10-10"), GestationWeeks: ip(12)})
		return err
	}},
	{"XA-006", "巴特尔", "male", "19920310", "", 700000, true, func(ctx context.Context, cs *cases.Cases, who store.Who, id string) error {
		if _, _, err := cs.RecordMarriage(ctx, DemoTenantID, who, id, cases.MarriageInput{RegisteredOn: sp("2026-10-01")}); err != nil {
			return err
		}
		_, err := cs.SubmitLeave(ctx, DemoTenantID, who, cases.LeaveInput{EmployeeID: &id, LeaveType: sp("marriage"), Start: sp("2026-12-14"), Days: ip(18)})
		return err
	}},
	{"XA-007", "阿拉坦", "male", "19850506", "", 680000, true, func(ctx context.Context, cs *cases.Cases, who store.Who, id string) error {
		// A former employee: resigned in 2025 (the list shows him with ?status=former).
		_, err := cs.RecordSeparation(ctx, DemoTenantID, who, id, cases.SeparationInput{LastDay: sp("2025-06-30"), Kind: sp("resignation")})
		return err
	}},
}

// demoRegions are the demo employees who work outside the tenant's region
// (工作地区): 李海燕 works at the Guangzhou office, so her coming birth is
// judged by Guangdong's pack (docs/regions.md).
var demoRegions = map[string]string{"XA-002": "CN-GD"}

// seedDemo records the demo employees and their families through the same
// use cases as the API, then runs a dismissal check, sets the payroll
// settings, files an allowance claim and a subsidy application, and runs the
// daily job.
func seedDemo(ctx context.Context, cs *cases.Cases) error {
	who := store.Who{ActorType: "system", ActorID: "demo"}
	ids := map[string]string{}
	for i, p := range demoPeople {
		nid := pii.MakeNationalID("152201", p.birthday, 10+i*2+map[string]int{"female": 0, "male": 1}[p.gender])
		in := cases.EmployeeInput{ExternalID: sp(p.ext), Name: sp(p.name), Gender: sp(p.gender), NationalID: &nid,
			HiredOn: sp("2019-03-01"), MonthlyWageFen: &p.wage, MaternityInsured: &p.insured}
		if p.contractEnd != "" {
			in.ContractEnd = []byte(`"` + p.contractEnd + `"`)
		}
		if r, ok := demoRegions[p.ext]; ok {
			in.Region = sp(r)
		}
		e, err := cs.CreateEmployee(ctx, DemoTenantID, who, in)
		if err != nil {
			return fmt.Errorf("%s: %w", p.ext, err)
		}
		ids[p.ext] = e.ID
		if err := p.events(ctx, cs, who, e.ID); err != nil {
			return fmt.Errorf("%s events: %w", p.ext, err)
		}
	}
	first := ids["XA-001"]
	if _, err := cs.CheckDismissal(ctx, DemoTenantID, who, cases.DismissalInput{EmployeeID: &first,
		Action: sp("termination"), Ground: sp("art40"), EffectiveDate: sp("2026-12-31")}); err != nil {
		return err
	}
	// The employer is being dissolved early (Art. 44(5)): inside her maternity leave
	// this needs review, and Art. 46 severance is due.
	twins := ids["XA-004"]
	if _, err := cs.CheckDismissal(ctx, DemoTenantID, who, cases.DismissalInput{EmployeeID: &twins,
		Action: sp("termination"), Ground: sp("art44_closure"), EffectiveDate: sp("2026-12-31")}); err != nil {
		return err
	}
	if err := seedDemoPayroll(ctx, cs, DemoTenantID); err != nil {
		return err
	}
	if err := seedDemoWebhooks(ctx, cs, DemoTenantID); err != nil {
		return err
	}
	if err := seedDemoRights(ctx, cs, who, ids["XA-001"]); err != nil {
		return err
	}
	_, err := cs.RunProtectionJob(ctx, cs.Today())
	return err
}
