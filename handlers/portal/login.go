package portal

import (
	"crypto/subtle"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

const loginCSRFLocal = "lg.login_csrf"

// loginPage is the data of the login form.
type loginPage struct {
	Email  string
	Next   string
	Error  string
	Down   bool // Redis is down: no sessions can be made
	Expiry bool // sent here from a page that needs a session
}

func (p *Portal) registerAuth(r fiber.Router) {
	p.public(r, fiber.MethodGet, "/login", p.loginForm)
	p.public(r, fiber.MethodPost, "/login", p.loginSubmit)
	p.public(r, fiber.MethodPost, "/login/unit", p.loginUnit)
	p.page(r, fiber.MethodPost, "/logout", p.logout)
	p.page(r, fiber.MethodGet, "/password", p.passwordForm)
	p.page(r, fiber.MethodPost, "/password", p.passwordSubmit)
}

// loginForm is GET /login. A visitor with a live session goes home.
func (p *Portal) loginForm(c *fiber.Ctx) error {
	if _, err := p.currentSession(c); err == nil {
		return c.Redirect(safeNext(c.Query("next")), fiber.StatusSeeOther)
	}
	p.loginToken(c)
	down := p.sessions.kc.Ping(c.UserContext()) != nil
	return p.renderLogin(c, fiber.StatusOK, loginPage{Next: safeNext(c.Query("next")), Down: down,
		Expiry: c.Query("next") != ""})
}

// loginSubmit is POST /login: throttle, check the password against every
// account with the e-mail, then start a session (or ask for the 单位).
// Failed attempts are counted per client IP (handlers.ClientIP: behind
// trusted proxies only) and per e-mail. Past the account's limit the form
// answers 429 with a clear message until the window ends (a throttle, never
// a permanent lock); past the address's limit attempts are slowed down.
func (p *Portal) loginSubmit(c *fiber.Ctx) error {
	if !p.validLoginToken(c) {
		return p.fail(c, errCSRF)
	}
	email := strings.ToLower(strings.TrimSpace(c.FormValue("email")))
	form := loginPage{Email: email, Next: safeNext(c.FormValue("next"))}
	password := c.FormValue("password")
	if p.sessions.kc.Ping(c.UserContext()) != nil {
		form.Down = true
		return p.renderLogin(c, fiber.StatusServiceUnavailable, form)
	}
	if email == "" || password == "" {
		form.Error = "请输入邮箱和密码。"
		return p.renderLogin(c, fiber.StatusBadRequest, form)
	}
	ipKey, acctKey := "login:ip:"+handlers.ClientIP(c), "login:acct:"+hashID(email)[:32]
	if p.perAcct.Over(c, acctKey) {
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(LoginWindow.Seconds())))
		form.Error = "登录尝试过于频繁。为保护账号安全，请 15 分钟后再试；如忘记密码，请联系本单位管理员重置。"
		return p.renderLogin(c, fiber.StatusTooManyRequests, form)
	}
	// An address past its limit is slowed down (one attempt at a time, each
	// LoginSlowdown late), never refused: other people share addresses.
	if p.perIP.Over(c, ipKey) && !p.slow.Wait(c.UserContext(), ipKey, 5*LoginSlowdown) {
		c.Set(fiber.HeaderRetryAfter, "10")
		form.Error = "该网络地址的登录尝试过多，请稍候几秒再试。"
		return p.renderLogin(c, fiber.StatusTooManyRequests, form)
	}
	matches, err := p.cases.Login(c.UserContext(), email, password)
	if err != nil {
		return err
	}
	switch len(matches) {
	case 0: // only failures count towards the throttle
		p.perIP.Allow(c, ipKey)
		p.perAcct.Allow(c, acctKey)
		p.recordFailedLogin(c, email)
		form.Error = "邮箱或密码不正确。"
		return p.renderLogin(c, fiber.StatusUnauthorized, form)
	case 1:
		return p.startSession(c, matches[0].Tenant.ID, matches[0].Tenant.Name, matches[0].User.ID, form.Next)
	}
	return p.chooseUnit(c, matches, form.Next)
}

// recordFailedLogin audits a failed login (account hash, IP, user agent)
// in the tenants that have the account; a failure to record it is logged
// and does not change the answer.
func (p *Portal) recordFailedLogin(c *fiber.Ctx, email string) {
	hash, err := p.cases.RecordFailedLogin(c.UserContext(), cases.FailedLogin{Email: email, IP: handlers.ClientIP(c),
		UserAgent: string(c.Request().Header.UserAgent())})
	p.log.Info("portal: login failed", "account", hash, "ip", handlers.ClientIP(c), "request_id", handlers.RequestID(c))
	if err != nil {
		p.log.Error("portal: audit failed login", "request_id", handlers.RequestID(c), "error", err.Error())
	}
}

func (p *Portal) renderLogin(c *fiber.Ctx, status int, form loginPage) error {
	if form.Down {
		form.Error = "会话服务暂时不可用，请稍后再登录。"
	}
	return p.render(c, status, "login", "登录", "", form)
}

// loginToken sets (or keeps) the pre-session CSRF token of the login forms:
// a random value in a cookie that the form must echo.
func (p *Portal) loginToken(c *fiber.Ctx) {
	tok := c.Cookies(p.cookie.loginCookie())
	if len(tok) != 43 {
		tok = randomToken(32)
		p.setCookie(c, p.cookie.loginCookie(), tok, 3600)
	}
	c.Locals(loginCSRFLocal, tok)
}

func (p *Portal) validLoginToken(c *fiber.Ctx) bool {
	tok := c.Cookies(p.cookie.loginCookie())
	if len(tok) != 43 || subtle.ConstantTimeCompare([]byte(c.FormValue("_csrf")), []byte(tok)) != 1 {
		return false
	}
	c.Locals(loginCSRFLocal, tok)
	return true
}
