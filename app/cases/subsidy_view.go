package cases

import (
	"context"
	"encoding/json"
	"time"

	"leaveguard/leave"
	"leaveguard/payroll"
	"leaveguard/store"
)

// SubsidySummary is a subsidy application without its lines: the period,
// status, total, the parameters and notes of the computation, and the
// lifecycle dates and reconciliation.
type SubsidySummary struct {
	ID                string           `json:"id"`
	PeriodFrom        payroll.Month    `json:"period_from"`
	PeriodTo          payroll.Month    `json:"period_to"`
	Status            string           `json:"status"`
	StatusLabel       string           `json:"status_label"`
	TotalClaimableFen int64            `json:"total_claimable_fen"`
	LineCount         int              `json:"line_count"`
	Parameters        []payroll.Param  `json:"parameters"`
	Notes             []payroll.Reason `json:"notes"`
	SubmittedOn       *leave.Date      `json:"submitted_on"`
	DecidedOn         *leave.Date      `json:"decided_on"`
	RejectReason      string           `json:"reject_reason,omitempty"`
	PaidFen           *int64           `json:"paid_fen"`
	PaidOn            *leave.Date      `json:"paid_on"`
	DifferenceFen     *int64           `json:"difference_fen"`
	Reconciliation    *Reconciliation  `json:"reconciliation"`
	CreatedAt         time.Time        `json:"created_at"`
	UpdatedAt         time.Time        `json:"updated_at"`
}

// Subsidy is an application with its lines (and, when loaded, its history).
type Subsidy struct {
	SubsidySummary
	Lines   []payroll.SubsidyLine `json:"lines"`
	History []store.Transition    `json:"history,omitempty"`
}

func subsidyOf(a store.SubsidyApplication) SubsidySummary {
	s := SubsidySummary{ID: a.ID, PeriodFrom: payroll.MonthOf(a.PeriodFrom), PeriodTo: payroll.MonthOf(a.PeriodTo),
		Status: a.Status, StatusLabel: statusLabels[a.Status], TotalClaimableFen: a.TotalClaimableFen,
		LineCount: a.LineCount, SubmittedOn: a.SubmittedOn, DecidedOn: a.DecidedOn, RejectReason: a.RejectReason,
		PaidFen: a.PaidFen, PaidOn: a.PaidOn, DifferenceFen: a.DifferenceFen,
		Reconciliation: reconcile(a.TotalClaimableFen, a.PaidFen), CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
	var doc struct {
		Parameters []payroll.Param  `json:"parameters"`
		Notes      []payroll.Reason `json:"notes"`
	}
	_ = json.Unmarshal(a.Result, &doc)
	s.Parameters, s.Notes = nonNilSlice(doc.Parameters), nonNilSlice(doc.Notes)
	return s
}

// lineOf turns a stored line back into the payroll shape.
func lineOf(l store.SubsidyLine) payroll.SubsidyLine {
	out := payroll.SubsidyLine{EmployeeID: l.EmployeeID, Month: payroll.MonthOf(l.Month),
		LeaveType: payroll.LeaveType(l.LeaveType), LeaveDays: l.LeaveDays, DaysInMonth: l.DaysInMonth,
		WageFen: l.WageFen, BaseFen: l.BaseFen, EmployerRateBP: l.EmployerRateBP, RatioBP: l.RatioBP,
		EmployerContributionFen: l.EmployerContributionFen, ClaimableFen: l.ClaimableFen, Eligible: l.Eligible}
	_ = json.Unmarshal(l.Reasons, &out.Reasons)
	out.Reasons = nonNilSlice(out.Reasons)
	return out
}

// Subsidy loads one application with its lines and history, auditing the
// read (its lines name employees and their leave).
func (c *Cases) Subsidy(ctx context.Context, tenant string, who store.Who, id string) (Subsidy, error) {
	var out Subsidy
	a, history, err := filingRead(ctx, c, subsidyKind, tenant, who, id, func(tx *store.Tx, _ store.SubsidyApplication) (map[string]any, error) {
		lines, err := tx.SubsidyLines(ctx, tenant, id)
		if err != nil {
			return nil, err
		}
		out.Lines = make([]payroll.SubsidyLine, len(lines))
		for i, l := range lines {
			out.Lines[i] = lineOf(l)
		}
		return map[string]any{"lines": len(lines)}, nil
	})
	if err != nil {
		return Subsidy{}, err
	}
	out.SubsidySummary, out.History = subsidyOf(a), history
	return out, nil
}

// Subsidies lists applications (without lines) matching f, auditing the read.
func (c *Cases) Subsidies(ctx context.Context, tenant string, who store.Who, f store.SubsidyFilter) ([]SubsidySummary, error) {
	rows, err := filingList(ctx, c, subsidyKind, tenant, who, func(tx *store.Tx) ([]store.SubsidyApplication, error) {
		return tx.Subsidies(ctx, tenant, f)
	}, map[string]any{"status": f.Status})
	if err != nil {
		return nil, err
	}
	out := make([]SubsidySummary, len(rows))
	for i, r := range rows {
		out[i] = subsidyOf(r)
	}
	return out, nil
}
