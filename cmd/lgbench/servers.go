package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jmoiron/sqlx"

	"leaveguard/app"
	"leaveguard/app/cache"
	"leaveguard/app/pii"
	"leaveguard/leave"
	"leaveguard/server"
	"leaveguard/store"
)

// servers are the two programs under load, each on 127.0.0.1:random.
type servers struct {
	LG, Base       *fiber.App
	LGURL, BaseURL string
	AppDB, BaseDB  *sqlx.DB
	Cache          *cache.Cache
	logFile        *os.File
	log            *slog.Logger
	stop           context.CancelFunc
	cipher         *pii.Cipher
	cal            leave.Calendar
	font           app.PDFFont
}

// startServers starts the real LeaveGuard server (app.NewServer over the
// app-role pool, Redis with its own key prefix, logging to a file as it
// would to stderr) and the bare baseline (fiber + sqlx as the superuser:
// no middleware, no row-level security, no audit) with the baseline
// routes of every scenario.
func startServers(ctx context.Context, o options, ds *dataSet, prefix string, scen []*scenario) (*servers, error) {
	s := &servers{}
	ctx, s.stop = context.WithCancel(ctx)
	var err error
	if s.AppDB, err = app.OpenDB(ctx, ds.DB.AppURL); err != nil {
		return nil, err
	}
	if err := app.CheckAppRole(ctx, s.AppDB); err != nil {
		return nil, err
	}
	if s.BaseDB, err = open(ds.DB.AdminURL, 20); err != nil {
		return nil, err
	}
	if s.Cache, err = cache.New(o.RedisURL, prefix); err != nil {
		return nil, fmt.Errorf("redis: %w", err)
	}
	go s.Cache.Run(ctx)
	if s.cipher, err = pii.NewCipher(benchKey()); err != nil {
		return nil, err
	}
	if s.cal, err = app.LoadCalendar(ctx, store.New(s.AppDB)); err != nil {
		return nil, err
	}
	if s.logFile, err = os.CreateTemp("", "lgbench-server-*.log"); err != nil {
		return nil, fmt.Errorf("server log: %w", err)
	}
	s.font = app.LoadPDFFont(pdfFont)
	logs := app.NewLogBuffer(s.logFile)
	go logs.Run(ctx)
	s.log = app.NewLogger(logs)
	s.LG = s.leaveGuard(s.AppDB)
	if s.Base, err = newBaseline(s.BaseDB, scen); err != nil {
		return nil, err
	}
	if s.LGURL, err = listen(s.LG); err != nil {
		return nil, err
	}
	if s.BaseURL, err = listen(s.Base); err != nil {
		return nil, err
	}
	return s, nil
}

// leaveGuard builds the real server over the app-role pool db, logging as
// leaveguard serve does to stderr (to a file, through the same buffer).
func (s *servers) leaveGuard(db *sqlx.DB) *fiber.App {
	cfg := app.Config{RateLimit: 1 << 30, SecretKey: benchKey(), Env: "dev", ShutdownTimeout: 5 * time.Second,
		PDFFont: pdfFont}
	return server.NewServer(app.Deps{Config: cfg, Log: s.log, Store: store.New(db),
		Cache: s.Cache, Cipher: s.cipher, Rules: leave.DefaultRuleBook(), Calendar: s.cal, PDFFont: s.font})
}

// listen serves a on a random port of 127.0.0.1 and returns its base URL.
func listen(a *fiber.App) (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("listen: %w", err)
	}
	go func() { _ = a.Listener(ln) }()
	return "http://" + ln.Addr().String(), nil
}

// close stops both servers and their pools.
func (s *servers) close() {
	if s.LG != nil {
		_ = s.LG.ShutdownWithTimeout(5 * time.Second)
	}
	if s.Base != nil {
		_ = s.Base.ShutdownWithTimeout(5 * time.Second)
	}
	s.stop()
	for _, db := range []*sqlx.DB{s.AppDB, s.BaseDB} {
		if db != nil {
			db.Close()
		}
	}
	if s.logFile != nil {
		s.logFile.Close()
		os.Remove(s.logFile.Name())
	}
}

// hasRoute reports whether LeaveGuard serves method path (a route pattern).
func (s *servers) hasRoute(method, path string) bool {
	for _, r := range s.LG.GetRoutes(true) {
		if r.Method == method && r.Path == path {
			return true
		}
	}
	return false
}

// newBaseline is the bare program: fiber's defaults, no middleware, with
// each scenario's baseline routes.
func newBaseline(db *sqlx.DB, scen []*scenario) (*fiber.App, error) {
	a := fiber.New(fiber.Config{DisableStartupMessage: true, ReadTimeout: 10 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 60 * time.Second})
	p := &basePrep{db: db}
	for _, sc := range scen {
		if sc.Baseline != nil {
			sc.Baseline(a, p)
		}
	}
	return a, p.err
}
