package cases

import (
	"context"

	"leaveguard/leave"
	"leaveguard/store"
)

// AnonymisedMasked stands in place of an anonymised employee's masked ID
// number.
const AnonymisedMasked = "已匿名化"

// anonymisedNamePrefix begins an anonymised employee's stable pseudonym.
const anonymisedNamePrefix = "已离职员工-"

// Pseudonym is the stable name of an anonymised employee: the prefix and
// the first 8 characters of her id.
func Pseudonym(id string) string {
	if len(id) > 8 {
		id = id[:8]
	}
	return anonymisedNamePrefix + id
}

// refuseAnonymised refuses to change an anonymised employee: her personal
// data must not come back (a rehire is a new employee).
func refuseAnonymised(e store.Employee) error {
	if e.AnonymisedOn == nil {
		return nil
	}
	return Fail(Conflict, "employee_anonymised", "该员工的个人信息已按保存期限匿名化，不能再修改；如重新入职，请作为新员工登记")
}

var retentionWho = store.Who{ActorType: "system", ActorID: ProtectionJob}

// anonymiseDue anonymises, as part of the daily job (within the tenant's
// claimed run), each former employee whose separation ended more than the
// tenant's retention period before today and for whom nothing is still
// open: her encrypted ID number and lookup hash are deleted, the masked
// form and her name replaced, in her record and in the data of the stored
// filings that name her (whose PDF bytes are deleted; number and SHA-256
// stay), and the free text of her correction requests replaced; counts,
// amounts, dates and the audit chain stay. Each is audited as
// employee.anonymise. It returns how many.
func anonymiseDue(ctx context.Context, tx *store.Tx, tenant string, today leave.Date) (int, error) {
	stored, err := tx.Settings(ctx, tenant)
	if err != nil {
		return 0, err
	}
	years, err := retentionYearsFrom(stored)
	if err != nil {
		return 0, err
	}
	due, err := tx.RetentionDue(ctx, tenant, years, today)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range due {
		e, err := tx.EmployeeForUpdate(ctx, tenant, id)
		if err != nil {
			return n, err
		}
		if e.AnonymisedOn != nil {
			continue // another run got there first
		}
		filings, err := tx.AnonymiseFilings(ctx, tenant, e.Name, e.NationalIDMasked, Pseudonym(id), AnonymisedMasked)
		if err != nil {
			return n, err
		}
		if _, err := tx.AnonymiseCorrectionRequests(ctx, tenant, id, AnonymisedMasked); err != nil {
			return n, err
		}
		done, err := tx.AnonymiseEmployee(ctx, tenant, id, Pseudonym(id), AnonymisedMasked, today)
		if err != nil {
			return n, err
		}
		if !done {
			continue
		}
		detail := map[string]any{"anonymised_on": today, "retention_years": years, "filings": filings}
		if err := tx.Audit(ctx, tenant, retentionWho, "employee.anonymise", "employee", id, detail); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
