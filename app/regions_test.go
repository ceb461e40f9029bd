package app_test

import (
	"fmt"
	"testing"
)

// regionEmployee creates a female employee working in region ("" = the
// tenant's) and returns her id.
func regionEmployee(t *testing.T, key, region string) string {
	t.Helper()
	b := employeeBody(fmt.Sprintf("R-%d", seq.Add(1)))
	if region != "" {
		b["region"] = region
	}
	return mustDo(t, 201, "POST", "/api/v1/employees", key, b)["id"].(string)
}

// planOf returns the stored plan of birth id: its region and maternity days.
func planOf(t *testing.T, key, id string) (string, int) {
	t.Helper()
	p := mustDo(t, 200, "GET", "/api/v1/births/"+id, key, nil)["leave_plan"].(map[string]any)
	return p["region"].(string), int(p["maternity_leave"].(map[string]any)["days"].(float64))
}

// A tenant in Hinggan League with staff in Guangdong and Zhejiang: the
// same birth (a 2nd child on 2026-03-02) gives three plans, each by the
// rules of her 工作地区 in force that day; moving her later never rewrites
// the plan already recorded, and her next birth follows the new region.
func TestRegionsChooseThePack(t *testing.T) {
	tn := freshTenant(t) // CN-NM-XAM
	same := map[string]any{"birth_date": "2026-03-02", "child_order": 2}
	for _, tc := range []struct {
		region, planRegion string
		days               int
	}{
		{"", "CN-NM-XAM", 98 + 60},  // 兴安盟 restating 内蒙古 Art. 30
		{"CN-GD", "CN-GD", 98 + 80}, // 广东 奖励假 80
		{"CN-ZJ", "CN-ZJ", 98 + 90}, // 浙江 2nd child 90
	} {
		emp := regionEmployee(t, tn.Key, tc.region)
		id := birth(t, tn.Key, emp, same)
		if region, days := planOf(t, tn.Key, id); region != tc.planRegion || days != tc.days {
			t.Errorf("region %q: plan of %s with %d days, want %s with %d", tc.region, region, days, tc.planRegion, tc.days)
		}
		if tc.region != "CN-GD" {
			continue
		}
		mustDo(t, 200, "PATCH", "/api/v1/employees/"+emp, tn.Key, map[string]any{"region": "CN-BJ"})
		if region, days := planOf(t, tn.Key, id); region != "CN-GD" || days != 178 {
			t.Errorf("after moving to Beijing the recorded plan changed: %s, %d days", region, days)
		}
		next := birth(t, tn.Key, emp, map[string]any{"birth_date": "2027-05-03", "child_order": 3})
		if region, days := planOf(t, tn.Key, next); region != "CN-BJ" || days != 158 {
			t.Errorf("next birth judged by %s with %d days, want CN-BJ with 158", region, days)
		}
	}
}

func TestRegionsList(t *testing.T) {
	items := mustDo(t, 200, "GET", "/api/v1/regions", env.A.Key, nil)["items"].([]any)
	got := map[string]map[string]any{}
	for _, it := range items {
		m := it.(map[string]any)
		got[m["code"].(string)] = m
	}
	if gd := got["CN-GD"]; gd == nil || gd["name"] != "广东省" || gd["parent"] != "CN" || gd["label"] != "待核实" {
		t.Errorf("CN-GD = %v", gd)
	}
	if h := got["CN-NM-HHHT"]; h == nil || h["parent"] != "CN-NM" || h["inherits"] != true || h["label"] != "沿用上级地区规定" {
		t.Errorf("CN-NM-HHHT = %v", h)
	}
	if got["CN-NM-XAM"] == nil || got["CN"] == nil {
		t.Error("CN and CN-NM-XAM must be listed")
	}
	regionEmployee(t, env.A.Key, "CN-NM-HHHT")
}
