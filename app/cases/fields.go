package cases

import (
	"fmt"
	"strings"

	"leaveguard/leave"
)

// Date parses an optional YYYY-MM-DD string; required fields must be set.
func (f Fields) Date(name string, s *string, required bool) leave.Date {
	if s == nil || *s == "" {
		if required {
			f[name] = "必填，格式 YYYY-MM-DD"
		}
		return leave.Date{}
	}
	d, err := leave.ParseDate(*s)
	if err != nil {
		f[name] = "日期无效，格式须为 YYYY-MM-DD"
	}
	return d
}

// Text checks a required (or optional) string's presence and length.
func (f Fields) Text(name string, s *string, required bool, max int) string {
	if s == nil || strings.TrimSpace(*s) == "" {
		if required {
			f[name] = "必填"
		}
		return ""
	}
	v := strings.TrimSpace(*s)
	if len([]rune(v)) > max {
		f[name] = fmt.Sprintf("不能超过%d个字符", max)
	}
	return v
}
