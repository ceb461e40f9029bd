package faults_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"leaveguard/app/pii"
	"leaveguard/app/signature"
)

// hookSender delivers signed employee.upserted webhooks to the rig's
// integration the way a payroll system does: each webhook-id is retried
// with a fresh timestamp until it gets a 2xx.
type hookSender struct {
	r      *rig
	path   string
	secret string
}

// newHookSender creates an integration through the API (nil, logged, while
// the server has no payroll integrations).
func newHookSender(t *testing.T, r *rig) *hookSender {
	t.Helper()
	res := r.do(t, "POST", "/api/v1/integrations", `{"name": "故障演练工资系统"}`)
	if res.Status == 404 {
		t.Log("no payroll integrations yet: webhook checks skipped")
		return nil
	}
	if res.Status != 201 {
		t.Fatalf("create integration: %d %s", res.Status, res.Body)
	}
	m := res.JSON(t)
	return &hookSender{r: r, path: m["webhook_path"].(string), secret: m["secret"].(string)}
}

// hookBody is the webhook of employee n (n < 500000).
func hookBody(n int) string {
	return fmt.Sprintf(`{"type": "employee.upserted", "data": {"external_id": "W%05d", "name": "同步员工%d", "gender": "female",
		"national_id": %q, "hired_on": "2024-01-01", "contract_end": null, "monthly_wage_fen": 600000, "maternity_insured": true}}`,
		n, n, pii.MakeNationalID("110105", fmt.Sprintf("1995%04d", 101+n/500), (n%500)*2))
}

// deliver sends webhook id with body until a 2xx (or attempts run out),
// returning every answer.
func (h *hookSender) deliver(ctx context.Context, id, body string, attempts int) []response {
	var out []response
	for a := 0; a < attempts && ctx.Err() == nil; a++ {
		ts := time.Now()
		sig, _ := signature.Sign(h.secret, id, ts, []byte(body))
		res := h.r.send(ctx, "POST", h.path, body, signature.HeaderID, id,
			signature.HeaderTimestamp, strconv.FormatInt(ts.Unix(), 10), signature.HeaderSignature, sig)
		out = append(out, res)
		if res.Status >= 200 && res.Status < 300 {
			return out
		}
		time.Sleep(50 * time.Millisecond)
	}
	return out
}
