package app_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/xuri/excelize/v2"

	"leaveguard/app/pii"
)

const importSample = "../docs/samples/employees-import.xlsx"

// TestImportSample: docs/samples/employees-import.xlsx, the sample the
// README and the demo offer, is the template filled with five employees,
// and imports without a bad row. LEAVEGUARD_WRITE_SAMPLES=1 writes it anew.
func TestImportSample(t *testing.T) {
	if os.Getenv("LEAVEGUARD_WRITE_SAMPLES") != "" {
		writeImportSample(t)
	}
	data, err := os.ReadFile(importSample)
	if err != nil {
		t.Fatal(err)
	}
	tn := freshTenant(t)
	if got := counts(importReport(t, tn.Key, "employees-import.xlsx", data, true)); got != "rows=5 created=5 updated=0 unchanged=0 failed=0" {
		t.Fatalf("sample: %s", got)
	}
}

func writeImportSample(t *testing.T) {
	var tpl bytes.Buffer
	if err := env.Cases().WriteEmployeeTemplate(&tpl); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&tpl)
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"XA-101", "乌云", "女", pii.MakeNationalID("152223", "19930412", 22), "2019-07-01", "2027-06-30", "8500.50", "是", "生产部", "CN-NM-XAM"},
		{"XA-102", "斯琴", "女", pii.MakeNationalID("152223", "19950923", 24), "2021-03-15", "", "7200", "是", "财务部", "兴安盟"},
		{"XA-103", "巴特尔", "男", pii.MakeNationalID("152223", "19900108", 23), "2018-10-08", "2026-12-31", "9800", "是", "生产部", "CN-NM-XAM"},
		{"XA-104", "阿拉坦", "女", pii.MakeNationalID("152223", "19980530", 26), "2024-02-19", "2027-02-18", "6300.00", "否", "仓储部", ""},
		{"XA-105", "高娃", "女", pii.MakeNationalID("152223", "19881111", 28), "2015-05-04", "无固定期限", "11200.80", "是", "人力资源部", "CN-NM-XAM"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow("员工信息", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(importSample); err != nil {
		t.Fatal(err)
	}
}
