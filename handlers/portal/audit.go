package portal

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// auditRow is one audit entry as shown: who (by name), what, on which object.
type auditRow struct {
	Seq        int64
	At         time.Time
	Actor      string
	Action     string
	ObjectType string
	ObjectID   string
	Detail     string
	Link       string
}

// objectTypes are the audit object types the filter offers, with labels;
// links open the object's page when the portal has one.
var objectTypes = []struct{ Code, Label, Link string }{
	{"employee", "员工", "/employees/"},
	{"user", "账号", "/staff/"},
	{"api_key", "API 密钥", ""},
	{"leave_request", "请假", ""},
}

type auditPage struct {
	Type, Object string
	Types        []struct{ Code, Label, Link string }
	Rows         []auditRow
	Next         string
	Paged        bool
	Verified     *cases.AuditVerification // set after 校验审计链
}

func (p *Portal) registerAudit(r fiber.Router) {
	p.AddNav(NavEntry{Key: "audit", Label: "审计", Path: "/audit", Order: OrderAudit, Roles: []string{auth.Admin, auth.Auditor}})
	p.AddActionLabels(map[string]string{"user.login": "登录门户", "user.logout": "退出门户", "user.login_failed": "登录失败", "api_key.create": "创建 API 密钥",
		"audit.verify": "校验审计链"})
	p.AddActionLabels(knownActions)
	p.AddActionLabels(readActions)
	p.page(r, fiber.MethodGet, "/audit", p.audit, auth.Admin, auth.Auditor)
}

// audit is GET /audit?type=&object=&before=&verify=1: the tenant's audit
// log, newest first, filtered by object; with verify=1 every hash of its
// chains is recomputed first and the result shown above the log.
func (p *Portal) audit(c *fiber.Ctx) error {
	page := auditPage{Type: c.Query("type"), Object: c.Query("object"), Types: objectTypes}
	if c.Query("verify") == "1" {
		v, err := p.cases.VerifyAudit(c.UserContext(), handlers.Tenant(c), handlers.Who(c))
		if err != nil {
			return err
		}
		page.Verified = &v
	}
	if len(page.Type) > 40 {
		page.Type = ""
	}
	if len(page.Object) > 64 {
		page.Object = ""
	}
	before, _ := strconv.ParseInt(c.Query("before"), 10, 64)
	page.Paged = before > 0
	rows, more, err := p.auditRows(c, store.AuditFilter{ObjectType: page.Type, ObjectID: page.Object,
		BeforeSeq: max(before, 0), Limit: PageSize})
	if err != nil {
		return err
	}
	page.Rows = rows
	if more {
		page.Next = strconv.FormatInt(rows[len(rows)-1].Seq, 10)
	}
	return p.render(c, fiber.StatusOK, "audit", "审计日志", "audit", page)
}

// auditRows loads up to f.Limit entries (and whether there are more) with
// the actors' names.
func (p *Portal) auditRows(c *fiber.Ctx, f store.AuditFilter) ([]auditRow, bool, error) {
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	want := f.Limit
	f.Limit++
	entries, names, err := p.cases.AuditLog(ctx, tenant, f)
	if err != nil {
		return nil, false, err
	}
	more := len(entries) > want
	if more {
		entries = entries[:want]
	}
	out := make([]auditRow, 0, len(entries))
	for _, e := range entries {
		r := auditRow{Seq: e.Seq, At: e.At, Action: e.Action, ObjectType: e.ObjectType, ObjectID: e.ObjectID,
			Actor: actorName(e, names), Detail: describeDetail(e.Detail)}
		for _, t := range objectTypes {
			if t.Code == e.ObjectType && t.Link != "" && e.ObjectID != "" {
				r.Link = t.Link + e.ObjectID
			}
		}
		out = append(out, r)
	}
	return out, more, nil
}

func actorName(e store.AuditEntry, names map[string]string) string {
	switch e.ActorType {
	case "user":
		if n, ok := names[e.ActorID]; ok {
			return n
		}
		return "已删除的账号"
	case "api_key":
		return "API 密钥"
	case "webhook":
		return "薪酬系统回调"
	case "system":
		return "系统"
	case "anonymous":
		return "未登录的访客"
	}
	return e.ActorType
}
