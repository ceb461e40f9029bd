package portal

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

var settingNumber = regexp.MustCompile(`^\d{1,12}(\.\d{1,2})?$`)

// settingSave is POST /settings (admin): one setting's new value, or its
// default back (reset=1), through cases.PutSettings (validated per area
// and audited). A refused value comes back with the message next to it.
func (p *Portal) settingSave(c *fiber.Ctx) error {
	key := strings.TrimSpace(c.FormValue("key"))
	items, err := p.cases.Settings(c.UserContext(), handlers.Tenant(c))
	if err != nil {
		return err
	}
	var cur *cases.Setting
	for i := range items {
		if items[i].Key == key {
			cur = &items[i]
		}
	}
	if cur == nil {
		return handlers.Fail(fiber.StatusBadRequest, "unknown_setting", "没有这个设置项，请从设置页面重新操作。")
	}
	typed := strings.TrimSpace(c.FormValue("value"))
	raw := json.RawMessage("null")
	if c.FormValue("reset") == "" {
		var msg string
		if raw, msg = settingValue(p.settingRow(*cur), typed); msg != "" {
			err := &cases.Error{Kind: cases.Invalid, Code: "validation_failed", Message: msg, Fields: map[string]string{key: msg}}
			return p.renderSettings(c, fiber.StatusBadRequest, key, &typed, err)
		}
	}
	_, err = p.cases.PutSettings(c.UserContext(), handlers.Tenant(c), handlers.Who(c), map[string]json.RawMessage{key: raw})
	if err == nil {
		return c.Redirect("/settings?notice=saved#s-"+key, fiber.StatusSeeOther)
	}
	f := NewForm()
	status, ok := mergeFormError(&f, err, nil)
	if !ok {
		return err
	}
	return p.renderSettings(c, status, key, &typed, err)
}

// settingValue turns what was typed into the setting's JSON value, or says
// what is wrong with it.
func settingValue(row settingRow, typed string) (json.RawMessage, string) {
	switch row.Kind {
	case "select":
		for _, o := range row.Options {
			if o == typed {
				b, _ := json.Marshal(typed)
				return b, ""
			}
		}
		return nil, "请从列表中选择"
	case "bool":
		if typed == "true" || typed == "false" {
			return json.RawMessage(typed), ""
		}
		return nil, "请选择是或否"
	case "number":
		if !settingNumber.MatchString(typed) {
			return nil, "请填写非负数，最多两位小数"
		}
		return json.RawMessage(typed), ""
	}
	if typed == "" {
		typed = "{}"
	}
	if !json.Valid([]byte(typed)) {
		return nil, `格式不正确：请按示例填写 JSON，如 {"2025": 720000}（金额单位为分）`
	}
	return json.RawMessage(typed), ""
}
