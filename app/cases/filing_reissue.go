package cases

import (
	"context"
	"errors"

	"leaveguard/store"
)

// reissueWho is the actor of a notice re-issued by the daily job.
var reissueWho = store.Who{ActorType: "system", ActorID: ProtectionJob}

// ReissueExtensionNotices re-issues, as a new version, every contract-
// extension notice of every tenant whose content no longer matches the
// employee's facts (a date moved under corrected facts or rules: the 1st
// birthday is now the last protected day). Unchanged notices are left
// alone; a notice no longer due stays as issued (the daily job's
// retraction event says so). It returns the number re-issued.
func (f *Filings) ReissueExtensionNotices(ctx context.Context) (int, error) {
	tenants, err := f.Cases.Store.TenantIDs(ctx)
	if err != nil {
		return 0, err
	}
	total := 0
	for _, tenant := range tenants {
		var subjects []string
		err := f.Cases.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
			var err error
			subjects, err = tx.FilingSubjects(ctx, tenant, KindContractExtension)
			return err
		})
		if err != nil {
			return total, err
		}
		for _, id := range subjects {
			changed, err := f.extensionChanged(ctx, tenant, id)
			if err != nil {
				return total, err
			}
			if !changed {
				continue
			}
			if _, err := f.ContractExtensionNotice(ctx, tenant, reissueWho, id); err != nil {
				return total, err
			}
			total++
		}
	}
	return total, nil
}

// extensionChanged reports whether the employee's latest extension notice
// differs from the one her facts now call for.
func (f *Filings) extensionChanged(ctx context.Context, tenant, employeeID string) (bool, error) {
	changed := false
	err := f.Cases.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		doc, err := extensionDoc(ctx, tx, tenant, employeeID)
		var ce *Error
		if errors.As(err, &ce) && ce.Kind == Conflict {
			return nil
		}
		if err != nil {
			return err
		}
		latest, err := tx.LatestFiling(ctx, tenant, KindContractExtension, employeeID)
		if err != nil {
			return err
		}
		t, err := tx.Tenant(ctx, tenant)
		if err != nil {
			return err
		}
		m := doc.meta()
		m.TenantName, m.CreditCode = t.Name, t.CreditCode
		same, err := sameContent(kinds[KindContractExtension], latest.Data, doc)
		changed = !same
		return err
	})
	return changed, err
}
