package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"leaveguard/app/cases"
	"leaveguard/pdf"
	"leaveguard/store"

	"leaveguard/internal/testutil"
)

// getPDF fetches a PDF route and checks the headers every PDF carries.
func getPDF(t *testing.T, path, key string) (body []byte, filingID, version string) {
	t.Helper()
	r := env.Do(t, "GET", path, key, nil)
	if r.Status != 200 {
		t.Fatalf("GET %s: %d %s", path, r.Status, r.Body)
	}
	h := r.Header
	if h["Content-Type"] != "application/pdf" || h["Cache-Control"] != "no-store" || !bytes.HasPrefix(r.Body, []byte("%PDF-")) {
		t.Fatalf("GET %s: headers %v, body %.8q", path, h, r.Body)
	}
	cd := h["Content-Disposition"]
	if !strings.HasPrefix(cd, `attachment; filename="LG-`) || !strings.Contains(cd, `.pdf"; filename*=UTF-8''%E`) {
		t.Errorf("Content-Disposition %q", cd)
	}
	return r.Body, h["X-Filing-Id"], h["X-Filing-Version"]
}

// TestLeaveNoticePDF: an approved maternity leave's notice names the
// employer, the employee, the days and the legal basis; the same data give
// back the same filing, a change makes version 2, stored bytes come back
// byte-identical and re-render identically from the stored data.
func TestLeaveNoticePDF(t *testing.T) {
	needPDF(t)
	ten := filingTenant(t, "兴安盟草原乳业有限公司", "91152200MA0Q1234X8")
	emp, _ := hire(t, ten.Key, "E-0042", "乌云其其格", "female", "")
	post(t, 201, "/api/v1/employees/"+emp+"/births", ten.Key, map[string]any{"birth_date": "2026-02-10", "child_order": 2})
	m := post(t, 201, "/api/v1/leave-requests", ten.Key, map[string]any{"employee_id": emp, "leave_type": "maternity", "start": "2026-02-10", "days": 158})
	id := m["id"].(string)
	path := "/api/v1/leave-requests/" + id + "/pdf"
	if r := env.Do(t, "GET", path, ten.Key, nil); r.Status != 409 || r.Code() != "leave_not_approved" || !strings.Contains(string(r.Body), "已提交") {
		t.Fatalf("submitted leave: %d %s", r.Status, r.Body)
	}
	post(t, 200, "/api/v1/leave-requests/"+id+"/approve", ten.Key, map[string]any{})

	first, fid, v := getPDF(t, path, ten.Key)
	if v != "1" {
		t.Fatalf("version %s", v)
	}
	if d := os.Getenv("LEAVEGUARD_PDF_SAMPLES"); d != "" {
		_ = os.WriteFile(d+"/notice.pdf", first, 0o644)
	}
	wantText(t, testutil.PDFText(t, first, "-layout"), "休假审批通知书", "兴安盟草原乳业有限公司", "91152200MA0Q1234X8",
		"乌云其其格", "E-0042", "产假", "2026年2月10日", "2026年7月17日", "158 天", "自然日", "人力资源部门",
		"女职工劳动保护特别规定", "第 1 页 / 共", "LG-XJTZ-")
	again, fid2, v2 := getPDF(t, path, ten.Key)
	if fid2 != fid || v2 != "1" || !bytes.Equal(again, first) {
		t.Fatalf("unchanged data gave filing %s v%s (want %s v1), same bytes %v", fid2, v2, fid, bytes.Equal(again, first))
	}
	for i := 0; i < 2; i++ {
		if stored, _, _ := getPDF(t, "/api/v1/filings/"+fid, ten.Key); !bytes.Equal(stored, first) {
			t.Fatalf("GET /filings/%s #%d is not byte-identical", fid, i+1)
		}
	}
	if out := rerender(t, ten.ID, fid); !bytes.Equal(out, first) {
		t.Fatalf("re-rendered from stored data: %d bytes, stored %d: not identical", len(out), len(first))
	}

	// A change (the employee's name) makes version 2; version 1 stays.
	if r := env.Do(t, "PATCH", "/api/v1/employees/"+emp, ten.Key, map[string]any{"name": "乌云其木格"}); r.Status != 200 {
		t.Fatalf("patch: %d %s", r.Status, r.Body)
	}
	second, fid3, v3 := getPDF(t, path, ten.Key)
	if v3 != "2" || fid3 == fid || bytes.Equal(second, first) {
		t.Fatalf("after a change: filing %s v%s", fid3, v3)
	}
	wantText(t, testutil.PDFText(t, second, "-layout"), "乌云其木格")
	if old, _, _ := getPDF(t, "/api/v1/filings/"+fid, ten.Key); !bytes.Equal(old, first) {
		t.Fatal("version 1 changed")
	}
	r := env.Do(t, "GET", "/api/v1/filings?kind=leave_notice&subject_id="+id, ten.Key, nil)
	items := r.JSON(t)["items"].([]any)
	if len(items) != 2 || items[0].(map[string]any)["version"].(float64) != 2 || items[1].(map[string]any)["id"] != fid {
		t.Fatalf("filings list: %s", r.Body)
	}
	if no := items[0].(map[string]any)["document_no"].(string); !strings.HasPrefix(no, "LG-XJTZ-") || no == items[1].(map[string]any)["document_no"] {
		t.Errorf("document numbers %v / %v", no, items[1].(map[string]any)["document_no"])
	}
	wantAudit(t, ten.ID, "filing.generate", 2)
	wantAudit(t, ten.ID, "filing.download", 4)
}

