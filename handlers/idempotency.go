package handlers

import (
	"crypto/sha256"
	"encoding/json"
	"errors"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/store"
)

// HeaderIdempotencyKey is the request header naming a POST's idempotency key.
const HeaderIdempotencyKey = "Idempotency-Key"

// Idempotency makes POSTs that carry an Idempotency-Key safe to retry. The
// key is claimed per tenant and per credential (API key or user), with a
// fingerprint of method, path and body, and kept 24 h: the same key and
// body replay the stored response (header Idempotent-Replayed: true);
// another body → 422 idempotency_key_reused.
//
// The key, the request's effects and its stored response are one
// transaction (store.RequestTx): a request whose commit fails, or whose
// connection dies, leaves no key behind, so its retry runs once; a
// request that committed leaves its response, so its retry replays it.
// A repeated request while the first runs waits for it (then replays or
// runs), and gets 409 idempotency_in_flight only after
// store.IdempotencyWait. A response ≥ 500 is rolled back with its key.
//
// This middleware only switches the layer on for the routes below it: the
// lookup runs inside Require, after the caller is authenticated and its
// role authorised, so a replay never skips the role check.
func Idempotency(cs *cases.Cases) fiber.Handler {
	return func(c *fiber.Ctx) error {
		c.Locals(idempotencyLocal, cs)
		return c.Next()
	}
}

const idempotencyLocal = "lg.idempotency.cases"

// idempotent runs the rest of c's handlers under its Idempotency-Key, when
// Idempotency is on for the route; Require calls it once authorised.
func idempotent(c *fiber.Ctx) error {
	cs, _ := c.Locals(idempotencyLocal).(*cases.Cases)
	key := c.Get(HeaderIdempotencyKey)
	if cs == nil || c.Method() != fiber.MethodPost || key == "" {
		return c.Next()
	}
	c.Locals(idempotencyLocal, nil) // once per request, however many checks pass
	if len(key) > 200 || !printableKey(key) {
		return Invalid(map[string]string{HeaderIdempotencyKey: "须为 1 到 200 个可打印 ASCII 字符"})
	}
	p, _ := PrincipalOf(c)
	key = scopedKey(p, key)
	tenant, fp := p.Tenant, fingerprint(c)
	outer := c.UserContext()
	ctx, kr, claimed, prior, err := cs.StartKeyed(outer, tenant, key, fp)
	if errors.Is(err, store.ErrKeyInFlight) {
		c.Set(fiber.HeaderRetryAfter, "1")
		return Fail(fiber.StatusConflict, "idempotency_in_flight", "使用该 Idempotency-Key 的请求仍在处理中，请稍后重试")
	}
	if err != nil {
		return err
	}
	if !claimed {
		return replay(c, prior, fp)
	}
	defer kr.Abandon()
	c.SetUserContext(ctx)
	defer c.SetUserContext(outer)
	if err := c.Next(); err != nil {
		if herr := c.App().ErrorHandler(c, err); herr != nil {
			_ = c.SendStatus(fiber.StatusInternalServerError)
		}
	}
	res := c.Response()
	if res.StatusCode() >= 500 {
		return nil // rolled back with the key: the client may retry
	}
	r := store.IdempotentResponse{Fingerprint: fp, Code: res.StatusCode(),
		Body: storableBody(c, res.Body()), ContentType: string(res.Header.ContentType())}
	if err := kr.Finish(ctx, r); err != nil { // nothing was kept (or, if the commit's answer alone was lost, the retry replays)
		res.Header.Del(fiber.HeaderLocation)
		return err
	}
	return nil
}

// scopedKey is the stored form of a client's key: prefixed with the
// credential that sent it, so one principal never receives another's
// stored answer (the tenant scopes the row as well).
func scopedKey(p Principal, key string) string {
	return p.ActorType + ":" + p.ActorID + ":" + key
}

// secretLocal marks a response holding a secret shown only once.
const secretLocal = "lg.idempotency.secret"

// SecretResponse marks c's response as holding a secret that is shown only
// once: its replay to a repeated Idempotency-Key omits the "secret" and
// "key" fields, and the secret is never stored.
func SecretResponse(c *fiber.Ctx) { c.Locals(secretLocal, true) }

// storableBody copies the response body, without its "secret" and "key" fields when
// the handler marked it with SecretResponse.
func storableBody(c *fiber.Ctx, body []byte) []byte {
	if secret, _ := c.Locals(secretLocal).(bool); !secret {
		return append([]byte(nil), body...)
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil {
		return []byte("{}")
	}
	delete(m, "secret")
	delete(m, "key")
	out, _ := json.Marshal(m)
	return out
}

// replay answers a request whose key was already claimed.
func replay(c *fiber.Ctx, prior store.IdempotentResponse, fp []byte) error {
	switch {
	case string(prior.Fingerprint) != string(fp):
		return Fail(fiber.StatusUnprocessableEntity, "idempotency_key_reused",
			"该 Idempotency-Key 已用于内容不同的请求；请为新请求使用新的键")
	case prior.Status != store.KeyDone: // left in flight by an earlier version, not yet stale
		c.Set(fiber.HeaderRetryAfter, "1")
		return Fail(fiber.StatusConflict, "idempotency_in_flight", "使用该 Idempotency-Key 的请求仍在处理中，请稍后重试")
	}
	c.Set("Idempotent-Replayed", "true")
	if prior.ContentType != "" {
		c.Set(fiber.HeaderContentType, prior.ContentType)
	}
	return c.Status(prior.Code).Send(prior.Body)
}

// fingerprint is sha256 of the method, the path with its query and the body.
func fingerprint(c *fiber.Ctx) []byte {
	h := sha256.New()
	h.Write([]byte(c.Method()))
	h.Write([]byte{0})
	h.Write([]byte(c.OriginalURL()))
	h.Write([]byte{0})
	h.Write(c.Body())
	return h.Sum(nil)
}

func printableKey(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
