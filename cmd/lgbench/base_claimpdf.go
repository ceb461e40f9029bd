package main

import (
	"encoding/json"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/leave"
	"leaveguard/payroll"
	"leaveguard/pdf"
)

// pdfFont is the CJK font of the PDFs (the service's default path).
const pdfFont = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

// baseClaimPDF reads the claim, its employee, its birth or miscarriage and
// the tenant, and renders the same form with the same renderer (no filing
// kept, no document number drawn, no audit row).
func baseClaimPDF(a *fiber.App, p *basePrep) {
	claim := p.stmt(`SELECT c.employee_id, c.birth_id, c.miscarriage_id, c.event_date, c.insured,
			c.result, e.name, e.national_id_masked, e.external_id, t.name AS tenant_name, t.credit_code
			FROM allowance_claims c JOIN employees e ON e.tenant_id = c.tenant_id AND e.id = c.employee_id
			JOIN tenants t ON t.id = c.tenant_id WHERE c.tenant_id = $1 AND c.id = $2`)
	birth := p.stmt(`SELECT child_order, babies, dystocia, plan FROM births WHERE tenant_id = $1 AND id = $2`)
	var once sync.Once
	var r *pdf.Renderer
	a.Get("/api/v1/allowance-claims/:id/pdf", func(c *fiber.Ctx) error {
		once.Do(func() {
			if f, err := pdf.LoadFont(pdfFont); err == nil {
				r = pdf.NewRenderer(f)
			}
		})
		if r == nil {
			return fiber.ErrServiceUnavailable
		}
		tenant, err := baseTenant(c)
		if err != nil {
			return err
		}
		id, err := baseUUID(c, "id")
		if err != nil {
			return err
		}
		ctx := c.UserContext()
		var row struct {
			EmployeeID string          `db:"employee_id"`
			BirthID    *string         `db:"birth_id"`
			MiscID     *string         `db:"miscarriage_id"`
			EventDate  leave.Date      `db:"event_date"`
			Insured    bool            `db:"insured"`
			Result     json.RawMessage `db:"result"`
			Name       string          `db:"name"`
			Masked     string          `db:"national_id_masked"`
			ExternalID string          `db:"external_id"`
			Tenant     string          `db:"tenant_name"`
			Credit     string          `db:"credit_code"`
		}
		if err := claim.GetContext(ctx, &row, tenant, id); err != nil {
			return fiber.ErrNotFound
		}
		var res payroll.AllowanceResult
		_ = json.Unmarshal(row.Result, &res)
		doc := pdf.Claim{Meta: pdf.Meta{TenantName: row.Tenant, CreditCode: row.Credit, DocNo: "BASE-" + id[:8],
			GeneratedAt: time.Now().Truncate(time.Second)}, EmployeeName: row.Name, NationalIDMasked: row.Masked,
			ExternalID: row.ExternalID, MaternityInsured: row.Insured, EventDate: row.EventDate, PaidDays: res.PaidDays,
			BasisYear: res.BasisYear, BasisMonthlyWageFen: res.BasisMonthlyWageFen, Divisor: res.Divisor,
			AmountFen: res.AmountFen, EmployeeWageFen: res.EmployeeWageFen, TopUpFen: res.TopUpFen,
			Payer: string(res.Payer), Payee: string(res.Payee), Parameters: res.Parameters,
			ComplianceGaps: res.ComplianceGaps, Notes: res.Notes, Event: "miscarriage"}
		if row.BirthID != nil {
			var b struct {
				Order    int             `db:"child_order"`
				Babies   int             `db:"babies"`
				Dystocia bool            `db:"dystocia"`
				Plan     json.RawMessage `db:"plan"`
			}
			if err := birth.GetContext(ctx, &b, tenant, *row.BirthID); err != nil {
				return err
			}
			var plan leave.BirthPlan
			_ = json.Unmarshal(b.Plan, &plan)
			doc.Event, doc.ChildOrder, doc.Babies, doc.Dystocia = "birth", b.Order, b.Babies, b.Dystocia
			if ml := plan.MaternityLeave; ml != nil {
				doc.LeaveStart, doc.LeaveEnd = ml.Start, ml.End
			}
		}
		out, err := r.Claim(doc)
		if err != nil {
			return err
		}
		c.Set(fiber.HeaderContentType, "application/pdf")
		return c.Send(out)
	})
}
