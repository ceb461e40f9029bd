package cases

import (
	"context"
	"time"

	"leaveguard/leave"
	"leaveguard/store"
)

// AccessCopy is everything LeaveGuard holds about one employee, for her
// rights of access and copy (《个人信息保护法》第四十四条至第四十七条):
// her record (the ID number masked), her family facts, the decisions about
// her with their basis, her leave, claims, separations and wages, and who
// read or changed her record.
type AccessCopy struct {
	GeneratedAt     time.Time              `json:"generated_at"`
	AsOf            leave.Date             `json:"as_of"`
	Controller      AccessController       `json:"controller"`
	Employee        EmployeeView           `json:"employee"`
	Family          AccessFamily           `json:"family"`
	Entitlements    []leave.Item           `json:"entitlements"`
	Protection      leave.Protection       `json:"protection"`
	DismissalChecks []DismissalCheck       `json:"dismissal_checks"`
	LeaveRequests   []AccessLeave          `json:"leave_requests"`
	Ledger          []store.LedgerEntry    `json:"ledger"`
	Claims          []Claim                `json:"allowance_claims"`
	Separations     []Separation           `json:"separations"`
	WageChanges     []store.ScheduledWage  `json:"wage_changes"`
	RefusedWageCuts []store.WageCutAttempt `json:"refused_wage_cuts"`
	Corrections     []CorrectionRequest    `json:"correction_requests"`
	Notices         []SensitiveNotice      `json:"sensitive_notices"`
	AccessLog       []store.AccessEntry    `json:"access_log"`
}

// endOfTime is a bound after every stored time (listings "before" it list all).
var endOfTime = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// accessLogLimit bounds the access log of a copy (the newest rows).
const accessLogLimit = 5000

// AccessCopy gathers employee id's copy in one transaction and audits it
// (employee.access_copy, with the format asked for: json or pdf).
func (c *Cases) AccessCopy(ctx context.Context, tenant string, who store.Who, id, format string) (AccessCopy, error) {
	return c.accessCopy(ctx, tenant, who, id, format, nil)
}

// accessCopy gathers the copy and, when then is set, hands it over before
// the audit row is written: a failure of then (a PDF not rendered) leaves
// no audit row of a copy that was never given.
func (c *Cases) accessCopy(ctx context.Context, tenant string, who store.Who, id, format string,
	then func(AccessCopy) error) (AccessCopy, error) {
	out := AccessCopy{GeneratedAt: c.Now().UTC().Truncate(time.Second), AsOf: c.Today()}
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		s, err := c.load(ctx, tx, tenant, id, false)
		if err != nil {
			return err
		}
		t, err := tx.Tenant(ctx, tenant)
		if err != nil {
			return err
		}
		out.Controller = AccessController{Name: t.Name, CreditCode: t.CreditCode}
		out.Employee, out.Family = ViewEmployee(s.Employee), accessFamily(s.Events)
		if out.Entitlements, err = leave.Entitlements(s.Facts, s.Rules, s.books(c.Calendar), out.AsOf); err != nil {
			return fromDomain(err)
		}
		out.Protection = leave.ProtectionOn(s.Facts, out.AsOf)
		if err := c.accessRecords(ctx, tx, tenant, id, &out); err != nil {
			return err
		}
		if out = out.nonNil(); then != nil {
			if err := then(out); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, tenant, who, "employee.access_copy", "employee", id, map[string]any{"format": format})
	})
	if err != nil {
		return AccessCopy{}, err
	}
	return out, nil
}

// accessRecords reads the employee's stored decisions and records into out.
func (c *Cases) accessRecords(ctx context.Context, tx *store.Tx, tenant, id string, out *AccessCopy) error {
	checks, err := tx.DismissalChecks(ctx, tenant, id, endOfTime, 100000)
	if err != nil {
		return err
	}
	for _, r := range checks {
		out.DismissalChecks = append(out.DismissalChecks, fromStored(r))
	}
	leaves, err := tx.LeaveRequests(ctx, tenant, store.LeaveFilter{EmployeeID: id, Limit: 100000})
	if err != nil {
		return err
	}
	for _, r := range leaves {
		out.LeaveRequests = append(out.LeaveRequests, accessLeave(r))
	}
	if out.Ledger, err = tx.Ledger(ctx, tenant, id); err != nil {
		return err
	}
	claims, err := tx.Claims(ctx, tenant, store.ClaimFilter{EmployeeID: id, Limit: 100000})
	if err != nil {
		return err
	}
	for _, r := range claims {
		out.Claims = append(out.Claims, claimOf(r, out.AsOf))
	}
	seps, err := tx.Separations(ctx, tenant, id)
	if err != nil {
		return err
	}
	for _, r := range seps {
		out.Separations = append(out.Separations, separationOf(r))
	}
	if out.WageChanges, err = tx.WageChanges(ctx, tenant, id); err != nil {
		return err
	}
	if out.RefusedWageCuts, err = tx.WageCutAttempts(ctx, tenant, id); err != nil {
		return err
	}
	if out.Corrections, err = correctionRequestsOf(ctx, tx, tenant, id); err != nil {
		return err
	}
	if out.Notices, err = noticesOf(ctx, tx, tenant, id); err != nil {
		return err
	}
	out.AccessLog, err = tx.EmployeeAccessLog(ctx, tenant, id, accessLogLimit)
	return err
}

// nonNil makes every empty list an empty JSON array, not null.
func (a AccessCopy) nonNil() AccessCopy {
	a.Entitlements = orEmpty(a.Entitlements)
	a.DismissalChecks = orEmpty(a.DismissalChecks)
	a.LeaveRequests = orEmpty(a.LeaveRequests)
	a.Ledger = orEmpty(a.Ledger)
	a.Claims = orEmpty(a.Claims)
	a.Separations = orEmpty(a.Separations)
	a.WageChanges = orEmpty(a.WageChanges)
	a.RefusedWageCuts = orEmpty(a.RefusedWageCuts)
	a.Corrections = orEmpty(a.Corrections)
	a.Notices = orEmpty(a.Notices)
	a.AccessLog = orEmpty(a.AccessLog)
	a.Family = a.Family.nonNil()
	return a
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
