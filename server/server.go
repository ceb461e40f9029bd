// Package server is LeaveGuard's composition root: it builds the fiber app
// from the HTTP adapters (handlers/) over the use cases and runs it with the
// background workers. It only wires; nothing imports it but the binary and
// the test harnesses (see docs/development.md).
package server

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"leaveguard/app"
	"leaveguard/handlers"
	"leaveguard/handlers/api"
	"leaveguard/handlers/portal"
	"leaveguard/handlers/webhooks"
)

// NewServer builds the fiber app with every route and middleware. Its
// /metrics needs LEAVEGUARD_METRICS_TOKEN; with LEAVEGUARD_METRICS_ADDR it
// is not on this app at all (see NewServers).
func NewServer(d app.Deps) *fiber.App {
	srv, _ := NewServers(d)
	return srv
}

// NewServers builds the main app and, when LEAVEGUARD_METRICS_ADDR is set,
// the app that serves only /metrics on that address (else nil).
func NewServers(d app.Deps) (*fiber.App, *fiber.App) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewDBStatsCollector(d.Store.DB().DB, "leaveguard"), app.OutboxFailed)
	srv := fiber.New(fiber.Config{
		AppName:               "leaveguard",
		Immutable:             true, // fiber reuses buffers; values kept past a handler must be copies
		ReadTimeout:           10 * time.Second,
		WriteTimeout:          60 * time.Second,
		IdleTimeout:           60 * time.Second,
		BodyLimit:             handlers.UploadLimit, // LimitBody keeps every other route at 1 MB
		ErrorHandler:          handlers.ErrorHandler(d.Log),
		DisableStartupMessage: true,
	})
	srv.Use(recover.New())
	srv.Use(handlers.RequestIDMiddleware())
	srv.Use(handlers.ClientIPMiddleware(d.Config.TrustedProxies))
	srv.Use(handlers.AccessLog(d.Log, handlers.NewMetrics(reg)))
	srv.Use(handlers.SecurityHeaders())
	srv.Use(handlers.LimitBody())
	srv.Use(handlers.RejectNUL())
	handlers.Health(srv, d.Store, d.Cache, d.PDFFont.Readiness())
	var metrics *fiber.App
	switch {
	case d.Config.MetricsAddr != "":
		metrics = fiber.New(fiber.Config{AppName: "leaveguard-metrics", DisableStartupMessage: true,
			ReadTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second, ErrorHandler: handlers.ErrorHandler(d.Log)})
		handlers.MetricsRoute(metrics, reg, d.Config.MetricsToken)
	case d.Config.MetricsToken != "":
		handlers.MetricsRoute(srv, reg, d.Config.MetricsToken)
	}

	limiter := handlers.NewLimiter(d.Cache, d.Config.RateLimit, time.Minute)
	v1 := srv.Group("/api/v1", handlers.APIKeyAuth(d.Cases(), d.Cache), limiter.PerPrincipal())
	api.New(d.Cases()).WithPDF(d.PDFFont.Renderer()).Register(v1)
	portal.New(portal.Deps{Cases: d.Cases(), Cache: d.Cache, Log: d.Log, PDF: d.PDFFont.Renderer()}).Register(srv)
	hooks := webhooks.New(d.Cases(), d.Log)
	hooks.Register(srv)
	srv.Hooks().OnShutdown(hooks.Close) // after in-flight requests: queued webhooks are written, not dropped
	return srv, metrics
}
