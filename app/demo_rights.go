package app

import (
	"context"

	"leaveguard/app/cases"
	"leaveguard/store"
)

// seedDemoRights records two correction requests of the demo's first
// employee: her contract end, corrected, and her wage, still open.
func seedDemoRights(ctx context.Context, cs *cases.Cases, who store.Who, employee string) error {
	r, err := cs.RecordCorrectionRequest(ctx, DemoTenantID, who, employee, cases.CorrectionRequestInput{
		Subject: sp("劳动合同到期日应为 2027-03-31（续签合同后未更新）"), ReceivedOn: sp("2026-11-02"), Channel: sp("written")})
	if err != nil {
		return err
	}
	if _, err := cs.DecideCorrectionRequest(ctx, DemoTenantID, who, r.ID, cases.CorrectionOutcomeInput{
		Outcome: sp("corrected"), Note: sp("已按续签的劳动合同更正"), DecidedOn: sp("2026-11-05")}); err != nil {
		return err
	}
	_, err = cs.RecordCorrectionRequest(ctx, DemoTenantID, who, employee, cases.CorrectionRequestInput{
		Subject: sp("月工资应含岗位津贴"), ReceivedOn: sp("2026-11-25"), Channel: sp("email")})
	return err
}
