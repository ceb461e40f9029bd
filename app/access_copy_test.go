package app_test

import (
	"strings"
	"testing"

	"leaveguard/internal/testutil"
)

// accessCopySubject is a mother in a fresh tenant with a pregnancy, a birth,
// a leave request, an allowance claim, a prohibited dismissal check and a
// refused wage cut. It returns the tenant key, her id, her masked and full
// ID numbers and the ids of the request, the claim and the check.
func accessCopySubject(t *testing.T) (key, emp, masked, full string, ids map[string]string) {
	t.Helper()
	env.SetToday(t, "2026-11-28")
	tn := filingTenant(t, "兴安盟个人信息测试有限公司", "91152200MA0Q1234X8")
	key = tn.Key
	emp, masked = hire(t, key, "AC-1", "其其格", "female", "2027-02-28")
	full = lastID
	mustDo(t, 200, "PUT", "/api/v1/settings", key, map[string]any{"avg_monthly_wage_fen": map[string]any{"2025": 700000}})
	post(t, 201, "/api/v1/employees/"+emp+"/pregnancies", key, map[string]any{"reported_on": "2026-03-01"})
	b := birth(t, key, emp, map[string]any{"birth_date": "2026-10-01", "child_order": 1})
	ids = map[string]string{}
	ids["leave"] = post(t, 201, "/api/v1/leave-requests", key, map[string]any{"employee_id": emp,
		"leave_type": "parental", "start": "2027-03-15", "days": 2})["id"].(string)
	ids["claim"] = post(t, 201, "/api/v1/allowance-claims", key, map[string]any{"birth_id": b})["id"].(string)
	ids["check"] = mustDo(t, 200, "POST", "/api/v1/dismissal-checks", key, map[string]any{"employee_id": emp,
		"action": "termination", "ground": "art40", "effective_date": "2026-12-01"})["id"].(string)
	if r := env.Do(t, "PATCH", "/api/v1/employees/"+emp, key, map[string]any{"monthly_wage_fen": 500000}); r.Status != 422 {
		t.Fatalf("wage cut: %d %s", r.Status, r.Body)
	}
	return key, emp, masked, full, ids
}

// firstID is the id of the first object of a JSON list.
func firstID(t *testing.T, v any) string {
	t.Helper()
	l, _ := v.([]any)
	if len(l) == 0 {
		t.Errorf("empty list")
		return ""
	}
	id, _ := l[0].(map[string]any)["id"].(string)
	return id
}

