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
	switch {
	case err != nil:
		f[name] = "日期无效，格式须为 YYYY-MM-DD"
	case d.Year() < MinYear || d.Year() > MaxYear:
		f.Refuse(name, fmt.Sprintf("日期须在 %d-01-01 到 %d-12-31 之间", MinYear, MaxYear))
		return leave.Date{}
	}
	return d
}

// Bounds of the values LeaveGuard accepts: civil dates, and monthly wages
// (a wage above 10,000,000 yuan is a typing error, and larger values would
// overflow the allowance arithmetic).
const (
	MinYear           = 1900
	MaxYear           = 2100
	MaxMonthlyWageFen = 1_000_000_000
)

// Wage checks a monthly wage in fen: required when asked, 0 to
// MaxMonthlyWageFen.
func (f Fields) Wage(name string, v *int64, required bool) int64 {
	switch {
	case v == nil:
		if required {
			f[name] = "必填，单位为分的整数"
		}
		return 0
	case *v < 0:
		f[name] = "月工资不能为负数"
	case *v > MaxMonthlyWageFen:
		f.Refuse(name, "月工资不能超过 10,000,000 元（1,000,000,000 分）")
	default:
		return *v
	}
	return 0
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
