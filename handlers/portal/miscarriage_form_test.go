package portal_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestMiscarriageCorrection: record a miscarriage (20 weeks, 42 days),
// correct it through the form to 10 weeks: the page shows 15 days and the
// correction, a bad gestation is refused in Chinese, the audit trail says so.
func TestMiscarriageCorrection(t *testing.T) {
	b := admin(t, 0)
	id := createEmployee(t, b, "MIS-1")
	emp := "/employees/" + id
	p := b.post(emp+"/miscarriages/new", emp+"/miscarriages", url.Values{"date": {day(-20)}, "gestation_weeks": {"20"}})
	if p.Status != 303 || !strings.HasPrefix(p.Location(), "/miscarriages/") {
		t.Fatalf("miscarriage: %d %s", p.Status, excerpt(p.Body))
	}
	show := strings.Split(p.Location(), "?")[0]
	mustHave(t, "miscarriage page", b.get(show), 200, "42 天", `data-testid="miscarriage-correct"`)
	mustHave(t, "correction form", b.get(show+"/edit"), 200, "更正流产信息", `value="`+day(-20)+`"`, `value="20"`)
	bad := b.post(show+"/edit", show, url.Values{"date": {day(-20)}, "gestation_weeks": {"60"}})
	mustHave(t, "bad gestation", bad, 400, `data-testid="error-gestation_weeks"`, "孕周须为 1 到 45")
	p = b.post(show+"/edit", show, url.Values{"date": {day(-19)}, "gestation_weeks": {"10"}})
	if p.Status != 303 {
		t.Fatalf("correct: %d %s", p.Status, excerpt(p.Body))
	}
	mustHave(t, "corrected", b.get(p.Location()), 200, "流产信息已更正", "15 天", "孕 10 周")
	mustHave(t, "audit trail", b.get(emp), 200, "更正流产信息")
}
