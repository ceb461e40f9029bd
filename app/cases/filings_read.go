package cases

import (
	"context"

	"leaveguard/store"
)

// FilingFilter narrows a listing of filings.
type FilingFilter struct {
	Kind      string
	SubjectID string
	Limit     int
}

// ListFilings lists stored versions, newest first, without their bytes.
func (f *Filings) ListFilings(ctx context.Context, tenant string, in FilingFilter) ([]Filing, error) {
	fields := Fields{}
	if in.Kind != "" && !KnownKind(in.Kind) {
		fields["kind"] = "须为 allowance_claim、subsidy_application、leave_notice、contract_extension 或 compliance_report"
	}
	if len(in.SubjectID) > 80 {
		fields["subject_id"] = "不能超过80个字符"
	}
	if err := fields.Err(); err != nil {
		return nil, err
	}
	var out []Filing
	err := f.Cases.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		rows, err := tx.Filings(ctx, tenant, store.FilingFilter{Kind: in.Kind, SubjectID: in.SubjectID, Limit: in.Limit})
		for _, r := range rows {
			out = append(out, filingOf(r))
		}
		return err
	})
	return out, err
}

// DownloadFiling returns a stored filing with its bytes, exactly as
// generated, and audits the download.
func (f *Filings) DownloadFiling(ctx context.Context, tenant string, who store.Who, id string) (Filing, error) {
	var out Filing
	err := f.Cases.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		r, err := tx.Filing(ctx, tenant, id)
		if err != nil {
			return err
		}
		if len(r.Bytes) == 0 {
			return Fail(Conflict, "filing_anonymised", "该文书涉及的离职员工已按保存期限匿名化，文书内容已删除；文书编号与 SHA-256 仍保留，可用于核验已发出的文书")
		}
		out = filingOf(r)
		return tx.Audit(ctx, tenant, who, "filing.download", kinds[r.Kind].object, r.SubjectID,
			map[string]any{"filing_id": r.ID, "version": r.Version})
	})
	return out, err
}
