package portal

import (
	"html/template"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// Roles of the allowance and subsidy pages (as the API's).
var (
	claimReaders = familyReaders
	claimWriters = []string{auth.Admin, auth.HR}
)

// claimRow is a claim with the employee it is for.
type claimRow struct {
	cases.Claim
	Employee store.EmployeeLabel
}

// claimsPage is the list of allowance claims with its filter.
type claimsPage struct {
	listQuery
	Rows    []claimRow
	Form    Form // a failed creation's message
	Explain string
}

func (p *Portal) registerClaims(r fiber.Router) {
	p.AddNav(NavEntry{Key: "claims", Label: "生育津贴", Path: "/allowance-claims", Order: OrderAllowance, Roles: claimReaders})
	p.AddLabels("claim_status", map[string]string{cases.StatusDraft: "草稿", cases.StatusSubmitted: "已提交经办机构",
		cases.StatusApproved: "已批准", cases.StatusRejected: "已驳回", cases.StatusPaid: "已到账"})
	p.AddLabels("transition", map[string]string{"create": "创建", "recompute": "重新计算", "submit": "提交经办机构",
		"approve": "经办机构批准", "reject": "经办机构驳回", "pay": "登记到账",
		"amendment_needed": "分娩事实更正，需向经办机构申请更正（差额见明细）"})
	p.AddLabels("payee", map[string]string{"employee": "直接发给职工", "employer": "拨付给单位"})
	p.AddLabels("payer", map[string]string{"maternity_fund": "生育保险基金", "employer": "用人单位（未参保）"})
	p.AddActionLabels(map[string]string{"allowance_claim.create": "创建生育津贴申领", "allowance_claim.recompute": "重新计算生育津贴",
		"allowance_claim.submit": "提交生育津贴申领", "allowance_claim.approve": "登记生育津贴批准",
		"allowance_claim.reject": "登记生育津贴驳回", "allowance_claim.pay": "登记生育津贴到账"})
	p.AddEmployeeSection(EmployeeSection{Order: 40, Roles: claimReaders, Render: p.claimsSection})
	p.page(r, fiber.MethodGet, "/allowance-claims", p.claims, claimReaders...)
	p.page(r, fiber.MethodPost, "/allowance-claims", p.claimCreate, claimWriters...)
	p.page(r, fiber.MethodGet, "/allowance-claims/:id", p.claim, claimReaders...)
	for _, action := range []string{"recompute", "submit", "approve", "reject", "pay"} {
		p.page(r, fiber.MethodPost, "/allowance-claims/:id/"+action, p.claimStep(action), claimWriters...)
	}
}

// claims is GET /allowance-claims?status=&ext=&employee=&from=&to=&after=:
// claims in the order they were made; status "overdue" lists the submitted
// claims past the bureau's 10-working-day deadline.
func (p *Portal) claims(c *fiber.Ctx) error {
	return p.renderClaims(c, fiber.StatusOK, NewForm(), "")
}

func (p *Portal) renderClaims(c *fiber.Ctx, status int, form Form, why string) error {
	q, w, err := p.readListQuery(c, func(s string) bool {
		_, ok := p.labels["claim_status"][s]
		return ok || s == "overdue"
	})
	if err != nil {
		return err
	}
	page := claimsPage{listQuery: q, Form: form, Explain: why}
	f := store.ClaimFilter{Status: q.Status, EmployeeID: w.EmployeeID, From: w.From, To: w.To,
		AfterTime: w.AfterTime, AfterID: w.AfterID, Limit: PageSize + 1}
	if q.Status == "overdue" {
		f.Status, f.OverdueOn = cases.StatusSubmitted, p.cases.Today()
	}
	var rows []cases.Claim
	if f.EmployeeID != "-" {
		if rows, err = p.cases.Claims(c.UserContext(), handlers.Tenant(c), handlers.Who(c), f); err != nil {
			return err
		}
	}
	rows, page.Next = cutPage(rows, func(r cases.Claim) (time.Time, string) { return r.CreatedAt, r.ID })
	ids := make([]string, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.EmployeeID)
	}
	labels, err := p.employeeLabels(c, ids)
	if err != nil {
		return err
	}
	for _, r := range rows {
		page.Rows = append(page.Rows, claimRow{Claim: r, Employee: labels[r.EmployeeID]})
	}
	return p.render(c, status, "claims", "生育津贴", "claims", page)
}

// claimCreate is POST /allowance-claims with birth_id or miscarriage_id:
// compute the allowance as a draft claim and show it.
func (p *Portal) claimCreate(c *fiber.Ctx) error {
	in := cases.ClaimInput{BirthID: opt(validID(c.FormValue("birth_id"))), MiscarriageID: opt(validID(c.FormValue("miscarriage_id")))}
	cl, err := p.cases.CreateClaim(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in)
	if err == nil {
		return c.Redirect("/allowance-claims/"+cl.ID+"?notice=created", fiber.StatusSeeOther)
	}
	f := NewForm()
	status, ok := mergeFormError(&f, err, nil)
	if !ok {
		return err
	}
	return p.renderClaims(c, status, f, explain(err))
}

// claimsSection is the employee page's 生育津贴 block: her claims.
func (p *Portal) claimsSection(c *fiber.Ctx, e store.Employee) (template.HTML, error) {
	if e.Gender != "female" {
		return "", nil
	}
	rows, err := p.cases.Claims(c.UserContext(), handlers.Tenant(c), handlers.Who(c), store.ClaimFilter{EmployeeID: e.ID, Limit: 50})
	if err != nil {
		return "", err
	}
	return p.Partial("claims-section", map[string]any{"E": e, "Rows": rows})
}
