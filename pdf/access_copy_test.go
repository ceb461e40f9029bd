package pdf

import (
	"bytes"
	"errors"
	"strconv"
	"testing"

	"leaveguard/internal/testutil"
)

func sampleAccessCopy(rows int) AccessCopy {
	log := ReportSection{Title: "二、查阅与变更记录", Columns: []ReportColumn{{Name: "时间", Width: 30},
		{Name: "操作", Width: 30}, {Name: "金额（元）", Width: 20, Right: true}}}
	for i := range rows {
		log.Rows = append(log.Rows, []ReportCell{{Text: "2026-11-28 12:00:00 +08:00"},
			{Text: "查阅员工信息 " + strconv.Itoa(i), Flag: i == 0}, {Text: "8500.00"}})
	}
	return AccessCopy{Meta: sampleMeta("LG-GRXX-20261128-AFFCA01E"), Title: "个人信息副本",
		Head:     [][]string{{"职工姓名", "其其格", "工号", "AC-1"}, {"身份证号（已遮蔽）", "152201********0022", "数据截至", "2026-11-28"}},
		Sections: []ReportSection{{Title: "一、家庭情况", Columns: []ReportColumn{{Name: "类别", Width: 1}}}, log},
		Basis:    "《个人信息保护法》第四十四条至第四十七条"}
}

func TestAccessCopy(t *testing.T) {
	out, err := renderer(t).AccessCopy(sampleAccessCopy(120))
	if err != nil {
		t.Fatal(err)
	}
	saveSample(t, "access_copy.pdf", out)
	again, _ := renderer(t).AccessCopy(sampleAccessCopy(120))
	if !bytes.Equal(out, again) {
		t.Error("the same copy rendered to different bytes")
	}
	if pageCount(t, out) < 3 {
		t.Errorf("120 rows on %d pages", pageCount(t, out))
	}
	mustContain(t, testutil.PDFText(t, out, "-layout"), "个人信息副本", "其其格", "152201********0022", "一、家庭情况", "无",
		"二、查阅与变更记录", "查阅员工信息 119", "8500.00", "第四十七条", "LG-GRXX-20261128-AFFCA01E")
	bad := sampleAccessCopy(0)
	bad.TenantName = ""
	if _, err := renderer(t).AccessCopy(bad); !errors.Is(err, ErrIncomplete) {
		t.Errorf("no tenant name: %v", err)
	}
}
