// Package webhooks receives signed webhooks from payroll systems at
// POST /webhooks/payroll/{integration_id}. The Standard Webhooks signature
// is verified on the raw body before anything parses it; the tenant comes
// only from the integration, never from the body.
package webhooks

import (
	"errors"
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"leaveguard/app/cases"
	"leaveguard/app/signature"
	"leaveguard/handlers"
)

// MaxBody is the largest webhook body accepted.
const MaxBody = 1 << 20

// Webhooks holds what the webhook handlers need.
type Webhooks struct {
	ingest *cases.WebhookIngest
	log    *slog.Logger
	now    func() time.Time
}

// New returns the webhook handlers over the use cases cs, warning on log
// of senders that reuse a webhook-id.
func New(cs *cases.Cases, log *slog.Logger) *Webhooks {
	return &Webhooks{ingest: cases.NewWebhookIngest(cs), log: log, now: time.Now}
}

// Close stops taking webhooks and waits for the queued ones to be written
// (the server calls it on shutdown).
func (w *Webhooks) Close() error { return w.ingest.Close() }

// Register mounts the webhook routes on r (outside API-key authentication:
// the signature authenticates).
func (w *Webhooks) Register(r fiber.Router) {
	r.Post("/webhooks/payroll/:integration_id", w.payroll)
}

// unauthorized is the one answer for an unknown or deleted integration and a
// bad signature alike, so a caller cannot tell which. (A correctly signed
// webhook with a stale timestamp gets timestamp_out_of_range instead.)
func unauthorized() error {
	return handlers.Fail(fiber.StatusUnauthorized, "invalid_signature",
		"签名校验失败：请检查 webhook-id、webhook-timestamp（±5分钟）、webhook-signature 与密钥")
}

// payroll is POST /webhooks/payroll/:integration_id: verify, then apply.
// 202 processed / ignored, 200 duplicate, 400 invalid (logged for
// the admin), 409 webhook_id_reused (a known webhook-id with another body:
// logged for the admin and warned of here, never with the body), 401
// unknown integration or bad signature, 503 with
// Retry-After when the tenant's queue is full.
func (w *Webhooks) payroll(c *fiber.Ctx) error {
	body := c.Body()
	if len(body) > MaxBody {
		return fiber.ErrRequestEntityTooLarge
	}
	id, err := uuid.Parse(c.Params("integration_id"))
	if err != nil {
		return unauthorized()
	}
	h := signature.Headers{ID: c.Get(signature.HeaderID), Timestamp: c.Get(signature.HeaderTimestamp),
		Signature: c.Get(signature.HeaderSignature)}
	src, out, err := w.ingest.Receive(c.UserContext(), id.String(), h, body, handlers.RequestID(c), w.now())
	if errors.Is(err, cases.ErrUnknownIntegration) || errors.Is(err, cases.ErrBadSignature) {
		return unauthorized()
	}
	if errors.Is(err, cases.ErrStaleTimestamp) {
		return handlers.Fail(fiber.StatusUnauthorized, "timestamp_out_of_range",
			"签名正确但 webhook-timestamp 与服务器时间相差超过5分钟：请校准发送方时钟后用新的时间戳重新签名发送")
	}
	if src.Tenant != "" {
		handlers.SetPrincipal(c, handlers.Principal{Tenant: src.Tenant, ActorType: "webhook", ActorID: src.IntegrationID})
	}
	if errors.Is(err, cases.ErrWebhookIDReused) {
		w.log.Warn("webhook-id reused with a different body", "request_id", handlers.RequestID(c),
			"tenant", src.Tenant, "integration_id", src.IntegrationID, "webhook_id", h.ID)
	}
	if err != nil {
		return err
	}
	res := fiber.Map{"status": out.Status}
	if len(out.Result) > 0 {
		res["result"] = out.Result
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	if out.Status == cases.WebhookDuplicate {
		return c.Status(fiber.StatusOK).JSON(res)
	}
	return c.Status(fiber.StatusAccepted).JSON(res)
}
