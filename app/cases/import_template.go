package cases

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// templateHelpSheet names the sheet that explains a template's columns.
const templateHelpSheet = "填写说明"

// WriteEmployeeTemplate writes the employee import template (XLSX): the
// headers and one example row on the first sheet, drop-down lists for the
// columns with choices, text cells for ID numbers and dates, and a sheet
// explaining each column and listing the region codes.
func (c *Cases) WriteEmployeeTemplate(w io.Writer) error {
	return c.writeTemplate(w, "员工信息", EmployeeColumns, "每行填写一名员工")
}

// WriteFamilyTemplate writes the family history template: one row per
// pregnancy, birth, marriage or leave already taken.
func (c *Cases) WriteFamilyTemplate(w io.Writer) error {
	return c.writeTemplate(w, "家庭情况", FamilyColumns, "每行填写一件事（怀孕、生育、结婚或已休的假），员工须已导入")
}

func (c *Cases) writeTemplate(w io.Writer, sheet string, cols []ImportColumn, rows string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	if err := c.templateData(f, sheet, cols); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	if err := c.templateHelp(f, sheet, cols, rows); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	_, err := f.WriteTo(w)
	return err
}

func (c *Cases) templateData(f *excelize.File, templateDataSheet string, cols []ImportColumn) error {
	head, example := make([]any, len(cols)), make([]any, len(cols))
	for i, col := range cols {
		head[i], example[i] = col.Header, col.Example
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": typed as text, so 18 digits stay 18 digits
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	steps := []error{
		f.SetColStyle(templateDataSheet, "A:"+last, text),
		f.SetColWidth(templateDataSheet, "A", last, 16),
		f.SetSheetRow(templateDataSheet, "A1", &head),
		f.SetSheetRow(templateDataSheet, "A2", &example),
		f.SetCellStyle(templateDataSheet, "A1", last+"1", bold),
		f.SetPanes(templateDataSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}),
	}
	for i, col := range cols {
		if len(col.Choices) == 0 {
			continue
		}
		name, _ := excelize.ColumnNumberToName(i + 1)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s2:%s50001", name, name))
		steps = append(steps, dv.SetDropList(col.Choices))
		dv.SetError(excelize.DataValidationErrorStyleStop, col.Header, "请从下拉列表中选择")
		steps = append(steps, f.AddDataValidation(templateDataSheet, dv))
	}
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	return nil
}

func (c *Cases) templateHelp(f *excelize.File, templateDataSheet string, cols []ImportColumn, what string) error {
	if _, err := f.NewSheet(templateHelpSheet); err != nil {
		return err
	}
	rows := [][]any{
		{"导入模板：在「" + templateDataSheet + "」表的第 2 行起" + what + "（示例行可改写或删除），不要改动表头和列的顺序，不要使用公式。"},
		{"导入时先“试运行”：系统逐行检查并列出有误的行号、列名和原因，什么也不保存；改好后再正式导入。同一文件重复导入不会产生变化。"},
		{},
		{"列名", "说明", "示例"},
	}
	for _, col := range cols {
		rows = append(rows, []any{col.Header, col.Help, col.Example})
	}
	rows = append(rows, []any{}, []any{"工作地区可填的代码", "地区名称"})
	for _, j := range c.Rules.Jurisdictions() {
		rows = append(rows, []any{j.Code, j.Name})
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(templateHelpSheet, cell, &r); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(templateHelpSheet, "A", "A", 18); err != nil {
		return err
	}
	return f.SetColWidth(templateHelpSheet, "B", "B", 90)
}
