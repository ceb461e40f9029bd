package portal_test

import (
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"leaveguard/app/pii"
)

var seq atomic.Int64

// validID returns a fresh valid national ID number.
func validID() string {
	n := int(seq.Add(1))
	return pii.MakeNationalID("152201", fmt.Sprintf("1991%02d%02d", n%12+1, n%28+1), n%1000)
}

func employeeForm(ext string) url.Values {
	return url.Values{"external_id": {ext}, "name": {"乌兰图雅"}, "gender": {"female"}, "national_id": {validID()},
		"hired_on": {"2020-03-01"}, "contract_end": {"2027-02-28"}, "monthly_wage": {"7200"},
		"maternity_insured": {"true"}, "region": {"CN-NM-XAM"}}
}

// createEmployee adds an employee through the portal form; returns its id.
func createEmployee(t testing.TB, b *browser, ext string) string {
	t.Helper()
	p := b.post("/employees/new", "/employees", employeeForm(ext))
	if p.Status != 303 || !strings.HasPrefix(p.Location(), "/employees/") {
		t.Fatalf("create employee: %d %s", p.Status, excerpt(p.Body))
	}
	return strings.TrimPrefix(strings.Split(p.Location(), "?")[0], "/employees/")
}

func TestEmployeeCreateAndShow(t *testing.T) {
	b := admin(t, 0)
	form := employeeForm("EMP-1")
	nid := form.Get("national_id")
	p := b.post("/employees/new", "/employees", form)
	if p.Status != 303 {
		t.Fatalf("create: %d %s", p.Status, excerpt(p.Body))
	}
	show := b.get(p.Location())
	for _, want := range []string{"乌兰图雅", "EMP-1", pii.MaskNationalID(nid), "¥7,200.00", "2027-02-28", "已参保",
		"兴安盟", "已创建", "新增员工", "查看员工档案", "管理员"} {
		if !strings.Contains(show.Body, want) {
			t.Errorf("employee page lacks %q", want)
		}
	}
	if strings.Contains(show.Body, nid) {
		t.Fatal("full ID number on the page")
	}
	list := b.get("/employees?q=EMP-1")
	if list.Status != 200 || !strings.Contains(list.Body, "乌兰图雅") || !strings.Contains(list.Body, "7,200.00") {
		t.Fatalf("list: %d %s", list.Status, excerpt(list.Body))
	}
	if p := b.get("/employees?q=nobody-at-all"); !strings.Contains(p.Body, "没有符合条件的员工") {
		t.Fatalf("empty search: %s", excerpt(p.Body))
	}
}

// TestEmployeeFormErrors: messages next to each field, nothing typed lost.
func TestEmployeeFormErrors(t *testing.T) {
	b := admin(t, 0)
	form := employeeForm("ERR-1")
	form.Set("national_id", "110105194912310021") // bad check digit
	form.Set("monthly_wage", "七千")
	form.Set("contract_end", "2019-01-01") // before hiring
	form.Set("name", "")
	p := b.post("/employees/new", "/employees", form)
	if p.Status != 400 {
		t.Fatalf("status %d", p.Status)
	}
	for _, field := range []string{"national_id", "monthly_wage", "contract_end", "name"} {
		if !strings.Contains(p.Body, `data-testid="error-`+field+`"`) {
			t.Errorf("no message next to %s", field)
		}
	}
	for _, kept := range []string{`value="ERR-1"`, `value="七千"`, `value="2019-01-01"`} {
		if !strings.Contains(p.Body, kept) {
			t.Errorf("typed value lost: %s", kept)
		}
	}
	if strings.Contains(p.Body, "110105194912310021") || !strings.Contains(p.Body, "页面不回显身份证号") {
		t.Error("the typed ID number is echoed (or the field does not say why it is empty)")
	}
	if !strings.Contains(p.Body, "请填写金额（元）") || !strings.Contains(p.Body, "合同到期日不能早于入职日期") {
		t.Errorf("messages not in Chinese: %s", excerpt(p.Body))
	}
}

func TestEmployeeEdit(t *testing.T) {
	b := admin(t, 0)
	id := createEmployee(t, b, "EDIT-1")
	edit := b.get("/employees/" + id + "/edit")
	if !strings.Contains(edit.Body, `value="7200.00"`) || strings.Contains(edit.Body, `name="national_id" type="text" value="1`) {
		t.Fatalf("edit form: %s", excerpt(edit.Body))
	}
	form := employeeForm("EDIT-1")
	form.Set("national_id", "") // unchanged
	form.Set("monthly_wage", "8,000.50")
	form.Set("contract_end", "")
	p := b.post("/employees/"+id+"/edit", "/employees/"+id, form)
	if p.Status != 303 {
		t.Fatalf("update: %d %s", p.Status, excerpt(p.Body))
	}
	show := b.get("/employees/" + id)
	for _, want := range []string{"¥8,000.50", "无固定期限", "修改员工信息", "字段：合同到期日、月工资"} {
		if !strings.Contains(show.Body, want) {
			t.Errorf("after edit, page lacks %q: %s", want, excerpt(show.Body))
		}
	}
	form.Set("monthly_wage", "-1")
	if p := b.post("/employees/"+id+"/edit", "/employees/"+id, form); p.Status != 400 || !strings.Contains(p.Body, `value="-1"`) {
		t.Fatalf("bad wage on edit: %d", p.Status)
	}
}
