package export

// Escape defuses spreadsheet formula injection: a cell starting with '=',
// '+', '-', '@', TAB or CR gets a leading apostrophe, so Excel, WPS and
// LibreOffice show it as text instead of evaluating it (OWASP "CSV
// Injection").
func Escape(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
