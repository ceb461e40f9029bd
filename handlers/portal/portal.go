// Package portal is LeaveGuard's HR staff portal: server-rendered Chinese
// pages (html/template, embedded from web/) behind a session cookie, with
// CSRF tokens on every form, a nonce CSP and no-store on every page.
//
// Each area adds its pages in its own files: a registerX method that mounts
// routes with p.page (session, role, CSRF and headers come with it), adds
// its navigation entry with p.AddNav, and optionally dashboard tiles
// (p.AddTile), sections of the employee page (p.AddEmployeeSection) and
// audit action labels (p.AddActionLabels). Register calls every registerX.
package portal

import (
	"html/template"
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cache"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/pdf"
)

// Deps are what the portal is built from. The limits are optional.
type Deps struct {
	Cases *cases.Cases
	Cache *cache.Cache
	Log   *slog.Logger
	// LoginPerIP and LoginPerAcct bound failed logins per LoginWindow, per
	// client IP (default 30) and per e-mail (default 10).
	LoginPerIP   int
	LoginPerAcct int
	// PDF renders the PDF documents; nil (the CJK font is missing) makes
	// the download routes answer 503.
	PDF *pdf.Renderer
}

// SessionCookie names the session cookie. The __Host- prefix makes the
// browser insist on Secure, Path=/ and no Domain. Browsers accept Secure
// cookies from http://localhost and http://127.0.0.1 (checked with chromium
// by the browser tests), so development needs no switch; anywhere else the
// portal must be served over HTTPS.
const SessionCookie = "__Host-lg_session"

// LoginSlowdown is how late each login attempt from an address past its
// limit is answered (one at a time per address).
const LoginSlowdown = 2 * time.Second

// LoginWindow is the login throttle's window: a throttled account or
// address may try again when it ends (no permanent lock).
const LoginWindow = 15 * time.Minute

// Portal holds the parsed templates, the registries and the session store.
type Portal struct {
	cases    *cases.Cases
	filings  *cases.Filings
	log      *slog.Logger
	sessions *sessions
	cookie   cookieConfig
	pages    map[string]*template.Template
	static   map[string]staticFile
	perIP    *handlers.Limiter
	perAcct  *handlers.Limiter
	slow     *handlers.Slowdown
	nav      []NavEntry
	tiles    []Tile
	sections []EmployeeSection
	actions  map[string]string
	labels   map[string]map[string]string
}

// New parses the embedded templates (panicking if they are broken: they are
// part of the binary) and returns the portal.
func New(d Deps) *Portal {
	if d.LoginPerIP == 0 {
		d.LoginPerIP = 30
	}
	if d.LoginPerAcct == 0 {
		d.LoginPerAcct = 10
	}
	p := &Portal{
		cases:    d.Cases,
		filings:  &cases.Filings{Cases: d.Cases, PDF: d.PDF},
		log:      d.Log,
		sessions: newSessions(d.Cache),
		cookie:   cookieConfig{name: SessionCookie, secure: true},
		perIP:    handlers.NewLimiter(d.Cache, d.LoginPerIP, LoginWindow),
		perAcct:  handlers.NewLimiter(d.Cache, d.LoginPerAcct, LoginWindow),
		slow:     handlers.NewSlowdown(LoginSlowdown),
		actions:  map[string]string{},
		labels:   map[string]map[string]string{},
	}
	p.pages = mustParse(p.funcs())
	p.static = mustStatic()
	return p
}

// Register mounts the portal at "/" (login at /login). Routes carry their
// own middleware, so nothing here touches /api/v1 or other mounts.
func (p *Portal) Register(r fiber.Router) {
	p.registerStatic(r)
	p.registerAuth(r)
	p.registerDashboard(r)
	p.registerEmployees(r)
	p.registerAudit(r)
	p.registerStaff(r)
	p.registerDismissal(r)
	p.registerSeparation(r)
	p.registerFamily(r)
	p.registerDataRights(r)
	p.registerLeave(r)
	p.registerClaims(r)
	p.registerSubsidies(r)
	p.registerSettings(r)
	p.registerRegions(r)
	p.registerTenantDeletion(r)
	p.registerDocuments(r)
	p.registerExports(r)
	p.registerIntegrations(r)
	p.registerPayrollMonths(r)
	p.registerAPIKeys(r)
	p.registerImports(r)
	p.registerTiles()
	p.AddNav(NavEntry{Key: "extensions", Label: "合同顺延", Path: "/contract-extensions", Order: OrderDismissal + 1, Roles: extensionReaders})
	p.page(r, fiber.MethodGet, "/contract-extensions", p.contractExtensions, extensionReaders...)
}
