package cases

import (
	"errors"
	"strings"

	"leaveguard/app/export"
	"leaveguard/leave"
	"leaveguard/store"
)

// dismissals writes each dismissal check of the period, told apart by its
// time and number, with what was done (the employee's separation, if any).
func (r *reportRun) dismissals() error {
	from, until := r.p.bounds()
	var err error
	if r.separations, err = r.tx.SeparationsInForce(r.ctx, r.tenant); err != nil { // before the rows stream
		return err
	}
	return r.tx.EachExportDismissal(r.ctx, r.tenant, from, until, func(d store.ExportDismissal) error {
		action := name(actionNames, d.Action)
		if d.Ground != "" {
			action += "（" + name(groundNames, d.Ground) + "）"
		}
		var until leave.Date
		if d.ProtectedUntil != nil {
			until = *d.ProtectedUntil
		}
		verdict := export.T(name(verdictNames, d.Verdict))
		if d.Verdict == "prohibited" {
			verdict = export.F(verdict.Text)
		}
		cells := []export.Cell{export.T(export.Stamp(d.CheckedAt)), export.T(shortID(d.ID))}
		cells = append(cells, r.who(d.EmployeeID, d.EmployeeName, leave.DateOf(d.CheckedAt.In(chinaTime)), d.ExternalID, d.IDMasked)...)
		return r.row(append(cells, export.T(action), export.D(d.EffectiveDate), verdict, export.D(until),
			r.carriedOut(d), export.T(official(d.Reason)))...)
	})
}

// wages writes each refused or overridden wage cut of the period (特别规定
// 第五条).
func (r *reportRun) wages() error {
	from, until := r.p.bounds()
	return r.tx.EachWageCut(r.ctx, r.tenant, from, until, func(w store.WageCut) error {
		result := export.F("已拒绝执行（三期内不得降低工资）")
		if w.Overridden {
			result = export.F("被强制执行：三期内降低工资，须纠正并补发（理由：" + w.Reason + "）")
		}
		cells := []export.Cell{export.T(export.Stamp(w.At)), export.T(shortID(w.ID))}
		cells = append(cells, r.who(w.EmployeeID, w.Name, leave.DateOf(w.At.In(chinaTime)), w.ExternalID, w.IDMasked)...)
		return r.row(append(cells, export.Y(w.OldFen), export.Y(w.NewFen), export.T(name(sourceNames, w.Source)), result)...)
	})
}

// extensions writes every contract that must be extended, as the
// contract-extension alerts list them on the period's first day (a
// contract ending on or after it inside a protected period), with the
// extension notice issued for it, or its absence flagged.
func (r *reportRun) extensions() error {
	type ext struct {
		pf store.ProtectionFacts
		x  ContractExtension
	}
	var all []ext
	if err := r.tx.EachProtectionCandidate(r.ctx, r.tenant, func(pf store.ProtectionFacts) error {
		x, _, ok, err := extensionOf(pf, r.p.From)
		if ok {
			all = append(all, ext{pf, x})
		}
		return err
	}); err != nil {
		return err
	}
	for _, e := range all {
		n, err := r.tx.LatestExtensionNotice(r.ctx, r.tenant, e.pf.ID)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		result, issued, served := export.T("已出具顺延通知书"), leave.Date{}, export.T("未记录送达")
		if err != nil {
			result, served = export.F("未出具顺延通知书"), export.T("")
		} else {
			issued = leave.DateOf(n.IssuedAt.In(chinaTime))
		}
		if e.x.ContractEnd.After(r.p.To) {
			result.Text += "（期满日在报告期后）"
		}
		x := e.x
		cells := append(r.who(e.pf.ID, x.Name, x.ContractEnd, x.ExternalID, e.pf.NationalIDMasked), export.D(x.ContractEnd),
			export.T(name(phaseNames, string(x.Phase))), export.D(x.ProtectedUntil), export.D(x.ExtendedContractEnd),
			export.T(n.DocumentNo), export.D(issued), served, result)
		if err := r.row(cells...); err != nil {
			return err
		}
	}
	return nil
}

// official rewords the engine's plain phrasing the way official documents
// say it, laws named in 《》.
func official(s string) string { return officialWords.Replace(s) }

var officialWords = strings.NewReplacer("不再受三期限制", "三期保护期届满",
	"劳动合同法第", "《劳动合同法》第", "女职工劳动保护特别规定第", "《女职工劳动保护特别规定》第",
	"妇女权益保障法第", "《妇女权益保障法》第")

// shortID is the first eight characters of a record's id, enough to tell
// two records of one day apart and to find each.
func shortID(id string) string { return id[:min(8, len(id))] }