func TestAccessCopyJSON(t *testing.T) {
	key, emp, masked, full, ids := accessCopySubject(t)
	r := env.Do(t, "GET", "/api/v1/employees/"+emp+"/access-copy", key, nil)
	if r.Status != 200 {
		t.Fatalf("copy: %d %s", r.Status, r.Body)
	}
	if strings.Contains(string(r.Body), full) {
		t.Fatal("the copy holds the full ID number")
	}
	m := r.JSON(t)
	e := m["employee"].(map[string]any)
	if e["id"] != emp || e["national_id_masked"] != masked || e["name"] != "其其格" {
		t.Errorf("employee: %v", e)
	}
	fam := m["family"].(map[string]any)
	for _, k := range []string{"pregnancies", "births", "children"} {
		if l, _ := fam[k].([]any); len(l) != 1 {
			t.Errorf("family.%s: %v", k, fam[k])
		}
	}
	for _, k := range []string{"miscarriages", "marriages"} {
		if l, ok := fam[k].([]any); !ok || len(l) != 0 {
			t.Errorf("family.%s should be an empty list: %v", k, fam[k])
		}
	}
	if l, _ := m["entitlements"].([]any); len(l) == 0 {
		t.Error("no entitlements")
	}
	if p := m["protection"].(map[string]any); p["protected"] != true || p["as_of"] != "2026-11-28" {
		t.Errorf("protection: %v", p)
	}
	if got := firstID(t, m["dismissal_checks"]); got != ids["check"] {
		t.Errorf("dismissal check %q, want %q", got, ids["check"])
	} else if v := m["dismissal_checks"].([]any)[0].(map[string]any)["verdict"]; v != "prohibited" {
		t.Errorf("verdict %v", v)
	}
	if got := firstID(t, m["leave_requests"]); got != ids["leave"] {
		t.Errorf("leave request %q, want %q", got, ids["leave"])
	}
	if got := firstID(t, m["allowance_claims"]); got != ids["claim"] {
		t.Errorf("claim %q, want %q", got, ids["claim"])
	}
	if l, _ := m["ledger"].([]any); len(l) == 0 {
		t.Error("no ledger entries (the birth's credits)")
	}
	if l, _ := m["refused_wage_cuts"].([]any); len(l) != 1 {
		t.Errorf("refused wage cuts: %v", m["refused_wage_cuts"])
	}
	if l, ok := m["separations"].([]any); !ok || len(l) != 0 {
		t.Errorf("separations: %v", m["separations"])
	}
	actions := map[string]bool{}
	for _, x := range m["access_log"].([]any) {
		row := x.(map[string]any)
		if len(row) != 4 || row["actor_type"] == "" || row["at"] == "" {
			t.Errorf("access log row: %v", row)
		}
		actions[row["action"].(string)] = true
	}
	for _, a := range []string{"employee.create", "birth.create", "dismissal_check.create", "wage_reduction.refused"} {
		if !actions[a] {
			t.Errorf("access log lacks %s: %v", a, actions)
		}
	}
	// The copy itself is audited: the next copy lists it.
	log := mustDo(t, 200, "GET", "/api/v1/employees/"+emp+"/access-copy", key, nil)["access_log"].([]any)
	if last := log[len(log)-1].(map[string]any); last["action"] != "employee.access_copy" {
		t.Errorf("last access: %v", last)
	}
}

func TestAccessCopyRoles(t *testing.T) {
	env.SetToday(t, "2026-11-28")
	emp := createEmployee(t, env.A.Key)
	path := "/api/v1/employees/" + emp + "/access-copy"
	for role, want := range map[string]int{"hr": 200, "auditor": 200, "payroll": 403} {
		if r := env.Do(t, "GET", path, newKey(t, env.A.ID, role), nil); r.Status != want {
			t.Errorf("%s: %d %s", role, r.Status, r.Body)
		}
	}
	if r := env.Do(t, "GET", path+"?format=xml", env.A.Key, nil); r.Status != 400 {
		t.Errorf("format=xml: %d %s", r.Status, r.Body)
	}
}

func TestAccessCopyPDF(t *testing.T) {
	needPDF(t)
	key, emp, masked, full, _ := accessCopySubject(t)
	r := env.Do(t, "GET", "/api/v1/employees/"+emp+"/access-copy?format=pdf", key, nil)
	if r.Status != 200 || !strings.HasPrefix(string(r.Body), "%PDF") {
		t.Fatalf("pdf: %d %.200s", r.Status, r.Body)
	}
	if ct := r.Header["Content-Type"]; ct != "application/pdf" {
		t.Errorf("content type %q", ct)
	}
	text := testutil.PDFText(t, r.Body, "-layout")
	wantText(t, text, "个人信息副本", "其其格", masked, "一、基本信息", "二、家庭情况", "生育", "2026-10-01",
		"三、应享假期", "产假", "四、三期保护状态", "五、解除、终止劳动合同等事项检查", "禁止",
		"六、休假申请", "育儿假", "2027-03-15", "七、休假台账", "八、生育津贴申领", "九、离职记录",
		"十一、保护期内被拒绝的降薪", "已拒绝", "十二、更正申请", "十三、敏感个人信息处理告知记录", "未记录是否告知",
		"十四、查阅与变更记录", "登记生育")
	if strings.Contains(testutil.Flat(text), full) {
		t.Error("the PDF holds the full ID number")
	}
}
