package cases

import (
	"context"

	"leaveguard/leave"
	"leaveguard/store"
)

// ContractExtension is an employee whose fixed-term contract ends inside her
// protected period: it extends to the end of that period (劳动合同法 第四十五条).
type ContractExtension struct {
	EmployeeID          string      `json:"employee_id"`
	ExternalID          string      `json:"external_id"`
	Name                string      `json:"name"`
	ContractEnd         leave.Date  `json:"contract_end"`
	ProtectedUntil      leave.Date  `json:"protected_until"`
	UntilEstimated      bool        `json:"protected_until_estimated"`
	ExtendedContractEnd leave.Date  `json:"extended_contract_end"`
	Phase               leave.Phase `json:"phase_at_contract_end"`
	Basis               string      `json:"basis"`
}

// extensionOf reports the extension due for one employee, if any: her
// contract ends (on or after asOf) inside a protected period, which the
// leave engine judges as a non-renewal that must extend the contract. It
// also returns the first day of that protected period (the notice key).
func extensionOf(pf store.ProtectionFacts, asOf leave.Date) (ContractExtension, leave.Date, bool, error) {
	if pf.ContractEnd == nil || pf.ContractEnd.Before(asOf) {
		return ContractExtension{}, leave.Date{}, false, nil
	}
	f, err := protectionFacts(pf)
	if err != nil {
		return ContractExtension{}, leave.Date{}, false, err
	}
	end := *pf.ContractEnd
	v, err := leave.CheckDismissal(f, leave.NonRenewal, "", end)
	if err != nil || v.Outcome != leave.ExtendContract {
		return ContractExtension{}, leave.Date{}, false, err
	}
	from := *leave.ProtectionOn(f, end).From
	return ContractExtension{EmployeeID: pf.ID, ExternalID: pf.ExternalID, Name: pf.Name, ContractEnd: end,
		ProtectedUntil: *v.ProtectedUntil, UntilEstimated: v.UntilEstimated, ExtendedContractEnd: *v.ExtendedContractEnd,
		Phase: v.Phase, Basis: "劳动合同法 第四十五条、第四十二条第（四）项"}, from, true, nil
}

// ContractExtensions lists the employees whose contract must be extended.
func (c *Cases) ContractExtensions(ctx context.Context, tenant string, who store.Who, asOf leave.Date) ([]ContractExtension, error) {
	var out []ContractExtension
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		out = nil // the store may run this again after a deadlock
		rows, err := tx.ProtectedCandidates(ctx, tenant)
		if err != nil {
			return err
		}
		for _, pf := range rows {
			if leftBefore(pf.Employee, asOf) {
				continue // a former employee: no alerts after her last day
			}
			x, _, ok, err := extensionOf(pf, asOf)
			if err != nil {
				return err
			}
			if ok {
				out = append(out, x)
			}
		}
		return tx.Audit(ctx, tenant, who, "alerts.contract_extensions.read", "employee", "", map[string]any{"count": len(out)})
	})
	return out, err
}

// ContractExtensionOf reports whether one employee's contract must be
// extended (her contract ends, on or after asOf, inside a protected period),
// for the warning on her page; the page's read is audited with it.
func (c *Cases) ContractExtensionOf(ctx context.Context, tenant, employeeID string, asOf leave.Date) (ContractExtension, bool, error) {
	var x ContractExtension
	var ok bool
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		pf, err := tx.ProtectionFacts(ctx, tenant, employeeID, "")
		if err != nil {
			return err
		}
		if leftBefore(pf.Employee, asOf) {
			return nil
		}
		x, _, ok, err = extensionOf(pf, asOf)
		return err
	})
	return x, ok, err
}
