// Package handlers holds LeaveGuard's HTTP adapters: the middleware shared by
// the JSON API, the portal and the webhooks (authentication, tenant, roles,
// limits, security headers, logging), and the error handler that turns every
// error into the public error shape with a stable code and a Chinese message.
package handlers

import (
	"context"
	"errors"
	"log/slog"
	"net"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cache"
	"leaveguard/app/cases"
	"leaveguard/store"
)

// Error is an error meant for the client: an HTTP status, a stable code, a
// Chinese message and optional per-field messages.
type Error struct {
	Status  int
	Code    string
	Message string
	Fields  map[string]string
}

// Error implements error.
func (e *Error) Error() string { return e.Code }

// Fail returns an Error with no field details.
func Fail(status int, code, message string) *Error {
	return &Error{Status: status, Code: code, Message: message}
}

// Invalid is the 400 for a request whose fields failed validation.
func Invalid(fields map[string]string) *Error {
	return &Error{Status: fiber.StatusBadRequest, Code: "validation_failed",
		Message: "请求内容有误，请按字段提示修改后重试", Fields: fields}
}

// NotFound is the 404 for a missing object (or another tenant's).
func NotFound() *Error {
	return Fail(fiber.StatusNotFound, "not_found", "未找到该记录")
}

type errorBody struct {
	Error struct {
		Code      string            `json:"code"`
		Message   string            `json:"message"`
		Fields    map[string]string `json:"fields,omitempty"`
		RequestID string            `json:"request_id,omitempty"`
	} `json:"error"`
}

// ErrorHandler renders every error as {"error": {code, message, fields}}.
// Unknown errors become a 500 with a fixed message; their cause is logged
// (never sent) with the request id.
func ErrorHandler(log *slog.Logger) fiber.ErrorHandler {
	return func(c *fiber.Ctx, err error) error {
		e := Settle(c, log, err)
		var body errorBody
		body.Error.Code, body.Error.Message, body.Error.Fields = e.Code, e.Message, e.Fields
		body.Error.RequestID = RequestID(c)
		c.Set(fiber.HeaderCacheControl, "no-store")
		return c.Status(e.Status).JSON(body)
	}
}

// Settle is what every renderer (the JSON API, the portal's pages) does with
// an error before it renders: classify it, log the cause of a 5xx (never
// shown) with the request id, and ask for a retry after a 503.
func Settle(c *fiber.Ctx, log *slog.Logger, err error) *Error {
	e := Classify(err)
	if e.Status >= 500 {
		log.Error("request failed", "request_id", RequestID(c), "route", c.Route().Path,
			"status", e.Status, "error", err.Error())
	}
	if e.Status == fiber.StatusServiceUnavailable {
		c.Set(fiber.HeaderRetryAfter, "5")
	}
	return e
}

// Classify is the one table from errors to answers, shared by the JSON API
// and the portal: a use case's kind, a missing row (404), a duplicate (409),
// an outage of PostgreSQL or Redis, a deadline or a full queue (503), else a
// 500.
func Classify(err error) *Error {
	var e *Error
	var ce *cases.Error
	var fe *fiber.Error
	var netErr net.Error
	switch {
	case errors.As(err, &e):
		return e
	case errors.As(err, &ce):
		return fromCase(ce)
	case errors.Is(err, store.ErrNotFound):
		return NotFound()
	case errors.Is(err, store.ErrConflict):
		return Fail(fiber.StatusConflict, "conflict", "该记录已存在")
	case errors.As(err, &fe):
		return fromFiber(fe)
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr), store.Unavailable(err),
		errors.Is(err, cache.ErrUnavailable), errors.Is(err, cases.ErrBusy):
		return Fail(fiber.StatusServiceUnavailable, "unavailable", "服务暂时不可用，请稍后重试")
	}
	return Fail(fiber.StatusInternalServerError, "internal", "服务器内部错误，请稍后重试；如持续出现请联系管理员并提供请求编号")
}

func fromFiber(fe *fiber.Error) *Error {
	switch fe.Code {
	case fiber.StatusNotFound:
		return Fail(fe.Code, "route_not_found", "请求的接口不存在")
	case fiber.StatusMethodNotAllowed:
		return Fail(fe.Code, "method_not_allowed", "该接口不支持此请求方法")
	case fiber.StatusRequestEntityTooLarge:
		return Fail(fe.Code, "body_too_large", "请求内容过大")
	case fiber.StatusRequestTimeout:
		return Fail(fe.Code, "timeout", "请求超时")
	case fiber.StatusUnsupportedMediaType:
		return Fail(fe.Code, "unsupported_media_type", "请以 application/json 格式提交")
	case fiber.StatusTooManyRequests:
		return Fail(fe.Code, "rate_limited", "请求过于频繁，请稍后再试")
	}
	if fe.Code >= 400 && fe.Code < 500 {
		return Fail(fe.Code, "bad_request", "请求无效")
	}
	return Fail(fiber.StatusInternalServerError, "internal", "服务器内部错误，请稍后重试")
}

func fromCase(ce *cases.Error) *Error {
	status := map[cases.Kind]int{
		cases.Invalid: fiber.StatusBadRequest, cases.NotFound: fiber.StatusNotFound,
		cases.Conflict: fiber.StatusConflict, cases.Unprocessable: fiber.StatusUnprocessableEntity,
		cases.Forbidden: fiber.StatusForbidden,
	}[ce.Kind]
	if status == 0 {
		status = fiber.StatusInternalServerError
	}
	return &Error{Status: status, Code: ce.Code, Message: ce.Message, Fields: ce.Fields}
}
