// Package app wires LeaveGuard together: configuration from the environment,
// the database, Redis, the HTTP server, background workers and the
// subcommands of the leaveguard binary.
package app

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"time"

	"leaveguard/app/cases"
	"leaveguard/app/netguard"
	"leaveguard/leave"
)

// Config is LeaveGuard's whole configuration, read once from LEAVEGUARD_*
// environment variables and passed down (no globals).
type Config struct {
	DatabaseURL        string         // the application role (no superuser, no BYPASSRLS)
	MigrateDatabaseURL string         // the table owner, for `leaveguard migrate`
	RedisURL           string         // sessions, caches, rate limits
	RedisPrefix        string         // key prefix, so several deployments can share a Redis
	Addr               string         // listen address
	Env                string         // "prod" or "dev"
	SecretKey          []byte         // 32 bytes: encrypts ID numbers and webhook secrets
	PDFFont            string         // path of the CJK TrueType font for PDFs
	RateLimit          int            // API requests per key per minute
	ShutdownTimeout    time.Duration  // grace for in-flight requests on SIGTERM
	MetricsToken       string         // bearer token of /metrics; none and no MetricsAddr: no /metrics
	MetricsAddr        string         // a listen address of its own for /metrics (e.g. 127.0.0.1:9090)
	TrustedProxies     []netip.Prefix // reverse proxies whose X-Forwarded-For is believed

	// Today pins the application's clock to a date (LEAVEGUARD_TEST_TODAY,
	// YYYY-MM-DD; with LEAVEGUARD_ENV=dev only): tests and demos of another
	// day. Zero: the wall clock.
	Today leave.Date

	// AllowLoopbackWebhooks lets outbound webhooks go to http:// loopback
	// addresses: for the project's own tests only (LEAVEGUARD_WEBHOOK_ALLOW_LOOPBACK=true).
	AllowLoopbackWebhooks bool
}

// ErrConfig wraps every configuration problem.
var ErrConfig = errors.New("config")

// devKey is used only with LEAVEGUARD_ENV=dev when no key is set: it is
// derived from a public string and protects nothing.
var devKey = sha256.Sum256([]byte("leaveguard development key - not secret"))

// ConfigFromEnv reads the configuration from the environment.
func ConfigFromEnv() (Config, error) {
	c := Config{
		DatabaseURL:        env("LEAVEGUARD_DATABASE_URL", "postgres://leaveguard@127.0.0.1:5432/leaveguard?sslmode=disable"),
		MigrateDatabaseURL: env("LEAVEGUARD_MIGRATE_DATABASE_URL", "postgres://leaveguard_owner@127.0.0.1:5432/leaveguard?sslmode=disable"),
		RedisURL:           env("LEAVEGUARD_REDIS_URL", "redis://127.0.0.1:6379/0"),
		RedisPrefix:        env("LEAVEGUARD_REDIS_PREFIX", "lg:"),
		Addr:               env("LEAVEGUARD_ADDR", ":8080"),
		Env:                env("LEAVEGUARD_ENV", "prod"),
		PDFFont:            env("LEAVEGUARD_PDF_FONT", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
		ShutdownTimeout:    15 * time.Second,
	}
	n, err := strconv.Atoi(env("LEAVEGUARD_RATE_LIMIT", "6000"))
	if err != nil || n <= 0 {
		return Config{}, fmt.Errorf("%w: LEAVEGUARD_RATE_LIMIT must be a positive integer", ErrConfig)
	}
	c.RateLimit = n
	c.AllowLoopbackWebhooks = env("LEAVEGUARD_WEBHOOK_ALLOW_LOOPBACK", "false") == "true"
	c.MetricsToken, c.MetricsAddr = os.Getenv("LEAVEGUARD_METRICS_TOKEN"), os.Getenv("LEAVEGUARD_METRICS_ADDR")
	if c.TrustedProxies, err = netguard.ParseTrustedProxies(os.Getenv("LEAVEGUARD_TRUSTED_PROXIES")); err != nil {
		return Config{}, fmt.Errorf("%w: LEAVEGUARD_TRUSTED_PROXIES: %v", ErrConfig, err)
	}
	if c.MetricsToken != "" && len(c.MetricsToken) < 32 {
		return Config{}, fmt.Errorf("%w: LEAVEGUARD_METRICS_TOKEN must be at least 32 characters (openssl rand -hex 32)", ErrConfig)
	}
	if c.Env != "prod" && c.Env != "dev" {
		return Config{}, fmt.Errorf("%w: LEAVEGUARD_ENV must be prod or dev", ErrConfig)
	}
	if s := os.Getenv("LEAVEGUARD_TEST_TODAY"); s != "" {
		d, err := leave.ParseDate(s)
		if err != nil {
			return Config{}, fmt.Errorf("%w: LEAVEGUARD_TEST_TODAY must be a date YYYY-MM-DD", ErrConfig)
		}
		if c.Env != "dev" {
			return Config{}, fmt.Errorf("%w: LEAVEGUARD_TEST_TODAY pins the clock and is allowed with LEAVEGUARD_ENV=dev only", ErrConfig)
		}
		c.Today = d
	}
	key := os.Getenv("LEAVEGUARD_SECRET_KEY")
	switch {
	case key != "":
		b, err := base64.StdEncoding.DecodeString(key)
		if err != nil || len(b) != 32 {
			return Config{}, fmt.Errorf("%w: LEAVEGUARD_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)", ErrConfig)
		}
		c.SecretKey = b
	case c.Env == "dev":
		c.SecretKey = devKey[:]
	default:
		return Config{}, fmt.Errorf("%w: LEAVEGUARD_SECRET_KEY is required (or set LEAVEGUARD_ENV=dev)", ErrConfig)
	}
	return c, nil
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

// Clock is the application's clock: the wall clock, or the date Today pins.
func (c Config) Clock() func() time.Time {
	if c.Today.IsZero() {
		return nil
	}
	return cases.PinnedClock(c.Today)
}

// String prints the configuration with passwords and keys masked.
func (c Config) String() string {
	return fmt.Sprintf("addr=%s env=%s database=%s migrate_database=%s redis=%s pdf_font=%s secret_key=%s rate_limit=%d metrics_addr=%s metrics_token=%s trusted_proxies=%v",
		c.Addr, c.Env, maskURL(c.DatabaseURL), maskURL(c.MigrateDatabaseURL), maskURL(c.RedisURL),
		c.PDFFont, mask(len(c.SecretKey) > 0), c.RateLimit, c.MetricsAddr, mask(c.MetricsToken != ""), c.TrustedProxies)
}

func mask(set bool) string {
	if set {
		return "******"
	}
	return "(unset)"
}

func maskURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparseable)"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "******")
	}
	return u.Redacted()
}
