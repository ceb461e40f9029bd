package api

import (
	"leaveguard/app/cases"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/handlers"
	"leaveguard/leave"
	"leaveguard/store"
)

// listLeave is GET /leave-requests (?employee_id, status, from, to, limit, cursor).
func (a *API) listLeave(c *fiber.Ctx) error {
	k, err := readKeyset(c)
	if err != nil {
		return err
	}
	f := store.LeaveFilter{Status: c.Query("status"), AfterTime: k.At, AfterID: k.ID, Limit: k.N + 1}
	bad := map[string]string{}
	if s := c.Query("employee_id"); s != "" {
		if f.EmployeeID, err = uuidParam(s); err != nil {
			bad["employee_id"] = "不是有效的员工 id"
		}
	}
	if f.Status != "" && f.Status != "submitted" && f.Status != "approved" && f.Status != "rejected" && f.Status != "cancelled" {
		bad["status"] = "须为 submitted、approved、rejected 或 cancelled"
	}
	for name, dst := range map[string]*leave.Date{"from": &f.From, "to": &f.To} {
		if s := c.Query(name); s != "" {
			if *dst, err = leave.ParseDate(s); err != nil {
				bad[name] = "日期格式须为 YYYY-MM-DD"
			}
		}
	}
	if len(bad) > 0 {
		return handlers.Invalid(bad)
	}
	rows, err := a.cases.LeaveRequests(c.UserContext(), handlers.Tenant(c), handlers.Who(c), f)
	if err != nil {
		return err
	}
	return c.JSON(pageOf(rows, k.N, cases.ViewLeave, func(r store.LeaveRequest) (time.Time, string) { return r.CreatedAt, r.ID }))
}
