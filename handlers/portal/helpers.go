package portal

import "strconv"

// label names code of kind in Chinese (as the template function does),
// or returns code when it has no name.
func (p *Portal) label(kind, code string) string { return orRaw(p.labels[kind][code], code) }

// itoa formats an int for messages built in Go.
func itoa(n int) string { return strconv.Itoa(n) }
