package handlers

import (
	"context"
	"crypto/subtle"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"leaveguard/app/cache"
	"leaveguard/store"
)

// Readiness is what /readyz checks besides PostgreSQL and Redis: optional
// components (the PDF font, say) that report why they are not ready.
type Readiness func() (name string, ok bool, detail string)

// Health registers /healthz and /readyz (public; /metrics is MetricsRoute).
func Health(r fiber.Router, st *store.Store, kc *cache.Cache, extra ...Readiness) {
	r.Get("/healthz", func(c *fiber.Ctx) error {
		return c.JSON(fiber.Map{"status": "ok"})
	})
	r.Get("/readyz", func(c *fiber.Ctx) error {
		ctx, cancel := context.WithTimeout(c.UserContext(), 2*time.Second)
		defer cancel()
		checks := fiber.Map{}
		status, code := "ok", fiber.StatusOK
		if err := st.DB().PingContext(ctx); err != nil {
			checks["postgres"] = "不可用：无法连接 PostgreSQL"
			status, code = "unavailable", fiber.StatusServiceUnavailable
		} else {
			checks["postgres"] = "ok"
		}
		if err := kc.Ping(ctx); err != nil {
			checks["redis"] = "不可用：会话与限流降级为进程内，API 继续服务"
			if code == fiber.StatusOK {
				status = "degraded"
			}
		} else {
			checks["redis"] = "ok"
		}
		for _, f := range extra {
			name, ok, detail := f()
			checks[name] = detail
			if !ok && code == fiber.StatusOK {
				status = "degraded"
			}
		}
		return c.Status(code).JSON(fiber.Map{"status": status, "checks": checks})
	})
}

// MetricsRoute registers GET /metrics for reg on r. With a token, a scrape
// must send "Authorization: Bearer <token>" (401 otherwise, compared in
// constant time); without one the route is open, which is only for a
// listener of its own (LEAVEGUARD_METRICS_ADDR) that the public never reaches.
func MetricsRoute(r fiber.Router, reg *prometheus.Registry, token string) {
	serve := adaptor.HTTPHandler(promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	r.Get("/metrics", func(c *fiber.Ctx) error {
		if token != "" {
			got, bearer := strings.CutPrefix(c.Get(fiber.HeaderAuthorization), "Bearer ")
			if !bearer || subtle.ConstantTimeCompare([]byte(got), []byte(token)) != 1 {
				c.Set(fiber.HeaderWWWAuthenticate, `Bearer realm="metrics"`)
				return Fail(fiber.StatusUnauthorized, "unauthenticated", "读取监控指标需要令牌（Authorization: Bearer LEAVEGUARD_METRICS_TOKEN）")
			}
		}
		return serve(c)
	})
}
