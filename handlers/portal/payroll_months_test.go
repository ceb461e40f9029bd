package portal_test

import (
	"net/url"
	"testing"
)

// TestPayrollMonthClosePortal: an admin closes a payroll month from the
// integrations page; closing it again is refused with the reason, a future
// month too.
func TestPayrollMonthClosePortal(t *testing.T) {
	b := admin(t, 0)
	mustHave(t, "integrations", b.get("/integrations"), 200, "工资月份结账")
	r := b.post("/integrations", "/integrations/payroll-months/close", url.Values{"month": {"2020-01"}})
	if r.Status != 303 && r.Status != 200 {
		t.Fatalf("close: %d %s", r.Status, excerpt(r.Body))
	}
	mustHave(t, "after the close", b.get("/integrations?closed=2020-01"), 200, `data-testid="month-closed"`, "2020-01 已结账")
	mustHave(t, "closed twice", b.post("/integrations", "/integrations/payroll-months/close", url.Values{"month": {"2020-01"}}), 409, "已结账")
	mustHave(t, "a future month", b.post("/integrations", "/integrations/payroll-months/close", url.Values{"month": {"2100-01"}}), 422, "尚未开始")
	mustHave(t, "no month", b.post("/integrations", "/integrations/payroll-months/close", url.Values{"month": {""}}), 400, "请选择月份")
}
