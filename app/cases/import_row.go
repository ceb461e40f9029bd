package cases

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"leaveguard/app/pii"
)

// RowError is one refusal of a row of an imported file: the spreadsheet's
// row number (the header is row 1), the column's header and why. Value is
// the cell as typed, masked when it is an ID number; the portal shows it,
// the API and the history do not.
type RowError struct {
	Row     int    `json:"row"`
	Field   string `json:"field"`
	Message string `json:"message"`
	Value   string `json:"-"`
}

// rowErrors collects a row's refusals.
type rowErrors struct {
	row   int
	cells []string
	cols  []ImportColumn
	errs  []RowError
}

// add refuses the cell under header.
func (r *rowErrors) add(header, message string) {
	value := ""
	if i := columnIndex(r.cols, header); i >= 0 && i < len(r.cells) {
		value = r.cells[i]
		if header == "身份证号" {
			value = pii.MaskNationalID(value)
		}
	}
	r.errs = append(r.errs, RowError{Row: r.row, Field: header, Message: message, Value: value})
}

// fromErr adds the field messages of a validation error (by API field
// name) under their columns, in column order; it reports whether err was
// one.
func (r *rowErrors) fromErr(err error) bool {
	var ce *Error
	if !errors.As(err, &ce) {
		return false
	}
	if len(ce.Fields) == 0 {
		r.add(r.cols[0].Header, ce.Message)
		return true
	}
	keys := make([]string, 0, len(ce.Fields))
	for k := range ce.Fields {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		return columnIndex(r.cols, headerOf(r.cols, a)) - columnIndex(r.cols, headerOf(r.cols, b))
	})
	for _, k := range keys {
		h := headerOf(r.cols, k)
		if !r.has(h) {
			r.add(h, importMessage(k, ce.Fields[k]))
		}
	}
	return true
}

// has reports whether the cell under header was already refused.
func (r *rowErrors) has(header string) bool {
	return slices.ContainsFunc(r.errs, func(e RowError) bool { return e.Field == header })
}

// importMessage rewords the API's messages that name JSON values.
func importMessage(field, msg string) string {
	switch {
	case field == "gender" && msg == "必填":
		return "必填：女 或 男"
	case field == "gender":
		return "须为 女 或 男"
	case field == "contract_end" && strings.Contains(msg, "null"):
		return "须为日期（如 2027-02-28）；无固定期限合同留空"
	}
	return msg
}

// employeeRow turns a row of the employee template into the API's input,
// every column present (an empty optional cell clears the field).
func (c *Cases) employeeRow(cells []string, re *rowErrors) EmployeeInput {
	cell := func(i int) *string {
		v := ""
		if i < len(cells) {
			v = cells[i]
		}
		return &v
	}
	in := EmployeeInput{ExternalID: cell(0), Name: cell(1), NationalID: cell(3), Department: cell(8)}
	gender := cellGender(*cell(2))
	in.Gender = &gender
	*in.NationalID = strings.ToUpper(strings.ReplaceAll(*in.NationalID, " ", ""))
	hired := cellDate(*cell(4))
	in.HiredOn = &hired
	switch end := *cell(5); end {
	case "", "无固定期限", "无":
		in.ContractEnd = json.RawMessage("null")
	default:
		in.ContractEnd, _ = json.Marshal(cellDate(end))
	}
	switch wage := *cell(6); wage {
	case "":
		re.add("月工资（元）", "必填：以元为单位的月工资，如 8500.50")
	default:
		fen, err := ParseYuan(wage)
		if err != nil {
			re.add("月工资（元）", "须为以元为单位的金额，最多两位小数（如 8500.50）")
		} else {
			in.MonthlyWageFen = &fen
		}
	}
	if v := *cell(7); v == "" {
		re.add("参加生育保险", "必填：是 或 否")
	} else if yes, ok := cellYesNo(v); !ok {
		re.add("参加生育保险", "须为 是 或 否")
	} else {
		in.MaternityInsured = &yes
	}
	region := c.cellRegion(*cell(9))
	in.Region = &region
	return in
}
