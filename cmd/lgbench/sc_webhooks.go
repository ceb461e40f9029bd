package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"leaveguard/app/signature"
)

func init() {
	register(&scenario{Order: 50, Name: "webhooks", Title: "webhook ingestion, 10% duplicates (POST)", Method: "POST",
		Route: "/webhooks/payroll/:integration_id", MinRatio: 0.6, Baseline: baseWebhooks, Prepare: prepareWebhooks})
}

// webhookTenants is how many tenants get an integration for the load.
const webhookTenants = 16

// integration is a created integration and its signing secret.
type integration struct {
	ID, Path, Secret string
	Emps             []employee
}

// sender makes signed wage.changed deliveries, a tenth of them repeats of
// an earlier webhook-id with a fresh timestamp (as a retrying sender does).
type sender struct {
	ins    []integration
	prefix string
	mu     sync.Mutex
	n      int
	sent   []sentHook // ring of recent deliveries, for duplicates
}

type sentHook struct {
	in   *integration
	id   string
	body []byte
}

func (s *sender) next(rng *rand.Rand) request {
	s.mu.Lock()
	var h sentHook
	if len(s.sent) > 0 && rng.IntN(10) == 0 {
		h = s.sent[rng.IntN(len(s.sent))]
	} else {
		s.n++
		in := &s.ins[rng.IntN(len(s.ins))]
		e := in.Emps[rng.IntN(len(in.Emps))]
		h = sentHook{in: in, id: fmt.Sprintf("msg_%s_%d", s.prefix, s.n)}
		h.body, _ = json.Marshal(map[string]any{"type": "wage.changed", "data": map[string]any{
			"external_id": e.ExternalID, "monthly_wage_fen": 400000 + rng.IntN(2600000),
			"effective_date": today().String()}})
		if len(s.sent) < 4096 {
			s.sent = append(s.sent, h)
		} else {
			s.sent[s.n%4096] = h
		}
	}
	s.mu.Unlock()
	now := time.Now()
	sig, _ := signature.Sign(h.in.Secret, h.id, now, h.body)
	return request{Method: "POST", Path: h.in.Path, Body: h.body, Header: map[string]string{
		"Content-Type": "application/json", signature.HeaderID: h.id,
		signature.HeaderTimestamp: fmt.Sprint(now.Unix()), signature.HeaderSignature: sig}}
}

// prepareWebhooks creates an integration (through the API) in a few tenants.
func prepareWebhooks(ctx context.Context, w *world) (reqGen, reqGen, error) {
	var ins []integration
	rng := rand.New(rand.NewPCG(9, 9))
	for len(ins) < webhookTenants {
		i := w.randomTenant(rng)
		t := w.tenantAt(i)
		emps, err := w.employees(ctx, i, i+1, 500)
		if err != nil {
			return nil, nil, err
		}
		body := []byte(fmt.Sprintf(`{"name": "压测工资系统 %d"}`, len(ins)))
		code, raw, err := do(ctx, w.Client, w.Srv.LGURL, request{Method: "POST", Path: "/api/v1/integrations", Body: body, Header: keyHeader(t)})
		if err != nil || code != 201 {
			return nil, nil, fmt.Errorf("create integration: %d %s %v", code, raw, err)
		}
		var v struct {
			ID          string `json:"id"`
			WebhookPath string `json:"webhook_path"`
			Secret      string `json:"secret"`
		}
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, nil, fmt.Errorf("create integration: %w", err)
		}
		ins = append(ins, integration{ID: v.ID, Path: v.WebhookPath, Secret: v.Secret, Emps: emps})
	}
	lg, base := &sender{ins: ins, prefix: "lg"}, &sender{ins: ins, prefix: "base"}
	return lg.next, base.next, nil
}
