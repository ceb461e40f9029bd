package portal_test

import "testing"

// TestRegionsPage: the 适用地区 page lists every supported code with its
// Chinese name and each pack's figures with source and 待核实 marks; an
// employee in Guangdong shows her 工作地区 in the list and on her page.
func TestRegionsPage(t *testing.T) {
	b := admin(t, 0)
	mustHave(t, "regions", b.get("/regions"), 200, "适用地区", "CN-GD", "广东省", "CN-NM-HHHT", "呼和浩特市",
		"沿用上级地区规定", "待核实", "广东省人口与计划生育条例（2021年12月1日修正）", "新华社广州2021年12月1日电")
	form := employeeForm("REG-GD")
	form.Set("region", "CN-GD")
	p := b.post("/employees/new", "/employees", form)
	if p.Status != 303 {
		t.Fatalf("create: %d %s", p.Status, excerpt(p.Body))
	}
	mustHave(t, "employee page", b.get(p.Location()), 200, "工作地区", "广东省（CN-GD）")
	mustHave(t, "employee list", b.get("/employees?q=REG-GD"), 200, "广东省")
}
