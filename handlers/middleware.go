package handlers

import (
	"log/slog"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
)

// RequestIDMiddleware gives every request an id (kept from a well-formed
// X-Request-ID header, else new) and echoes it in the response.
func RequestIDMiddleware() fiber.Handler {
	return func(c *fiber.Ctx) error {
		id := c.Get(fiber.HeaderXRequestID)
		if len(id) == 0 || len(id) > 64 || !printableASCII(id) {
			id = uuid.NewString()
		}
		c.Locals("requestid", id)
		c.Set(fiber.HeaderXRequestID, id)
		return c.Next()
	}
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// Metrics are the Prometheus collectors of the HTTP layer.
type Metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// NewMetrics registers the HTTP collectors with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "leaveguard_http_requests_total", Help: "HTTP requests by route and status.",
		}, []string{"method", "route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "leaveguard_http_request_seconds", Help: "HTTP request duration by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"method", "route"}),
	}
	reg.MustRegister(m.requests, m.duration)
	return m
}

// AccessLog logs one structured line per request (route pattern, never the
// raw path or query, which may hold personal data) and records metrics.
func AccessLog(log *slog.Logger, m *Metrics) fiber.Handler {
	return func(c *fiber.Ctx) error {
		start := time.Now()
		err := c.Next()
		if err != nil {
			if herr := c.App().ErrorHandler(c, err); herr != nil {
				_ = c.SendStatus(fiber.StatusInternalServerError)
			}
		}
		status := c.Response().StatusCode()
		route := c.Route().Path
		elapsed := time.Since(start)
		m.requests.WithLabelValues(c.Method(), route, strconv.Itoa(status)).Inc()
		m.duration.WithLabelValues(c.Method(), route).Observe(elapsed.Seconds())
		log.Info("http", "method", c.Method(), "route", route, "status", status,
			"ms", float64(elapsed.Microseconds())/1000, "request_id", RequestID(c), "tenant", Tenant(c))
		return nil
	}
}

// SecurityHeaders sets the headers every response carries.
func SecurityHeaders() fiber.Handler {
	return func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
		c.Set(fiber.HeaderXFrameOptions, "DENY")
		c.Set(fiber.HeaderReferrerPolicy, "no-referrer")
		c.Set("Cross-Origin-Opener-Policy", "same-origin")
		return c.Next()
	}
}

// NoStore marks responses that may hold personal data as not cacheable.
func NoStore() fiber.Handler {
	return func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderCacheControl, "no-store")
		return c.Next()
	}
}

// Require lets only principals with one of roles through (403 otherwise).
// Under Idempotency, the stored response is looked up only after this
// check has passed.
func Require(roles ...string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		p, ok := PrincipalOf(c)
		if !ok {
			return Fail(fiber.StatusUnauthorized, "unauthenticated", "请先登录或提供有效的 API 密钥")
		}
		for _, r := range roles {
			if p.Role == r {
				return idempotent(c)
			}
		}
		return Fail(fiber.StatusForbidden, "forbidden", "当前角色无权执行此操作")
	}
}
