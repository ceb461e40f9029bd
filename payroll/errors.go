package payroll

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// FieldErrors maps an input field (JSON path, e.g. "rates.2025.pension_bp")
// to a Chinese message saying what is wrong with it. A nil or empty
// FieldErrors means the input is valid.
type FieldErrors map[string]string

// Error lists the fields in sorted order.
func (fe FieldErrors) Error() string {
	keys := make([]string, 0, len(fe))
	for k := range fe {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + fe[k]
	}
	return "输入有误：" + strings.Join(parts, "；")
}

// add records msg for field unless the field already has a message.
func (fe FieldErrors) add(field, msg string) {
	if _, ok := fe[field]; !ok {
		fe[field] = msg
	}
}

// merge copies other's entries under prefix.
func (fe FieldErrors) merge(prefix string, other FieldErrors) {
	for k, v := range other {
		fe.add(prefix+k, v)
	}
}

// withPrefix puts prefix before the keys of a FieldErrors inside err (a
// key "" becomes the prefix without its trailing dot); other errors are
// wrapped with the prefix.
func withPrefix(prefix string, err error) error {
	var fe FieldErrors
	if !errors.As(err, &fe) {
		return fmt.Errorf("%s: %w", strings.TrimSuffix(prefix, "."), err)
	}
	out := FieldErrors{}
	for k, v := range fe {
		if k == "" {
			out.add(strings.TrimSuffix(prefix, "."), v)
			continue
		}
		out.add(prefix+k, v)
	}
	return out
}

// ErrMissingWageBasis means the employer's average monthly wage for Year
// (the year before the birth or miscarriage) is not set, so the allowance
// cannot be computed. Its message tells the HR officer which year to fill in.
type ErrMissingWageBasis struct {
	Year int
}

// Error names the year to fill in, in Chinese.
func (e ErrMissingWageBasis) Error() string {
	return fmt.Sprintf("缺少%d年度用人单位职工月平均工资（生育津贴计发基数），请在单位设置中填写%d年的数值", e.Year, e.Year)
}

// ErrMissingRates means no social-insurance rates are set for Year, which a
// month of the subsidy application falls in.
type ErrMissingRates struct {
	Year int
}

// Error names the year whose rates to set, in Chinese.
func (e ErrMissingRates) Error() string {
	return fmt.Sprintf("缺少%d年度社会保险缴费比例及缴费基数上下限，请按当地通知设置%d年的数值", e.Year, e.Year)
}
