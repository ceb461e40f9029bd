package portal

import (
	"encoding/json"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/leave"
	"leaveguard/store"
)

// birthVersion is one version of a birth as the history shows it.
type birthVersion struct {
	Version    int
	RecordedAt string
	By         string
	BirthDate  string
	ChildOrder int
	Babies     int
	Dystocia   bool
	Plan       leave.BirthPlan
}

// birthPage is a birth with its computed plan and its versions.
type birthPage struct {
	Rec      cases.BirthRecord
	Employee store.EmployeeLabel
	Versions []birthVersion
	CanWrite bool
	CanClaim bool
	Claims   []cases.Claim
}

// birth is GET /births/:id: the plan computed when the birth was recorded
// (days, components with their legal basis, end date, nursing end,
// protected until) and every version of its facts.
func (p *Portal) birth(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return errNotFoundPage
	}
	tenant, ctx := handlers.Tenant(c), c.UserContext()
	rec, versions, err := p.cases.ViewBirth(ctx, tenant, handlers.Who(c), id)
	if err != nil {
		return err
	}
	labels, err := p.employeeLabels(c, []string{rec.Birth.EmployeeID})
	if err != nil {
		return err
	}
	names, err := p.userNames(c)
	if err != nil {
		return err
	}
	role := sessionOf(c).Role
	page := birthPage{Rec: rec, Employee: labels[rec.Birth.EmployeeID], CanWrite: allowed(role, familyWriters),
		CanClaim: allowed(role, claimWriters) && rec.Plan.MaternityLeave != nil && rec.Plan.Birth.Parent == leave.Mother}
	for i := len(versions) - 1; i >= 0; i-- {
		v := versions[i]
		bv := birthVersion{Version: v.Version, RecordedAt: v.RecordedAt.In(china).Format("2006-01-02 15:04"), By: byName(v.RecordedBy, names)}
		var in cases.BirthInput
		_ = json.Unmarshal(v.Input, &in)
		_ = json.Unmarshal(v.Plan, &bv.Plan)
		bv.BirthDate, bv.ChildOrder, bv.Babies, bv.Dystocia = deref(in.BirthDate), derefOr(in.ChildOrder, 0),
			derefOr(in.Babies, 1), in.Dystocia != nil && *in.Dystocia
		page.Versions = append(page.Versions, bv)
	}
	claims, err := p.cases.Claims(ctx, tenant, handlers.Who(c), store.ClaimFilter{EmployeeID: rec.Birth.EmployeeID, Limit: 100})
	if err != nil {
		return err
	}
	for _, cl := range claims {
		if cl.BirthID != nil && *cl.BirthID == id {
			page.Claims = append(page.Claims, cl)
		}
	}
	return p.render(c, fiber.StatusOK, "birth", "分娩记录与产假计划", "employees", page)
}

// miscarriagePage is a miscarriage with its leave plan.
type miscarriagePage struct {
	Rec      cases.MiscarriageRecord
	Employee store.EmployeeLabel
	CanClaim bool
	CanWrite bool // may correct it
}

// miscarriage is GET /miscarriages/:id.
func (p *Portal) miscarriage(c *fiber.Ctx) error {
	id := validID(c.Params("id"))
	if id == "" {
		return errNotFoundPage
	}
	rec, err := p.cases.ViewMiscarriage(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	labels, err := p.employeeLabels(c, []string{rec.Miscarriage.EmployeeID})
	if err != nil {
		return err
	}
	page := miscarriagePage{Rec: rec, Employee: labels[rec.Miscarriage.EmployeeID],
		CanClaim: allowed(sessionOf(c).Role, claimWriters), CanWrite: allowed(sessionOf(c).Role, familyWriters)}
	return p.render(c, fiber.StatusOK, "miscarriage", "流产记录", "employees", page)
}

// userNames maps the tenant's user ids to their names.
func (p *Portal) userNames(c *fiber.Ctx) (map[string]string, error) {
	return p.cases.UserNames(c.UserContext(), handlers.Tenant(c))
}

// byName names the actor of a "type:id" stamp (recorded_by, decided_by).
func byName(stamp string, names map[string]string) string {
	for i := 0; i < len(stamp); i++ {
		if stamp[i] != ':' {
			continue
		}
		typ, id := stamp[:i], stamp[i+1:]
		if typ == "user" {
			if n, ok := names[id]; ok {
				return n
			}
			return "已删除的账号"
		}
		return actorName(store.AuditEntry{ActorType: typ, ActorID: id}, names)
	}
	return stamp
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func derefOr(n *int, def int) int {
	if n == nil {
		return def
	}
	return *n
}
