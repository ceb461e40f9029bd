package app

import (
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"leaveguard/app/cache"
	"leaveguard/app/cases"
	"leaveguard/app/pii"
	"leaveguard/handlers"
	"leaveguard/handlers/api"
	"leaveguard/handlers/portal"
	"leaveguard/handlers/webhooks"
	"leaveguard/leave"
	"leaveguard/store"
)

// Deps are the long-lived parts the HTTP server is built from.
type Deps struct {
	Config   Config
	Log      *slog.Logger
	Store    *store.Store
	Cache    *cache.Cache
	Cipher   *pii.Cipher
	Rules    *leave.RuleBook
	Calendar leave.Calendar
	PDFFont  PDFFont          // the CJK font of PDF documents (LoadPDFFont); none: PDF routes answer 503
	Clock    func() time.Time // the one clock of use cases, handlers, workers and audit rows; nil: the wall clock
}

// Cases returns the use cases over the dependencies.
func (d Deps) Cases() *cases.Cases {
	st := d.Store
	if d.Clock != nil {
		st = st.WithClock(d.Clock)
	}
	return &cases.Cases{Store: st, Cipher: d.Cipher, Rules: d.Rules, Calendar: d.Calendar, Clock: d.Clock,
		Loopback: d.Config.AllowLoopbackWebhooks}
}

// NewServer builds the fiber app with every route and middleware. Its
// /metrics needs LEAVEGUARD_METRICS_TOKEN; with LEAVEGUARD_METRICS_ADDR it
// is not on this app at all (see NewServers).
func NewServer(d Deps) *fiber.App {
	srv, _ := NewServers(d)
	return srv
}

// NewServers builds the main app and, when LEAVEGUARD_METRICS_ADDR is set,
// the app that serves only /metrics on that address (else nil).
func NewServers(d Deps) (*fiber.App, *fiber.App) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewDBStatsCollector(d.Store.DB().DB, "leaveguard"), OutboxFailed)
	srv := fiber.New(fiber.Config{
		AppName:               "leaveguard",
		Immutable:             true, // fiber reuses buffers; values kept past a handler must be copies
		ReadTimeout:           10 * time.Second,
		WriteTimeout:          60 * time.Second,
		IdleTimeout:           60 * time.Second,
		BodyLimit:             1 << 20,
		ErrorHandler:          handlers.ErrorHandler(d.Log),
		DisableStartupMessage: true,
	})
	srv.Use(recover.New())
	srv.Use(handlers.RequestIDMiddleware())
	srv.Use(handlers.ClientIPMiddleware(d.Config.TrustedProxies))
	srv.Use(handlers.AccessLog(d.Log, handlers.NewMetrics(reg)))
	srv.Use(handlers.SecurityHeaders())
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
	v1 := srv.Group("/api/v1", handlers.APIKeyAuth(d.Store, d.Cache, d.Cases().Now), limiter.PerPrincipal())
	api.New(d.Cases()).WithPDF(d.PDFFont.Renderer()).Register(v1)
	portal.New(portal.Deps{Cases: d.Cases(), Cache: d.Cache, Log: d.Log, PDF: d.PDFFont.Renderer()}).Register(srv)
	webhooks.New(d.Cases()).Register(srv)
	return srv, metrics
}
