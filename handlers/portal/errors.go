package portal

import (
	"context"
	"errors"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cache"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

type errorPage struct {
	Status    int
	Heading   string
	Message   string
	RequestID string
}

// fail renders err as a Chinese error page: 404 for a missing (or another
// tenant's) object, 403, 503 when a service is down, else 500 with the
// request id. The cause of a 5xx is logged, never shown.
func (p *Portal) fail(c *fiber.Ctx, err error) error {
	e := errorPage{Status: fiber.StatusInternalServerError, Heading: "出错了",
		Message: "服务器内部错误，请稍后重试；如持续出现请联系管理员并提供请求编号。", RequestID: handlers.RequestID(c)}
	var he *handlers.Error
	var ce *cases.Error
	switch {
	case errors.As(err, &he):
		e.Status, e.Message = he.Status, he.Message
	case errors.As(err, &ce) && ce.Kind == cases.NotFound, errors.Is(err, store.ErrNotFound):
		e.Status, e.Message = fiber.StatusNotFound, "未找到该记录：它可能已被删除，或不属于您的单位。"
	case errors.As(err, &ce) && ce.Kind == cases.Forbidden:
		e.Status, e.Message = fiber.StatusForbidden, ce.Message
	case errors.As(err, &ce):
		e.Status, e.Message = fiber.StatusUnprocessableEntity, ce.Message
	case errors.Is(err, cache.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		e.Status, e.Message = fiber.StatusServiceUnavailable, "服务暂时不可用，请稍后重试。"
	}
	switch e.Status {
	case fiber.StatusNotFound:
		e.Heading = "页面不存在"
	case fiber.StatusForbidden:
		e.Heading = "无权访问"
	case fiber.StatusTooManyRequests:
		e.Heading = "请稍后再试"
	case fiber.StatusServiceUnavailable:
		e.Heading = "服务暂时不可用"
		c.Set(fiber.HeaderRetryAfter, "5")
	}
	if e.Status >= 500 {
		p.log.Error("portal request failed", "request_id", e.RequestID, "route", c.Route().Path,
			"status", e.Status, "error", err.Error())
	}
	if rerr := p.render(c, e.Status, "error", e.Heading, "", e); rerr != nil {
		p.log.Error("portal error page failed", "request_id", e.RequestID, "error", rerr.Error())
		return c.Status(e.Status).SendString(e.Message)
	}
	return nil
}

// wrap turns a page handler's error into an error page, so portal errors
// never reach the JSON error handler.
func (p *Portal) wrap(h fiber.Handler) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := h(c); err != nil {
			return p.fail(c, err)
		}
		return nil
	}
}

// page mounts a handler for signed-in users with one of roles (all roles
// when none): security headers, session, role and CSRF checks come first.
func (p *Portal) page(r fiber.Router, method, path string, h fiber.Handler, roles ...string) {
	r.Add(method, path, p.headers, p.authed(roles...), p.wrap(h))
}

// public mounts a handler that needs no session (login pages).
func (p *Portal) public(r fiber.Router, method, path string, h fiber.Handler) {
	r.Add(method, path, p.headers, p.wrap(h))
}
