package api

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/leave"
	"leaveguard/store"
)

// claimFilter reads ?status, employee_id, from, to (event date), limit, cursor.
func claimFilter(c *fiber.Ctx) (store.ClaimFilter, int, error) {
	k, err := readKeyset(c)
	if err != nil {
		return store.ClaimFilter{}, 0, err
	}
	f := store.ClaimFilter{Status: c.Query("status"), AfterTime: k.At, AfterID: k.ID, Limit: k.N + 1}
	bad := map[string]string{}
	if s := c.Query("employee_id"); s != "" {
		if f.EmployeeID, err = uuidParam(s); err != nil {
			bad["employee_id"] = "不是有效的员工 id"
		}
	}
	switch f.Status {
	case "", cases.StatusDraft, cases.StatusSubmitted, cases.StatusApproved, cases.StatusRejected, cases.StatusPaid:
	default:
		bad["status"] = "须为 draft、submitted、approved、rejected 或 paid"
	}
	for name, dst := range map[string]*leave.Date{"from": &f.From, "to": &f.To} {
		if s := c.Query(name); s != "" {
			if *dst, err = leave.ParseDate(s); err != nil {
				bad[name] = "日期格式须为 YYYY-MM-DD"
			}
		}
	}
	if len(bad) > 0 {
		return store.ClaimFilter{}, 0, handlers.Invalid(bad)
	}
	return f, k.N, nil
}

// claimPage cuts the extra row off and sets the next cursor.
func claimPage(items []cases.Claim, n int) page[cases.Claim] {
	return pageOf(items, n, same[cases.Claim], func(cl cases.Claim) (time.Time, string) { return cl.CreatedAt, cl.ID })
}

// listClaims is GET /allowance-claims (?status, employee_id, from, to on
// the birth or miscarriage date, limit, cursor).
func (a *API) listClaims(c *fiber.Ctx) error {
	f, n, err := claimFilter(c)
	if err != nil {
		return err
	}
	items, err := a.cases.Claims(c.UserContext(), handlers.Tenant(c), handlers.Who(c), f)
	if err != nil {
		return err
	}
	return c.JSON(claimPage(items, n))
}

// overdueClaims is GET /alerts/overdue-claims: submitted claims whose
// 10-working-day decision deadline has passed as of today.
func (a *API) overdueClaims(c *fiber.Ctx) error {
	f, n, err := claimFilter(c)
	if err != nil {
		return err
	}
	items, today, err := a.cases.OverdueClaims(c.UserContext(), handlers.Tenant(c), handlers.Who(c), f)
	if err != nil {
		return err
	}
	p := claimPage(items, n)
	return c.JSON(fiber.Map{"as_of": today, "items": p.Items, "next_cursor": p.NextCursor})
}
