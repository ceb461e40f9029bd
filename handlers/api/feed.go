package api

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/handlers"
	"leaveguard/payroll"
)

func (a *API) registerPayrollFeed(r fiber.Router) {
	r.Get("/payroll/feed", handlers.Require(auth.Payroll, auth.Admin, auth.HR), a.payrollFeed)
}

// feedLimit reads ?limit= (employees per page, default 500, 1..1000).
func feedLimit(c *fiber.Ctx) (int, error) {
	s := c.Query("limit")
	if s == "" {
		return 500, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 1000 {
		return 0, handlers.Invalid(map[string]string{"limit": "须为 1 到 1000 之间的整数"})
	}
	return n, nil
}

// feedPage is the body of GET /payroll/feed.
type feedPage struct {
	Month      payroll.Month `json:"month"`
	Version    string        `json:"version"`
	Items      any           `json:"items"`
	NextCursor string        `json:"next_cursor,omitempty"`
}

// payrollFeed is GET /payroll/feed?month=YYYY-MM (&limit, cursor): one line
// per employee, in a stable order, with an ETag over the page so a payroll
// system can poll with If-None-Match and get 304 while nothing changed.
func (a *API) payrollFeed(c *fiber.Ctx) error {
	if c.Query("changed_since") != "" {
		n, err := feedLimit(c)
		if err != nil {
			return err
		}
		return a.payrollFeedChanges(c, n)
	}
	mo, err := payroll.ParseMonth(c.Query("month"))
	if err != nil || mo.Year() < 2000 || mo.Year() > 2100 {
		return handlers.Invalid(map[string]string{"month": "必填，格式 YYYY-MM"})
	}
	n, err := feedLimit(c)
	if err != nil {
		return err
	}
	after := ""
	if s := c.Query("cursor"); s != "" {
		b, derr := base64.RawURLEncoding.DecodeString(s)
		if after, err = uuidParam(string(b)); derr != nil || err != nil {
			return handlers.Invalid(map[string]string{"cursor": "分页游标无效，请使用上一页返回的 next_cursor"})
		}
	}
	p, err := a.cases.PayrollFeed(c.UserContext(), handlers.Tenant(c), handlers.Who(c), mo, after, n)
	if err != nil {
		return err
	}
	body := feedPage{Month: mo, Version: payroll.DefaultFeedVersion, Items: p.Items}
	if p.Next != "" {
		body.NextCursor = base64.RawURLEncoding.EncodeToString([]byte(p.Next))
	}
	raw, err := json.Marshal(body)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(raw)
	etag := `"` + hex.EncodeToString(sum[:16]) + `"`
	c.Set(fiber.HeaderETag, etag)
	if etagMatches(c.Get(fiber.HeaderIfNoneMatch), etag) {
		return c.SendStatus(fiber.StatusNotModified)
	}
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	return c.Send(raw)
}

// etagMatches reports whether an If-None-Match header names etag (weak
// comparison, lists and * allowed).
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}
