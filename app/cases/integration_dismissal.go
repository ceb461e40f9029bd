package cases

import (
	"context"
	"encoding/json"
	"errors"

	"leaveguard/store"
)

// terminationProposedEffect is employee.termination_proposed: it runs the
// dismissal check (CheckDismissal, which stores the check, audits it and
// emits dismissal_check.completed in its own transaction) and answers with
// the verdict. The webhook-id is claimed first in an outer transaction kept
// open until the check has committed, so a concurrent repeat waits and then
// gets the same verdict, never a second check. Only if the process dies
// between the two commits does a retry run the check again. Each call holds
// two pooled connections: WebhookIngest bounds how many run at once.
func terminationProposedEffect(c *Cases, ctx context.Context, src WebhookSource, d store.Delivery, data json.RawMessage) (WebhookOutcome, error) {
	var in DismissalInput
	if err := decodeWebhookData(data, &in); err != nil {
		return WebhookOutcome{}, err
	}
	if in.Action == nil {
		action := "termination"
		in.Action = &action
	}
	d.Status = store.DeliveryProcessed
	var out WebhookOutcome
	err := c.Store.InTx(ctx, src.Tenant, func(tx *store.Tx) error {
		if err := claimDelivery(ctx, tx, src, d); err != nil {
			return err
		}
		check, err := c.CheckDismissal(ctx, src.Tenant, src.who(), in)
		if errors.Is(err, store.ErrNotFound) {
			return Fields{"data.external_id": "未找到该员工"}.Err()
		}
		if err != nil {
			return dataFields(err)
		}
		verdict, err := json.Marshal(check)
		if err != nil {
			return err
		}
		out = WebhookOutcome{Status: WebhookProcessed, Result: verdict}
		return tx.SetDeliveryResult(ctx, src.Tenant, d.IntegrationID, d.WebhookID, verdict)
	})
	return out, err
}
