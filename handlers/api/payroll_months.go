package api

import (
	"encoding/base64"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/handlers"
	"leaveguard/payroll"
)

func (a *API) registerPayrollMonths(r fiber.Router) {
	r.Post("/payroll/months/:month/close", handlers.Require(auth.Payroll, auth.Admin, auth.HR), a.closePayrollMonth)
}

// closePayrollMonth is POST /payroll/months/{month}/close → 200
// {month, closed_at, lines}: the month's lines are frozen as they stand.
func (a *API) closePayrollMonth(c *fiber.Ctx) error {
	mo, err := payroll.ParseMonth(c.Params("month"))
	if err != nil || mo.Year() < 2000 || mo.Year() > 2100 {
		return handlers.Invalid(map[string]string{"month": "格式 YYYY-MM"})
	}
	out, err := a.cases.ClosePayrollMonth(c.UserContext(), handlers.Tenant(c), handlers.Who(c), mo)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

// feedChangesPage is the body of GET /payroll/feed?changed_since=.
type feedChangesPage struct {
	Items      any    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// payrollFeedChanges is GET /payroll/feed?changed_since=CURSOR (&limit):
// lines and adjustments of any month published or changed after the
// cursor ("0": from the start), oldest change first; next_cursor is
// always set, for the next poll.
func (a *API) payrollFeedChanges(c *fiber.Ctx, n int) error {
	after, err := changeCursor(c.Query("changed_since"))
	if err != nil {
		return err
	}
	p, err := a.cases.PayrollFeedChanges(c.UserContext(), handlers.Tenant(c), after, n)
	if err != nil {
		return err
	}
	return c.JSON(feedChangesPage{Items: p.Items, NextCursor: encodeChangeCursor(p.Next)})
}

func changeCursor(s string) (int64, error) {
	if s == "0" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	n, perr := strconv.ParseInt(string(b), 10, 64)
	if err != nil || perr != nil || n < 0 {
		return 0, handlers.Invalid(map[string]string{"changed_since": "游标无效：首次请用 0，之后用上次返回的 next_cursor"})
	}
	return n, nil
}

func encodeChangeCursor(n int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(n, 10)))
}
