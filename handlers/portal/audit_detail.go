package portal

import (
	"encoding/json"
	"strconv"
	"strings"
)

// fieldLabels name the fields an audit entry lists as changed.
var fieldLabels = map[string]string{
	"external_id": "员工编号", "name": "姓名", "gender": "性别", "national_id": "身份证号",
	"hired_on": "入职日期", "contract_end": "合同到期日", "monthly_wage_fen": "月工资",
	"maternity_insured": "生育保险", "region": "地区",
}

// describeDetail summarises an audit entry's detail (which names fields,
// never their values): "字段：姓名、月工资" or "管理员 → 人事专员".
func describeDetail(detail string) string {
	var d struct {
		Fields  []string `json:"fields"`
		From    string   `json:"from"`
		To      string   `json:"to"`
		Role    string   `json:"role"`
		Count   *int     `json:"count"`
		Verdict string   `json:"verdict"` // of a dismissal check
		Account string   `json:"account"` // of a failed login: the keyed hash, never the e-mail
		IP      string   `json:"ip"`
		Agent   string   `json:"user_agent"`
	}
	if json.Unmarshal([]byte(detail), &d) != nil {
		return ""
	}
	switch {
	case d.Account != "":
		return "账号标识 " + d.Account[:min(12, len(d.Account))] + "…；IP " + orRaw(d.IP, "未知") + "；客户端 " + orRaw(d.Agent, "未知")
	case len(d.Fields) > 0:
		names := make([]string, 0, len(d.Fields))
		for _, f := range d.Fields {
			names = append(names, orRaw(fieldLabels[f], f))
		}
		return "字段：" + strings.Join(names, "、")
	case d.From != "" && d.To != "":
		return orRaw(roleLabels[d.From], d.From) + " → " + orRaw(roleLabels[d.To], d.To)
	case d.Role != "":
		return "角色：" + orRaw(roleLabels[d.Role], d.Role)
	case d.Verdict != "":
		return "结论：" + orRaw(verdictLabels[d.Verdict], d.Verdict)
	case d.Count != nil:
		return "显示 " + groupDigits(strconv.Itoa(*d.Count)) + " 条"
	}
	return ""
}

var verdictLabels = map[string]string{"prohibited": "禁止", "requires_review": "需人工复核",
	"allowed": "未受三期保护限制", "extend_contract": "合同须顺延"}
