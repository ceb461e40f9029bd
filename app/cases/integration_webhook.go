package cases

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"strings"

	"leaveguard/store"
)

// WebhookSource is the sender of a webhook: an active integration and the
// tenant it belongs to (the tenant never comes from the body).
type WebhookSource struct {
	Tenant        string
	IntegrationID string
	RequestID     string
}

// who is the audit actor of the source's effects.
func (s WebhookSource) who() store.Who {
	return store.Who{ActorType: "webhook", ActorID: s.IntegrationID, RequestID: s.RequestID}
}

// Outcomes of a received webhook.
const (
	WebhookProcessed = "processed" // applied (or refused by a rule and recorded)
	WebhookDuplicate = "duplicate" // that webhook-id was already received: no second effect
	WebhookIgnored   = "ignored"   // an event type LeaveGuard does not handle: stored only
)

// WebhookOutcome is what the sender is told. Result is the effect's result
// (an employee id, a verdict), replayed to duplicates.
type WebhookOutcome struct {
	Status string
	Result json.RawMessage
}

// ErrUnknownIntegration means no active integration has that id.
var ErrUnknownIntegration = Fail(NotFound, "unknown_integration", "集成不存在或已停用")

// ErrWebhookIDReused means a webhook-id already received was sent again
// with a different body: neither applied nor answered as a duplicate.
var ErrWebhookIDReused = Fail(Conflict, "webhook_id_reused",
	"该 webhook-id 已用于内容不同的请求：重发须与首次内容完全一致，新事件请使用新的 webhook-id")

// bodyHash is the SHA-256 of a webhook's raw body, kept with its dedupe row.
func bodyHash(body []byte) []byte {
	h := sha256.Sum256(body)
	return h[:]
}

// sameBody tells whether a repeat's body hash matches the first receipt's
// (always so for a first receipt logged before hashes were kept).
func sameBody(first, repeat []byte) bool {
	return first == nil || bytes.Equal(first, repeat)
}

// errDuplicate aborts an effect's transaction whose webhook-id was taken.
var errDuplicate = errors.New("cases: duplicate webhook")

// webhookEffect applies the data of one event type. It claims the delivery
// (store.Tx.ClaimDelivery) in the same transaction as its effect and
// returns errDuplicate when the claim fails.
type webhookEffect func(c *Cases, ctx context.Context, src WebhookSource, d store.Delivery, data json.RawMessage) (WebhookOutcome, error)

// webhookEffects are the event types a payroll system may send.
var webhookEffects = map[string]webhookEffect{
	"employee.upserted":             upsertEmployeeEffect,
	"wage.changed":                  wageChangedEffect,
	"employee.termination_proposed": terminationProposedEffect,
}

// ReceiveWebhook applies one webhook whose signature was verified on body.
// A malformed or invalid one is logged (in a transaction of its own, the
// effect's having rolled back) and returned as an *Error.
func (c *Cases) ReceiveWebhook(ctx context.Context, src WebhookSource, webhookID string, body []byte) (WebhookOutcome, error) {
	d := store.Delivery{IntegrationID: src.IntegrationID, WebhookID: webhookID, BodySHA256: bodyHash(body)}
	var env struct {
		Type *string         `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if len([]rune(webhookID)) > 200 {
		return c.refuseWebhook(ctx, src, d, Fail(Invalid, "bad_webhook_id", "webhook-id 过长（最多200个字符）"))
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return c.refuseWebhook(ctx, src, d, Fail(Invalid, "bad_json", "请求内容须为 JSON 对象 {\"type\": ..., \"data\": {...}}"))
	}
	if field, ok := NULField(body); ok {
		return c.refuseWebhook(ctx, src, d, Fields{field: NULMessage}.Err())
	}
	f := Fields{}
	d.Type = f.Text("type", env.Type, true, 100)
	if err := f.Err(); err != nil {
		return c.refuseWebhook(ctx, src, d, err)
	}
	effect, known := webhookEffects[d.Type]
	if !known {
		effect = ignoreEffect
	}
	out, err := effect(c, ctx, src, d, env.Data)
	if errors.Is(err, errDuplicate) {
		return c.duplicateWebhook(ctx, src, d)
	}
	if err != nil {
		return c.refuseWebhook(ctx, src, d, err)
	}
	return out, nil
}

// ignoreEffect stores a webhook of an unknown type, for the admin to see.
func ignoreEffect(c *Cases, ctx context.Context, src WebhookSource, d store.Delivery, _ json.RawMessage) (WebhookOutcome, error) {
	d.Status = store.DeliveryIgnored
	return WebhookOutcome{Status: WebhookIgnored}, c.Store.InTx(ctx, src.Tenant, func(tx *store.Tx) error {
		return claimDelivery(ctx, tx, src, d)
	})
}

// claimDelivery takes the webhook-id of d in tx: errDuplicate when taken.
func claimDelivery(ctx context.Context, tx *store.Tx, src WebhookSource, d store.Delivery) error {
	ok, err := tx.ClaimDelivery(ctx, src.Tenant, d)
	if err != nil {
		return err
	}
	if !ok {
		return errDuplicate
	}
	return nil
}

// duplicateWebhook counts a repeated webhook-id and replays its result, or
// refuses it (ErrWebhookIDReused, logged for the admin) when its body
// differs from the first receipt's.
func (c *Cases) duplicateWebhook(ctx context.Context, src WebhookSource, d store.Delivery) (WebhookOutcome, error) {
	var first store.Delivery
	err := c.Store.InTx(ctx, src.Tenant, func(tx *store.Tx) error {
		var err error
		first, err = tx.NoteDuplicate(ctx, src.Tenant, d.IntegrationID, d.WebhookID, d.BodySHA256)
		return err
	})
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return WebhookOutcome{}, err
	}
	if err == nil && !sameBody(first.BodySHA256, d.BodySHA256) {
		return c.refuseWebhook(ctx, src, d, ErrWebhookIDReused)
	}
	return WebhookOutcome{Status: WebhookDuplicate, Result: nonEmptyObject(first.Result)}, nil
}

// refuseWebhook logs a refused webhook with its error code and field
// messages (never the values), then returns the error for the sender.
// Other failures (the database down) are not logged: the sender retries.
func (c *Cases) refuseWebhook(ctx context.Context, src WebhookSource, d store.Delivery, err error) (WebhookOutcome, error) {
	var ce *Error
	if !errors.As(err, &ce) {
		return WebhookOutcome{}, err
	}
	detail, _ := json.Marshal(map[string]any{"code": ce.Code, "message": ce.Message, "fields": ce.Fields})
	d.Errors = detail
	if len(d.WebhookID) > 200 {
		d.WebhookID = strings.ToValidUTF8(d.WebhookID[:200], "")
	}
	logErr := c.Store.InTx(ctx, src.Tenant, func(tx *store.Tx) error {
		return tx.LogInvalidDelivery(ctx, src.Tenant, d)
	})
	if logErr != nil {
		return WebhookOutcome{}, logErr
	}
	return WebhookOutcome{}, err
}

func nonEmptyObject(b json.RawMessage) json.RawMessage {
	if len(b) == 0 || string(b) == "{}" {
		return nil
	}
	return b
}
