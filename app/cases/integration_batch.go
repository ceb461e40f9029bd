package cases

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"leaveguard/app/signature"
	"leaveguard/leave"
	"leaveguard/store"
)

// errNotPlain marks a webhook the batch leaves to ReceiveWebhook.
var errNotPlain = errors.New("cases: not a plain webhook")

// errBatchRace aborts a batch whose webhook-id was claimed meanwhile by a
// transaction outside it; its webhooks are then applied one by one.
var errBatchRace = errors.New("cases: webhook claimed concurrently")

// batch verifies a tenant's queued webhooks and applies the plain
// employee.upserted ones in one transaction: new webhook-ids are written
// (employee, dedupe row with its result, audit), repeated ones counted and
// answered with the first result. Everything else is left to ReceiveWebhook
// (individual), as is every verified webhook when the transaction fails.
func (w *WebhookIngest) batch(tenant string, batch []*ingestItem) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := w.c.Store.BatchTx(ctx, tenant, func(tx *store.Tx) error {
		// The store may run this again after a deadlock: start each try
		// from what arrived, not from the fates of an aborted try.
		for _, it := range batch {
			it.src, it.typ, it.out, it.err, it.individual = WebhookSource{}, "", WebhookOutcome{}, nil, false
		}
		if err := w.verify(ctx, tx, tenant, batch); err != nil {
			return err
		}
		return w.applyUpserts(ctx, tx, tenant, plainUpserts(batch, w.c.Today()))
	})
	for _, it := range batch {
		switch {
		case err != nil && it.src.Tenant != "": // verified: apply it on its own
			it.individual, it.out, it.err = true, WebhookOutcome{}, nil
		case err != nil && it.err == nil: // not verified yet (the database failed): the sender retries
			it.err = err
		case err == nil && it.err == nil && !it.individual && it.out.Status == "":
			it.err = fmt.Errorf("cases: webhook %q left without an outcome", it.h.ID) // never acknowledge silently
		}
	}
}

// verify checks each webhook's signature on its raw body against its
// integration's secrets, loaded in the batch's own transaction (so a
// deleted integration or a retired secret is refused at once).
func (w *WebhookIngest) verify(ctx context.Context, tx *store.Tx, tenant string, batch []*ingestItem) error {
	rows, err := tx.Integrations(ctx, tenant)
	if err != nil {
		return err
	}
	active := make(map[string]store.Integration, len(rows))
	for _, in := range rows {
		active[in.ID] = in
	}
	for _, it := range batch {
		in, ok := active[it.integrationID]
		if !ok {
			it.err = ErrUnknownIntegration
			continue
		}
		secrets, err := w.c.IntegrationSecrets(in, w.c.Now()) // the rotation grace is on the application clock; the signature window on the wall clock
		if err != nil {
			return err
		}
		if err := signature.Verify(secrets, it.h, it.body, it.now); err != nil {
			it.err = verifyError(secrets, it.h, it.body, err)
			continue
		}
		it.src = WebhookSource{Tenant: tenant, IntegrationID: in.ID, RequestID: it.requestID}
	}
	return nil
}

// pendingUpsert is a verified, well-formed employee.upserted or
// wage.changed (then in holds only the wage).
type pendingUpsert struct {
	it        *ingestItem
	in        EmployeeInput
	ext       string
	effective leave.Date // wage.changed only
}

// plainUpserts parses the verified webhooks; any that is not a well-formed
// employee.upserted or wage.changed effective by today is marked individual
// (a wage change for a later day is scheduled by ReceiveWebhook).
func plainUpserts(batch []*ingestItem, today leave.Date) []pendingUpsert {
	var out []pendingUpsert
	for _, it := range batch {
		if it.src.Tenant == "" {
			continue
		}
		var env struct {
			Type string          `json:"type"`
			Data json.RawMessage `json:"data"`
		}
		bad := json.Unmarshal(it.body, &env) != nil
		it.typ = env.Type
		p, err := pendingUpsert{it: it}, error(nil)
		switch {
		case len(it.h.ID) > 200 || bad:
			err = errNotPlain
		case env.Type == "employee.upserted":
			p.in, err = decodeUpsert(env.Data)
			if err == nil {
				p.ext = strings.TrimSpace(*p.in.ExternalID)
			}
		case env.Type == "wage.changed":
			var wage int64
			var eff leave.Date
			p.ext, wage, eff, err = parseWageChange(env.Data)
			p.in, p.effective = EmployeeInput{MonthlyWageFen: &wage}, eff
			if err == nil && eff.After(today) {
				err = errNotPlain
			}
		default:
			err = errNotPlain
		}
		if err != nil {
			it.individual = true
			continue
		}
		out = append(out, p)
	}
	return out
}
