package cases

import (
	"encoding/json"
	"fmt"

	"leaveguard/payroll"
)

// keyRetention is the number of years a former employee's personal data is
// kept after her last day before the daily job anonymises her.
const keyRetention = "retention_years_after_separation"

// Retention bounds: 劳动合同法第五十条第三款 requires the employer to keep
// the contract of a terminated employee for at least two years.
const (
	DefaultRetentionYears = 2
	minRetentionYears     = 2
	maxRetentionYears     = 30
)

// retentionYearsFrom reads the retention setting of stored settings.
func retentionYearsFrom(stored map[string]json.RawMessage) (int, error) {
	v, ok := stored[keyRetention]
	if !ok {
		return DefaultRetentionYears, nil
	}
	var n int
	if json.Unmarshal(v, &n) != nil || n < minRetentionYears || n > maxRetentionYears {
		f := Fields{keyRetention: fmt.Sprintf("保存年限须为 %d 到 %d 之间的整数（劳动合同法第五十条：至少保存二年）",
			minRetentionYears, maxRetentionYears)}
		return 0, f.Err()
	}
	return n, nil
}

// retentionSection is the settings section of data retention.
type retentionSection struct{}

func (retentionSection) keys() []string { return []string{keyRetention} }

func (retentionSection) validate(merged map[string]json.RawMessage) error {
	_, err := retentionYearsFrom(merged)
	return err
}

func (retentionSection) list(stored map[string]json.RawMessage) ([]Setting, error) {
	n, err := retentionYearsFrom(stored)
	if err != nil {
		return nil, fmt.Errorf("cases: retention settings: %w", err)
	}
	row := settingRow(stored)
	return []Setting{row(keyRetention, "离职员工个人信息保存年限（自离职之日起，年）", n, DefaultRetentionYears, nil,
		payroll.SourceDefault+"：劳动合同法 第五十条第三款（已解除或者终止的劳动合同文本至少保存二年备查）；期满且无未结事项后自动匿名化（个人信息保护法 第十九条、第四十七条）")}, nil
}
