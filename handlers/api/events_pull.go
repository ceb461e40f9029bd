package api

import (
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/handlers"
	"leaveguard/store"
)

func (a *API) registerEventsPull(r fiber.Router) {
	r.Get("/events", handlers.Require(auth.Payroll, auth.Admin, auth.HR, auth.Auditor), a.pullEvents)
	r.Post("/events/redeliver", handlers.Require(auth.Admin), a.redeliverEvents)
}

// pullEvents is GET /events?since=&type=&limit=: the tenant's outbound
// events in commit order, with their payloads. since is a next_cursor from
// an earlier page, or an RFC 3339 time (events that happened then or
// later), or absent (from the first). type may repeat or list types with
// commas. next_cursor is always set: poll with it.
func (a *API) pullEvents(c *fiber.Ctx) error {
	q := store.EventQuery{Limit: 100}
	if s := c.Query("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 1000 {
			return handlers.Invalid(map[string]string{"limit": "须为 1 到 1000 之间的整数"})
		}
		q.Limit = n
	}
	if s := c.Query("since"); s != "" {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			q.Since = t
		} else if q.After, err = eventCursor(s); err != nil {
			return err
		}
	}
	q.Types = queryList(c, "type")
	evs, err := a.cases.PullEvents(c.UserContext(), handlers.Tenant(c), q)
	if err != nil {
		return err
	}
	next := q.After
	if len(evs) > 0 {
		next = evs[len(evs)-1].Pos
	}
	return c.JSON(fiber.Map{"items": evs, "next_cursor": base64.RawURLEncoding.EncodeToString([]byte("e" + strconv.FormatInt(next, 10)))})
}

func eventCursor(s string) (int64, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	n, perr := strconv.ParseInt(strings.TrimPrefix(string(b), "e"), 10, 64)
	if err != nil || perr != nil || n < 0 || !strings.HasPrefix(string(b), "e") {
		return 0, handlers.Invalid(map[string]string{"since": "须为上次返回的 next_cursor 或 RFC 3339 时间"})
	}
	return n, nil
}

// queryList reads a repeated or comma-separated query parameter.
func queryList(c *fiber.Ctx, name string) []string {
	var out []string
	for _, v := range c.Context().QueryArgs().PeekMulti(name) {
		for _, s := range strings.Split(string(v), ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// redeliveryInput is the body of POST /events/redeliver.
type redeliveryInput struct {
	IntegrationID string    `json:"integration_id"`
	Status        string    `json:"status"`
	From          time.Time `json:"from"`
	To            time.Time `json:"to"`
	Types         []string  `json:"types"`
}

// redeliverEvents is POST /events/redeliver {integration_id?, status?,
// from?, to?, types?} → 202 {events}: settled events matching the filter
// (occurred in [from, to)) are queued for delivery again.
func (a *API) redeliverEvents(c *fiber.Ctx) error {
	var in redeliveryInput
	if err := decode(c, &in); err != nil {
		return err
	}
	if in.IntegrationID != "" {
		id, err := uuidParam(in.IntegrationID)
		if err != nil {
			return handlers.Invalid(map[string]string{"integration_id": "须为集成编号"})
		}
		in.IntegrationID = id
	}
	if in.Status == "pending" {
		return handlers.Invalid(map[string]string{"status": "须为 delivered 或 failed（待发送的事件无需重发）"})
	}
	st, err := eventStatus(in.Status)
	if err != nil {
		return err
	}
	if in.From.IsZero() && in.To.IsZero() && st == "" {
		return handlers.Invalid(map[string]string{"status": "请至少给出 status、from 或 to 之一"})
	}
	n, err := a.cases.RedeliverEvents(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in.IntegrationID,
		store.RedeliveryFilter{Status: st, From: in.From, To: in.To, Types: in.Types})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"events": n})
}
