package cases

// ImportColumn is one column of an import template: its Chinese header,
// the API field it fills, what to type in it and an example value.
type ImportColumn struct {
	Header  string
	Field   string
	Help    string
	Example string
	Choices []string // the template's drop-down list, when there is one
}

// EmployeeColumns are the columns of the employee import template, in the
// order a file must have them (api.md "Imports").
var EmployeeColumns = []ImportColumn{
	{"员工编号", "external_id", "必填。本单位的员工编号（工号），最长 64 个字符。导入时按员工编号查找：系统中已有的员工被更新，没有的新建。", "XA-101", nil},
	{"姓名", "name", "必填，最长 100 个字符。", "乌兰", nil},
	{"性别", "gender", "必填：女 或 男（下拉选择）。", "女", []string{"女", "男"}},
	{"身份证号", "national_id", "必填：18 位居民身份证号，末位校验码按 GB 11643 核对，末位 X 大写。请保持该列为文本格式，以免 Excel 把号码变成科学计数法。系统加密保存，页面上只显示遮蔽后的号码。", "152201199003150024", nil},
	{"入职日期", "hired_on", "必填：日期，如 2020-03-01（也可写 2020/3/1 或 2020年3月1日）。", "2020-03-01", nil},
	{"劳动合同到期日", "contract_end", "无固定期限合同留空或填“无固定期限”；否则为日期，不得早于入职日期。", "2027-02-28", nil},
	{"月工资（元）", "monthly_wage_fen", "必填：以元为单位，最多两位小数，如 8500 或 8500.50；不得为负数，不超过 10,000,000 元。系统按分精确保存。", "8500.50", nil},
	{"参加生育保险", "maternity_insured", "必填：是 或 否（下拉选择）。决定生育津贴由生育保险基金支付还是由单位支付。", "是", []string{"是", "否"}},
	{"部门", "department", "选填，最长 100 个字符。", "生产部", nil},
	{"工作地区", "region", "选填：决定适用哪个地区的产假、护理假等规定。填地区代码（如 CN-NM-XAM）或地区名称（如 兴安盟）；留空则按单位所在地区。", "CN-NM-XAM", nil},
}

// headers returns the columns' headers in order.
func headers(cols []ImportColumn) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Header
	}
	return out
}

// headerOf returns the header of the column that fills field, or field.
func headerOf(cols []ImportColumn, field string) string {
	for _, c := range cols {
		if c.Field == field {
			return c.Header
		}
	}
	return field
}

// columnIndex returns the position of the column with header h, or -1.
func columnIndex(cols []ImportColumn, h string) int {
	for i, c := range cols {
		if c.Header == h {
			return i
		}
	}
	return -1
}