// rerender renders a stored filing again from its stored data.
func rerender(t *testing.T, tenant, id string) []byte {
	t.Helper()
	var f store.Filing
	ctx := context.Background()
	err := env.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		f, err = tx.Filing(ctx, tenant, id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(f.Data) || !strings.Contains(string(f.Data), `"GeneratedAt"`) {
		t.Fatalf("stored data: %s", f.Data)
	}
	font, err := pdf.LoadFont(pdf.DefaultFontPath)
	if err != nil {
		testutil.Need(t, err.Error())
	}
	out, err := (&cases.Filings{PDF: pdf.NewRenderer(font)}).Render(f.Kind, f.Data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// wantAudit checks the tenant's audit log has n entries of action.
func wantAudit(t *testing.T, tenant, action string, n int) {
	t.Helper()
	var got []int
	env.Query(t, tenant, &got, `SELECT count(*) FROM audit_log WHERE action = $1`, action)
	if got[0] != n {
		t.Errorf("%d audit entries %q, want %d", got[0], action, n)
	}
}

// TestContractExtensionNoticePDF: a contract ending inside the protected
// period gets its notice with the masked ID number only; others get 409.
func TestContractExtensionNoticePDF(t *testing.T) {
	needPDF(t)
	ten := filingTenant(t, "兴安盟顺延测试有限公司", "91152222MA7XAM001F")
	emp, masked := hire(t, ten.Key, "E-0107", "萨仁高娃", "female", "2026-06-30")
	post(t, 201, "/api/v1/employees/"+emp+"/births", ten.Key, map[string]any{"birth_date": "2026-01-20", "child_order": 1})
	body, _, _ := getPDF(t, "/api/v1/employees/"+emp+"/contract-extension-notice.pdf", ten.Key)
	text := testutil.PDFText(t, body, "-layout")
	wantText(t, text, "劳动合同顺延通知书", "萨仁高娃", masked, "E-0107", "2026年6月30日", "2027年1月20日", // extended to the 1st birthday, the last protected day
		"哺乳期", "劳动合同法》第四十五条", "兴安盟顺延测试有限公司", "91152222MA7XAM001F", "LG-HTSY-")
	if strings.Count(testutil.Flat(text), "********") != 1 {
		t.Errorf("ID number not shown masked exactly once")
	}
	plain, _ := hire(t, ten.Key, "E-0108", "其木格", "female", "2026-06-30")
	none, _ := hire(t, ten.Key, "E-0109", "陈静", "female", "")
	man, _ := hire(t, ten.Key, "E-0110", "巴特尔", "male", "2026-06-30")
	for _, id := range []string{plain, none, man} {
		r := env.Do(t, "GET", "/api/v1/employees/"+id+"/contract-extension-notice.pdf", ten.Key, nil)
		if r.Status != 409 || r.Code() != "no_contract_extension" {
			t.Errorf("no extension due: %d %s", r.Status, r.Body)
		}
	}
	if r := env.Do(t, "GET", "/api/v1/employees/"+emp+"/contract-extension-notice.pdf", newKey(t, ten.ID, "payroll"), nil); r.Status != 403 {
		t.Errorf("payroll key: %d", r.Status)
	}
	if r := env.Do(t, "GET", "/api/v1/employees/"+emp+"/contract-extension-notice.pdf", newKey(t, ten.ID, "auditor"), nil); r.Status != 200 {
		t.Errorf("auditor key: %d %s", r.Status, r.Body)
	}
}
