package export

import (
	"time"

	"leaveguard/leave"
)

// Header is what the report is about: the employer, the period and when
// it was generated.
type Header struct {
	TenantName  string
	CreditCode  string
	From, To    leave.Date
	GeneratedAt time.Time
}

// Section is one part of the report: an XLSX sheet, or a block of the CSV
// (a title row, a header row, the rows, then a blank line).
type Section struct {
	Sheet  string   // sheet name (at most 31 characters)
	Title  string   // heading
	Header []string // column headers
	Widths []float64
}

// The five sections of the report, in order.
var (
	Protected = Section{Sheet: "三期女职工", Title: "一、处于孕期、产期、哺乳期（三期）的女职工",
		Header: []string{"序号", "职工姓名", "工号", "所处期间", "起始日", "保护期截止日", "备注"},
		Widths: []float64{6, 14, 12, 10, 12, 14, 16}}
	Leaves = Section{Sheet: "休假核对", Title: "二、休假与法定应享天数核对",
		Header: []string{"序号", "职工姓名", "工号", "假期类型", "开始日期", "结束日期", "法定应享天数", "已批准天数", "计算单位", "核对结果"},
		Widths: []float64{6, 14, 12, 16, 12, 12, 12, 12, 10, 14}}
	Dismissals = Section{Sheet: "解除终止检查", Title: "三、解除、终止劳动合同等事项检查",
		Header: []string{"序号", "检查日期", "职工姓名", "工号", "拟采取事项", "依据条款", "生效日期", "结论", "保护期至", "主要理由"},
		Widths: []float64{6, 12, 14, 12, 18, 12, 12, 10, 12, 60}}
	Claims = Section{Sheet: "生育津贴", Title: "四、生育津贴申领情况",
		Header: []string{"序号", "职工姓名", "工号", "事件", "事件日期", "计发天数", "津贴金额（元）", "状态", "提交日期", "备注"},
		Widths: []float64{6, 14, 12, 8, 12, 10, 16, 10, 12, 12}}
	Extensions = Section{Sheet: "合同顺延", Title: "五、应顺延的劳动合同",
		Header: []string{"序号", "职工姓名", "工号", "原合同期满日", "所处期间", "保护期截止日", "顺延后终止日", "备注"},
		Widths: []float64{6, 14, 12, 14, 10, 14, 14, 16}}
)

// Sections lists the report's sections in order.
var Sections = []Section{Protected, Leaves, Dismissals, Claims, Extensions}

// Row is one line of a section. Cells returns its cells (string or int),
// seq being its number within the section (1, 2, …).
type Row interface {
	Cells(seq int) []any
}

// Writer receives the report: the header, then each section followed by its
// rows, then Close.
type Writer interface {
	Begin(h Header) error
	Section(s Section) error
	Row(r Row) error
	Close() error
}
