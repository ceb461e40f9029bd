package cases

import (
	"context"

	"leaveguard/app/export"
	"leaveguard/leave"
	"leaveguard/store"
)

// reportRun is one report being written: the snapshot it reads, the
// writer (through the content digest), the current section's row count and
// findings, and each section's totals.
type reportRun struct {
	c       *Cases
	ctx     context.Context
	tx      *store.Tx
	tenant  string
	p       Period
	w       *export.Digest
	seq     int
	flagged int
	totals  [][]export.Cell
	renamed map[string]leave.Date // employee id → day of the last name change
	region  string                // the tenant's region, for employees without their own

	separations map[string]store.Separation // employee id → separation in force
}

// writeReport writes the title block, the six sections and the totals of
// period p to w, each row as it is read, then the attestation with the
// document number that number gives the content hash.
func (c *Cases) writeReport(ctx context.Context, tx *store.Tx, tenant string, p Period, w export.Writer,
	number func(content string) (string, error)) error {
	t, err := tx.Tenant(ctx, tenant)
	if err != nil {
		return err
	}
	renamed, err := tx.NameChanges(ctx, tenant)
	if err != nil {
		return err
	}
	r := &reportRun{c: c, ctx: ctx, tx: tx, tenant: tenant, p: p, w: export.NewDigest(w), renamed: renamed,
		region: t.Region}
	h := export.Header{Title: reportTitle, TenantName: t.Name, CreditCode: t.CreditCode, From: p.From, To: p.To,
		GeneratedAt: c.Now().Truncate(1e9)}
	if err := r.w.Begin(h); err != nil {
		return err
	}
	sections := []struct {
		s     export.Section
		label string
		rows  func() error
	}{
		{secEvents, "三期女职工事件阶段（行）", r.events},
		{secLeaves, "休假核对（项）", r.leaves},
		{secDismissals, "解除、终止等事项检查（次）", r.dismissals},
		{secWages, "降低工资福利记录（次）", r.wages},
		{secClaims, "生育津贴计发（件，含未申领事件）", r.claimFigures},
		{secClaimStatus, "生育津贴申领与到账（件，含未申领事件）", r.claimStatus},
		{secExtensions, "应顺延劳动合同（份）", r.extensions},
	}
	for _, s := range sections {
		if err := r.section(s.s, s.label, s.rows); err != nil {
			return err
		}
	}
	if err := r.writeTotals(); err != nil {
		return err
	}
	no, err := number(r.w.Sum())
	if err != nil {
		return err
	}
	return r.attest(t, no)
}

// section writes a section: its header, its rows (or 本期无记录) and its
// line of the totals.
func (r *reportRun) section(s export.Section, label string, rows func() error) error {
	if err := r.w.Section(s); err != nil {
		return err
	}
	r.seq, r.flagged = 0, 0
	if err := rows(); err != nil {
		return err
	}
	if r.seq == 0 {
		if err := r.w.Row([]export.Cell{export.T("本期无记录")}); err != nil {
			return err
		}
	}
	r.totals = append(r.totals, []export.Cell{export.T(label), export.N(r.seq), export.N(r.flagged)})
	return nil
}

// row writes one numbered row; a row with a finding counts towards the
// section's 需整改.
func (r *reportRun) row(cells ...export.Cell) error {
	r.seq++
	for _, c := range cells {
		if c.Flag {
			r.flagged++
			break
		}
	}
	return r.w.Row(append([]export.Cell{export.N(r.seq)}, cells...))
}

// who are the identifying cells of an employee: name, 工号, masked ID.
// The data keep no former names: a name changed after at says it is the
// current one and when it changed.
func (r *reportRun) who(employeeID, name string, at leave.Date, externalID, masked string) []export.Cell {
	if day, ok := r.renamed[employeeID]; ok && day.After(at) {
		name += "（现用名，" + day.String() + " 更名）"
	}
	return []export.Cell{export.T(name), export.T(externalID), export.T(masked)}
}

// writeTotals writes the 汇总 section: each section's rows and findings.
func (r *reportRun) writeTotals() error {
	if err := r.w.Section(secTotals); err != nil {
		return err
	}
	sum, flagged := 0, 0
	for _, t := range r.totals {
		if err := r.w.Row(t); err != nil {
			return err
		}
		sum, flagged = sum+int(t[1].N), flagged+int(t[2].N)
	}
	return r.w.Row([]export.Cell{export.T("合计"), export.N(sum), export.N(flagged)})
}
