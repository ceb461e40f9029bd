package portal

import (
	"bytes"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"

	"leaveguard/web"
)

// mustParse parses every page once: each page file (templates/x.html) is
// parsed over a fresh copy of the shared layouts and partials
// (templates/_*.html) and is executed by its base name ("x").
func mustParse(funcs template.FuncMap) map[string]*template.Template {
	base := template.Must(template.New("").Funcs(funcs).ParseFS(web.FS, "templates/_*.html"))
	files, err := fs.Glob(web.FS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	pages := map[string]*template.Template{}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if strings.HasPrefix(name, "_") {
			continue
		}
		pages[name] = template.Must(template.Must(base.Clone()).ParseFS(web.FS, f))
	}
	pages["_partials"] = base
	return pages
}

// View is what every page template receives: the page's own data in Page,
// the signed-in user, the navigation and the per-request tokens.
type View struct {
	Title  string
	Active string
	Nonce  string
	CSRF   string
	User   *Session
	Nav    []NavEntry
	Notice string
	Page   any
}

// notices are the fixed messages a redirect may ask for with ?notice=code
// (never text from the request itself).
var notices = map[string]string{
	"saved":      "已保存。",
	"created":    "已创建。",
	"password":   "密码已更新，其他设备上的登录已退出。",
	"logged_out": "您已安全退出。",
	"role":       "角色已更新；该用户需重新登录后生效。",
	"disabled":   "账号已停用，该用户的所有登录已立即退出。",
	"enabled":    "账号已启用。",
	// family events, leave, claims and subsidies
	"pregnancies":     "已登记怀孕：孕期保护自报告之日起生效。",
	"births":          "已登记分娩，并按规则计算了产假计划。",
	"miscarriages":    "已登记流产，并计算了流产假。",
	"marriages":       "已登记结婚，婚假已记入假期余额。",
	"corrected":       "分娩信息已更正，产假计划已重新计算；原记录保留在版本历史中。",
	"misc_corrected":  "流产信息已更正，流产假已重新计算并重新记入假期余额；原记录作为历史版本保留。",
	"leave_submitted": "请假申请已提交，等待审批。",
	"leave_approve":   "已批准：假期已从余额中扣除，并通知薪酬系统。",
	"leave_reject":    "已驳回该申请。",
	"leave_cancel":    "已撤销该申请；已扣除的天数已退回余额。",
	"step_recompute":  "已按最新资料和设置重新计算。",
	"step_submit":     "已登记提交经办机构。",
	"step_approve":    "已登记经办机构批准。",
	"step_reject":     "已登记经办机构驳回。",
	"step_pay":        "已登记到账，并与测算金额核对。",
	// separation
	"separated":            "已办理离职：最后工作日之后的假期已取消并退回余额，待审批的申请已关闭。",
	"separation_withdrawn": "已撤销离职，员工恢复在职；历史记录保留。",
	// the employee's rights over her data
	"correction_recorded": "已登记更正申请；处理后请记录结果。",
	"correction_decided":  "已记录更正申请的处理结果。",
	"notice_recorded":     "已记录告知情况。",
	"deletion_requested":  "已申请删除本单位全部数据：等待期届满当日由系统删除，期间可导出数据或撤销申请。",
	"deletion_cancelled":  "已撤销删除申请，数据照常保留。",
	// integrations
	"integration_deleted": "集成已删除：此后该地址收到的回调会被拒收，也不再向其推送事件；日志保留。",
	"redelivered":         "已安排重新推送，稍后可在推送记录中查看结果。",
	"test_event_sent":     "已向该集成的推送地址发送测试事件（integration.test），稍后可在推送记录中查看对方的应答。",
	"api_key_revoked":     "密钥已吊销：2 秒内在所有接口失效。",
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render executes page with data into a buffer (so a template error never
// sends half a page) and sends it with status.
func (p *Portal) render(c *fiber.Ctx, status int, page, title, active string, data any) error {
	t, ok := p.pages[page]
	if !ok {
		panic("portal: no template " + page)
	}
	v := View{Title: title, Active: active, Nonce: nonceOf(c), Notice: notices[c.Query("notice")], Page: data}
	if s := sessionOf(c); s != nil {
		v.User, v.CSRF = s, s.CSRF
		for _, e := range p.nav {
			if allowed(s.Role, e.Roles) {
				v.Nav = append(v.Nav, e)
			}
		}
	}
	if tok, ok := c.Locals(loginCSRFLocal).(string); ok {
		v.CSRF = tok
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := t.ExecuteTemplate(buf, page+".html", v); err != nil {
		return err
	}
	c.Status(status).Type("html", "utf-8")
	return c.Send(buf.Bytes())
}

// Partial renders a shared partial (defined in templates/_*.html) to HTML,
// for employee sections and dashboard blocks of other areas.
func (p *Portal) Partial(name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := p.pages["_partials"].ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil //nolint:gosec // produced by html/template
}
