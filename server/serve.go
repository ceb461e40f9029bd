package server

import (
	"context"
	"fmt"
	"log/slog"

	"leaveguard/app"
	"leaveguard/app/cache"
	"leaveguard/app/pii"
	"leaveguard/leave"
	"leaveguard/store"
)

// Serve runs the HTTP server and background workers until ctx ends, then
// shuts down gracefully.
func Serve(ctx context.Context, cfg app.Config, log *slog.Logger) error {
	app.TuneGC()
	db, err := app.OpenDB(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := app.CheckAppRole(ctx, db); err != nil {
		return err
	}
	if err := app.CheckMigrations(ctx, db); err != nil {
		return err
	}
	kc, err := cache.New(cfg.RedisURL, cfg.RedisPrefix)
	if err != nil {
		return fmt.Errorf("LEAVEGUARD_REDIS_URL 无效：%w", err)
	}
	defer kc.Close()
	if err := kc.Ping(ctx); err != nil {
		log.Warn("redis unavailable at start; continuing degraded", "error", err.Error())
	}
	cipher, err := pii.NewCipher(cfg.SecretKey)
	if err != nil {
		return err
	}
	st := store.New(db)
	cal, err := app.LoadCalendar(ctx, st)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go kc.Run(ctx)

	deps := app.Deps{Config: cfg, Log: log, Store: st, Cache: kc, Cipher: cipher, Rules: leave.DefaultRuleBook(), Calendar: cal,
		PDFFont: app.LoadPDFFont(cfg.PDFFont), Clock: cfg.Clock()}
	if deps.PDFFont.Font == nil {
		log.Warn("PDF font unavailable; PDF routes answer 503", "reason", deps.PDFFont.Reason())
	}
	srv, metrics := NewServers(deps)
	workerCtx, stopWorkers := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWorkers()
	running := app.StartWorkers(workerCtx, deps)
	errc := make(chan error, 2)
	go func() { errc <- srv.Listen(cfg.Addr) }()
	if metrics != nil {
		go func() { errc <- fmt.Errorf("metrics: %w", metrics.Listen(cfg.MetricsAddr)) }()
		defer metrics.Shutdown() //nolint:errcheck // the process is ending
	}
	log.Info("leaveguard serving", "config", cfg.String())
	select {
	case err := <-errc:
		return fmt.Errorf("listen %s: %w", cfg.Addr, err)
	case <-ctx.Done():
	}
	log.Info("shutting down", "grace", cfg.ShutdownTimeout.String())
	err = srv.ShutdownWithTimeout(cfg.ShutdownTimeout)
	stopWorkers() // after in-flight requests: workers finish their batch and release leases
	running.Wait()
	return err
}
