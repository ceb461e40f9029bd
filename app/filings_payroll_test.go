package app_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"leaveguard/pdf"

	"leaveguard/internal/testutil"
)

// TestClaimFormPDF: the claim form shows the employer, the employee with
// her masked ID number only, the amounts (7,200.00 × 158 ÷ 30 = 37,920.00)
// and the legal basis; a recomputed claim gives version 2.
func TestClaimFormPDF(t *testing.T) {
	needPDF(t)
	ten := filingTenant(t, "兴安盟草原乳业有限公司", "91152200MA0Q1234X8")
	mustDo(t, 200, "PUT", "/api/v1/settings", ten.Key, map[string]any{"avg_monthly_wage_fen": map[string]any{"2025": 720000}})
	emp, masked := hire(t, ten.Key, "E-0042", "乌云其其格", "female", "")
	full := lastID
	b := birth(t, ten.Key, emp, map[string]any{"birth_date": "2026-02-10", "child_order": 2})
	id := mustDo(t, 201, "POST", "/api/v1/allowance-claims", ten.Key, map[string]any{"birth_id": b})["id"].(string)

	body, fid, v := getPDF(t, "/api/v1/allowance-claims/"+id+"/pdf", ten.Key)
	text := testutil.PDFText(t, body, "-layout")
	wantText(t, text, "生育津贴申领表", "兴安盟草原乳业有限公司", "91152200MA0Q1234X8", "乌云其其格", masked, "E-0042",
		"37,920.00", "7,200.00", "叁万柒仟玖佰贰拾元整", "158 天", "第 2 孩", "2026年2月10日",
		"社会保险法", "第五十六条", "申请人（签字）", "单位（盖章）", "LG-SYJT-"+strconv.Itoa(env.Today.Year())+"-")
	if strings.Contains(testutil.Flat(text), full) || strings.Contains(string(body), full) {
		t.Fatal("the full ID number is in the PDF")
	}
	if v != "1" {
		t.Fatalf("version %s", v)
	}
	if out := rerender(t, ten.ID, fid); string(out) != string(body) {
		t.Fatal("claim form re-rendered from its stored data differs")
	}
	mustDo(t, 200, "PUT", "/api/v1/settings", ten.Key, map[string]any{"allowance_divisor": 30.4})
	mustDo(t, 200, "POST", "/api/v1/allowance-claims/"+id+"/recompute", ten.Key, nil)
	body2, fid2, v2 := getPDF(t, "/api/v1/allowance-claims/"+id+"/pdf", ten.Key)
	if v2 != "2" || fid2 == fid {
		t.Fatalf("after recompute: %s v%s", fid2, v2)
	}
	wantText(t, testutil.PDFText(t, body2, "-layout"), "37,421.05", "30.4")
}

// TestSubsidyFormPDF: a 120-line application spans pages, each page with
// lines repeats the header row, and the totals add up.
func TestSubsidyFormPDF(t *testing.T) {
	needPDF(t)
	ten := filingTenant(t, "兴安盟补贴测试有限公司", "91152222MA7XAM001F")
	mustDo(t, 200, "PUT", "/api/v1/settings", ten.Key, map[string]any{"contribution_rates": subsidyRates,
		"subsidy_program": map[string]any{"ratio_bp": 5000}})
	for i := 0; i < 20; i++ {
		emp, _ := hire(t, ten.Key, fmt.Sprintf("S-%03d", i), "职工"+strconv.Itoa(i), "female", "")
		birth(t, ten.Key, emp, map[string]any{"birth_date": "2025-12-01", "child_order": 1})
		approvedLeave(t, ten.Key, emp, "maternity", "2025-12-01", 158)
	}
	a := mustDo(t, 201, "POST", "/api/v1/subsidy-applications", ten.Key, map[string]any{"period_from": "2025-12", "period_to": "2026-05"})
	lines := a["lines"].([]any)
	if len(lines) != 120 {
		t.Fatalf("%d lines", len(lines))
	}
	body, _, _ := getPDF(t, "/api/v1/subsidy-applications/"+a["id"].(string)+"/pdf", ten.Key)
	all := testutil.PDFText(t, body, "-layout")
	wantText(t, all, "社会保险费补贴申请表", "兴安盟补贴测试有限公司", "2025年12月 至 2026年5月", "职工0", "S-019",
		pdf.Yuan(fen(a["total_claimable_fen"])), pdf.YuanUpper(fen(a["total_claimable_fen"])),
		pdf.Yuan(fen(lines[0].(map[string]any)["claimable_fen"])), "兴署办发〔2023〕86号", "120 行", "20 人")
	pages := strings.Count(all, "\f")
	if pages < 3 {
		t.Fatalf("%d pages for 120 lines", pages)
	}
	withLines := 0
	for p := 1; p <= pages; p++ {
		text := testutil.PDFText(t, body, "-layout", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p))
		wantText(t, text, "第 "+strconv.Itoa(p)+" 页 / 共 "+strconv.Itoa(pages)+" 页")
		if strings.Contains(text, "S-0") {
			withLines++
			wantText(t, text, "序号", "职工姓名", "工号", "月份", "假期类型", "休假天数", "当月天数", "缴费基数", "单位缴费", "可申请补贴")
		}
	}
	if withLines < 3 {
		t.Errorf("lines on %d pages", withLines)
	}
}
