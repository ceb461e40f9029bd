// Package export writes LeaveGuard's labor-bureau compliance report (劳动保障
// 合规报告) as a spreadsheet: UTF-8 CSV with a BOM (Excel opens it in
// Chinese) or XLSX with one sheet per section. Writers take the report row
// by row as it is read, so memory stays constant whatever the size, and
// every text cell is escaped against spreadsheet formula injection.
//
// It knows nothing of HTTP or SQL: the caller reads the rows and hands
// them over section by section.
package export
