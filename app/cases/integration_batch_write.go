package cases

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strings"

	"leaveguard/leave"
	"leaveguard/store"
)

// applyUpserts writes the batch's upserts with a few set-at-a-time
// statements: the known webhook-ids and the employees are read at once,
// each new employee is written, the dedupe rows inserted at once, repeats
// counted at once, the audit entries appended at once (last: it takes the
// tenant's chain lock). A webhook that fails validation, or names an
// employee another webhook of the batch also names, is left individual.
func (w *WebhookIngest) applyUpserts(ctx context.Context, tx *store.Tx, tenant string, ups []pendingUpsert) error {
	if len(ups) == 0 {
		return nil
	}
	var integrations, hooks, exts []string
	for _, p := range ups {
		integrations, hooks = append(integrations, p.it.integrationID), append(hooks, p.it.h.ID)
		exts = append(exts, p.ext)
	}
	claimed, err := tx.ClaimedDeliveries(ctx, tenant, integrations, hooks)
	if err != nil {
		return err
	}
	existing, err := tx.EmployeesByExternalIDs(ctx, tenant, exts)
	if err != nil {
		return err
	}
	fate := map[string]string{}  // key → "fresh" | "individual"
	fresh := map[string][]byte{} // key → body hash of the fresh webhook
	seenExt := map[string]bool{}
	dups := map[string]int{}
	var planned []plannedUpsert
	for i, p := range ups {
		key := p.it.integrationID + "/" + p.it.h.ID
		hash := bodyHash(p.it.body)
		first, seen := claimed[key]
		if fate[key] == "fresh" {
			first, seen = fresh[key], true
		}
		switch {
		case seen && !sameBody(first, hash): // a reused webhook-id: refused on its own once the first is written
			p.it.individual = true
			continue
		case seen:
			dups[key]++
			continue
		case fate[key] == "individual" || seenExt[exts[i]]:
			fate[key], p.it.individual = "individual", true
			continue
		}
		seenExt[exts[i]] = true
		var found *store.Employee
		if e, ok := existing[exts[i]]; ok {
			found = &e
		}
		u, err := w.plan(ctx, tx, p, found)
		var invalid *Error
		if errors.As(err, &invalid) { // nothing written: refused (and logged, or recorded) on its own
			fate[key], p.it.individual = "individual", true
			continue
		}
		if err != nil {
			return err
		}
		fate[key], fresh[key] = "fresh", hash
		planned = append(planned, plannedUpsert{it: p.it, u: u, ext: exts[i], effective: p.effective})
	}
	claims, audits, err := w.writeUpserts(ctx, tx, tenant, planned)
	if err != nil {
		return err
	}
	if len(claims) > 0 {
		slices.SortFunc(claims, func(a, b store.Delivery) int {
			return strings.Compare(a.IntegrationID+"/"+a.WebhookID, b.IntegrationID+"/"+b.WebhookID)
		})
		n, err := tx.ClaimDeliveries(ctx, tenant, claims)
		if err != nil {
			return err
		}
		if n != len(claims) {
			return errBatchRace
		}
	}
	if err := w.answerDuplicates(ctx, tx, tenant, ups, dups); err != nil {
		return err
	}
	return tx.AuditMany(ctx, tenant, audits)
}

// plan validates one webhook of the batch against the (locked) employee
// found: the API's validation, and for a wage change the wage-cut rule.
func (w *WebhookIngest) plan(ctx context.Context, tx *store.Tx, p pendingUpsert, found *store.Employee) (upsert, error) {
	if !p.effective.IsZero() && found == nil {
		return upsert{}, Fields{"data.external_id": "未找到"}.Err()
	}
	u, err := w.c.applyUpsert(found, p.in)
	if err != nil || p.effective.IsZero() {
		return u, err
	}
	return u, w.c.WageCutCheck(ctx, p.it.src.who(), nil, p.effective)(tx, *found, u.e)
}

// plannedUpsert is a validated upsert or wage change of a batch.
type plannedUpsert struct {
	it        *ingestItem
	u         upsert
	ext       string
	effective leave.Date // wage.changed only
}

// result is what the sender of p is told once e is saved.
func (p plannedUpsert) result(e store.Employee) json.RawMessage {
	if !p.effective.IsZero() {
		return wageResult(e.ID, p.effective)
	}
	return p.u.result(e)
}

// writeUpserts saves the planned employees (the new ones in one statement)
// and returns their dedupe rows and audit entries.
func (w *WebhookIngest) writeUpserts(ctx context.Context, tx *store.Tx, tenant string, planned []plannedUpsert) ([]store.Delivery, []store.AuditRecord, error) {
	saved := map[string]store.Employee{}
	var creates []store.Employee
	for _, p := range planned {
		if p.u.create {
			creates = append(creates, p.u.e)
			continue
		}
		e, err := p.u.write(ctx, tx, tenant)
		if err != nil {
			return nil, nil, err
		}
		saved[p.ext] = e
	}
	if len(creates) > 0 { // in one order, so concurrent batches cannot deadlock
		slices.SortFunc(creates, func(a, b store.Employee) int { return strings.Compare(a.ExternalID, b.ExternalID) })
		made, err := tx.CreateEmployees(ctx, tenant, creates)
		if err != nil {
			return nil, nil, err
		}
		maps.Copy(saved, made)
	}
	claims := make([]store.Delivery, 0, len(planned))
	audits := make([]store.AuditRecord, 0, len(planned))
	for _, p := range planned {
		e, ok := saved[p.ext]
		if !ok {
			return nil, nil, errBatchRace
		}
		d := store.Delivery{IntegrationID: p.it.integrationID, WebhookID: p.it.h.ID, Type: p.it.typ, Result: p.result(e),
			BodySHA256: bodyHash(p.it.body)}
		claims = append(claims, d)
		p.it.out = WebhookOutcome{Status: WebhookProcessed, Result: d.Result}
		audits = append(audits, p.u.auditRecord(p.it.src, p.it.h.ID, e.ID))
	}
	return claims, audits, nil
}

// answerDuplicates counts the batch's repeated webhook-ids and gives each
// repeat the first receipt's result.
func (w *WebhookIngest) answerDuplicates(ctx context.Context, tx *store.Tx, tenant string, ups []pendingUpsert, dups map[string]int) error {
	if len(dups) == 0 {
		return nil
	}
	results, err := tx.NoteDuplicates(ctx, tenant, dups)
	if err != nil {
		return err
	}
	for _, p := range ups {
		key := p.it.integrationID + "/" + p.it.h.ID
		if p.it.individual || p.it.out.Status == WebhookProcessed || dups[key] == 0 {
			continue
		}
		p.it.out = WebhookOutcome{Status: WebhookDuplicate, Result: nonEmptyObject(results[key])}
	}
	return nil
}
