package portal

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// Roles of the settings page (as the API's): everyone who reads reads the
// rules in force; only admins change them.
var (
	settingsReaders = []string{auth.Admin, auth.HR, auth.Auditor}
	settingsWriters = []string{auth.Admin}
)

// settingRow is one setting as shown and edited.
type settingRow struct {
	cases.Setting
	Shown, DefaultShown string
	Kind                string // select, bool, number or json
	Input               string // the value in its input
	Error               string
}

// settingGroup is the settings of one area.
type settingGroup struct {
	Title, Intro string
	Rows         []settingRow
}

// settingGroups name the areas' settings; a key not listed goes to the last.
var settingGroups = []struct {
	Title, Intro string
	Keys         []string
}{
	{"假期计算", "配偶护理假、育儿假、婚假等的计算口径（产假天数由法规确定，不可修改）。", []string{"spousal_nursing_unit",
		"parental_unit", "parental_year_basis", "parental_scope", "marriage_unit", "only_child_care_unit", "only_child_care_days"}},
	{"生育津贴", "生育津贴测算所用的计发基数、除数、天数口径、补差与领取方。", []string{"avg_monthly_wage_fen",
		"allowance_divisor", "allowance_paid_days_mode", "allowance_fixed_days", "allowance_top_up", "allowance_payee"}},
	{"社保补贴", "按年度的单位缴费比例、缴费基数上下限，以及补贴方案。请按当地通知填写。", nil},
}

// settingsPage lists every setting and the holiday calendar around today.
type settingsPage struct {
	Groups   []settingGroup
	Years    []calendarRow
	CanWrite bool
	Message  string
	Explain  string
}

func (p *Portal) registerSettings(r fiber.Router) {
	p.AddNav(NavEntry{Key: "settings", Label: "设置", Path: "/settings", Order: OrderSettings, Roles: settingsReaders})
	p.AddActionLabels(map[string]string{"settings.update": "修改单位设置"})
	p.AddLabels("setting_option", map[string]string{"calendar_days": "自然日", "working_days": "工作日",
		"calendar_year": "自然年度", "child_age_year": "子女周岁年度", "per_child": "每名子女分别计算", "per_family": "按家庭合并计算",
		"statutory": "全部法定假期天数", "national": "国家规定天数", "fixed": "固定天数", "employee": "直接发给职工",
		"employer": "拨付给单位", "true": "是", "false": "否"})
	p.AddTile(Tile{Order: 5, Roles: settingsWriters, Run: p.calendarTile})
	p.page(r, fiber.MethodGet, "/settings", p.settings, settingsReaders...)
	p.page(r, fiber.MethodPost, "/settings", p.settingSave, settingsWriters...)
}

// settings is GET /settings.
func (p *Portal) settings(c *fiber.Ctx) error {
	return p.renderSettings(c, fiber.StatusOK, "", nil, nil)
}

// renderSettings shows the settings; after a refused change, the key's
// typed value and the messages (by key) come back.
func (p *Portal) renderSettings(c *fiber.Ctx, status int, key string, typed *string, err error) error {
	items, lerr := p.cases.Settings(c.UserContext(), handlers.Tenant(c))
	if lerr != nil {
		return lerr
	}
	page := settingsPage{Years: p.calendarRows(), CanWrite: allowed(sessionOf(c).Role, settingsWriters)}
	for _, g := range settingGroups {
		page.Groups = append(page.Groups, settingGroup{Title: g.Title, Intro: g.Intro})
	}
	fields := map[string]string{}
	if err != nil {
		f, _ := FormError(err, nil)
		page.Message, page.Explain = f.Message, explain(err)
		for k, v := range f.Errors {
			base, sub, _ := strings.Cut(k, ".")
			if sub != "" {
				v = sub + "：" + v
			}
			fields[base] = strings.TrimPrefix(fields[base]+"；"+v, "；")
		}
	}
	for _, s := range items {
		row := p.settingRow(s)
		row.Error = fields[s.Key]
		if s.Key == key && typed != nil {
			row.Input = *typed
			if row.Error == "" {
				row.Error = page.Message
			}
		}
		page.Groups[groupOf(s.Key)].Rows = append(page.Groups[groupOf(s.Key)].Rows, row)
	}
	return p.render(c, status, "settings", "设置", "settings", page)
}

// groupOf is the index of the group of key.
func groupOf(key string) int {
	for i, g := range settingGroups {
		for _, k := range g.Keys {
			if k == key {
				return i
			}
		}
	}
	return len(settingGroups) - 1
}

// settingRow picks the input for a setting from its value: a select of its
// options, yes/no, a number, or a JSON document for values by year.
func (p *Portal) settingRow(s cases.Setting) settingRow {
	row := settingRow{Setting: s, Shown: p.settingText(s.Value), DefaultShown: p.settingText(s.Default)}
	raw, _ := json.Marshal(s.Value)
	switch v := string(raw); {
	case len(s.Options) > 0:
		row.Kind, row.Input = "select", fmt.Sprint(s.Value)
	case v == "true" || v == "false":
		row.Kind, row.Input = "bool", v
	case strings.HasPrefix(v, "{") || strings.HasPrefix(v, "["):
		pretty, _ := json.MarshalIndent(s.Value, "", "  ")
		row.Kind, row.Input = "json", string(pretty)
	default:
		row.Kind, row.Input = "number", strings.Trim(v, `"`)
	}
	return row
}

// settingText shows a value: codes by name, documents as compact JSON.
func (p *Portal) settingText(v any) string {
	raw, _ := json.Marshal(v)
	s := strings.Trim(string(raw), `"`)
	if l, ok := p.labels["setting_option"][s]; ok {
		return l
	}
	if s == "{}" || s == "null" || s == "[]" {
		return "未设置"
	}
	return s
}
