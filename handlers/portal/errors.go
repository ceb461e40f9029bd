package portal

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
)

type errorPage struct {
	Status    int
	Heading   string
	Message   string
	RequestID string
}

// fail renders err as a Chinese error page with the status that
// handlers.Classify gives it (the same as the API's): 404 for a missing (or
// another tenant's) object, 403, 409, 503 with Retry-After when a service is
// down, else 500 with the request id. The cause of a 5xx is logged, never
// shown.
func (p *Portal) fail(c *fiber.Ctx, err error) error {
	he := handlers.Settle(c, p.log, err)
	e := errorPage{Status: he.Status, Heading: "出错了", Message: he.Message, RequestID: handlers.RequestID(c)}
	switch e.Status {
	case fiber.StatusNotFound:
		e.Heading, e.Message = "页面不存在", "未找到该记录：它可能已被删除，或不属于您的单位。"
	case fiber.StatusForbidden:
		e.Heading = "无权访问"
	case fiber.StatusTooManyRequests:
		e.Heading = "请稍后再试"
	case fiber.StatusServiceUnavailable:
		e.Heading = "服务暂时不可用"
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
