package payroll

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Divisor is the number of days a monthly wage is divided by to get a daily
// wage (计发天数除数), held exactly in hundredths of a day: Divisor(3000) is
// 30, Divisor(3040) is 30.4. The zero value means "not set" (the default,
// DefaultDivisor, applies).
//
// In JSON a Divisor is a plain decimal number with at most two fraction
// digits — 30, 30.4, 30.42 — read from its literal text, never through a
// float, so it round-trips exactly. A decimal string ("30.4") is accepted on
// input; more than two fraction digits, exponents and signs are rejected.
type Divisor int64

// DefaultDivisor is the default allowance divisor, 30 days.
const DefaultDivisor Divisor = 3000

// ErrBadDivisor is returned for a divisor text that is not a plain decimal
// with at most two fraction digits.
var ErrBadDivisor = errors.New("payroll: bad divisor")

// Centi returns d in hundredths of a day.
func (d Divisor) Centi() int64 { return int64(d) }

// String formats d as a minimal decimal: "30", "30.4", "30.42".
func (d Divisor) String() string {
	sign := ""
	v := int64(d)
	if v < 0 {
		sign, v = "-", -v
	}
	s := sign + strconv.FormatInt(v/100, 10)
	switch f := v % 100; {
	case f == 0:
		return s
	case f%10 == 0:
		return s + "." + strconv.FormatInt(f/10, 10)
	default:
		return fmt.Sprintf("%s.%02d", s, f)
	}
}

// ParseDivisor parses a plain decimal such as "30" or "30.4" exactly.
func ParseDivisor(s string) (Divisor, error) {
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 || (hasDot && frac == "") || !allDigits(whole) || !allDigits(frac) || len(whole) > 15 {
		return 0, fmt.Errorf("%w: %q", ErrBadDivisor, s)
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: %q: %w", ErrBadDivisor, s, err)
	}
	f := int64(0)
	if frac != "" {
		f, _ = strconv.ParseInt(frac, 10, 64)
		if len(frac) == 1 {
			f *= 10
		}
	}
	return Divisor(w*100 + f), nil
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// MarshalJSON writes d as a decimal number literal.
func (d Divisor) MarshalJSON() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalJSON reads a decimal number literal or a decimal string; null
// leaves d unchanged.
func (d *Divisor) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	s := string(b)
	if s == "null" {
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("payroll: divisor: %w", err)
		}
	}
	v, err := ParseDivisor(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
