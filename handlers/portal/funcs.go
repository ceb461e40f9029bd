package portal

import (
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/handlers"
	"leaveguard/leave"
)

// china is the portal's display time zone (UTC+8, no daylight saving).
var china = time.FixedZone("CST", 8*3600)

var errNotFoundPage = handlers.Fail(fiber.StatusNotFound, "not_found", "您访问的页面不存在，请从左侧导航重新进入。")

var roleLabels = map[string]string{auth.Admin: "管理员", auth.HR: "人事专员", auth.Auditor: "审计员（只读）", auth.Payroll: "薪酬系统"}

func (p *Portal) funcs() template.FuncMap {
	return template.FuncMap{
		"asset":       p.asset,
		"yuan":        yuan,
		"date":        showDate,
		"datetime":    func(t time.Time) string { return t.In(china).Format("2006-01-02 15:04") },
		"gender":      genderLabel,
		"role":        func(r string) string { return orRaw(roleLabels[r], r) },
		"action":      func(a string) string { return orRaw(p.actions[a], a) },
		"roles":       func() []string { return auth.Roles },
		"withQuery":   withQuery,
		"initial":     initial,
		"active":      func(v View, key string) bool { return v.Active == key },
		"can":         func(v View, roles ...string) bool { return v.User != nil && allowed(v.User.Role, roles) },
		"add":         func(a, b int) int { return a + b },
		"isSelected":  func(a, b string) bool { return a == b },
		"formatCount": func(n int) string { return groupDigits(strconv.Itoa(n)) },
		"dict":        dict,
		"object":      objectLabel,
		"list":        func(s ...string) []string { return s },
		"label":       func(kind string, code any) string { c := fmt.Sprint(code); return orRaw(p.labels[kind][c], c) },
		"paramName":   paramName,
		"paramValue":  paramValue,
		"percent":     percent,
		"fen":         fenOf,
		"signedYuan":  signedYuan,
		"component":   leave.ComponentLabel,
	}
}

func orRaw(label, raw string) string {
	if label != "" {
		return label
	}
	return raw
}

// yuan shows an amount of fen as yuan with two decimals: 720000 → "7,200.00".
// genderLabel is 女 or 男.
func genderLabel(g string) string { return map[string]string{"female": "女", "male": "男"}[g] }

func yuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	return fmt.Sprintf("%s%s.%02d", sign, groupDigits(strconv.FormatInt(fen/100, 10)), fen%100)
}

func groupDigits(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func showDate(d any) string {
	switch v := d.(type) {
	case leave.Date:
		if v.IsZero() {
			return "—"
		}
		return v.String()
	case *leave.Date:
		if v == nil || v.IsZero() {
			return "—"
		}
		return v.String()
	}
	return ""
}

// withQuery returns base with the given key/value pairs as its query,
// leaving out empty values.
func withQuery(base string, kv ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			q.Set(kv[i], kv[i+1])
		}
	}
	if len(q) == 0 {
		return base
	}
	return base + "?" + q.Encode()
}

// initial is the first character of a name, for the avatar.
func initial(s string) string {
	for _, r := range s {
		return string(r)
	}
	return "?"
}

// dict builds a map from key/value pairs, to pass several values to a
// partial: {{template "field" dict "F" .Form "Name" "name" "Label" "姓名"}}.
func dict(kv ...any) map[string]any {
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		if k, ok := kv[i].(string); ok {
			m[k] = kv[i+1]
		}
	}
	return m
}

// objectLabel names an audit object type in Chinese.
func objectLabel(code string) string {
	for _, t := range objectTypes {
		if t.Code == code {
			return t.Label
		}
	}
	return code
}
