package pii

import (
	"fmt"
	"strings"
	"time"
)

// nationalIDWeights are the GB 11643 weights 2^(17-i) mod 11 of digits 1-17.
var nationalIDWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// nationalIDCheck maps (weighted sum mod 11) to the check character.
const nationalIDCheck = "10X98765432"

// chinaTime is UTC+8 without tzdata, so "today" is the date in China.
var chinaTime = time.FixedZone("CST", 8*60*60)

// ValidateNationalIDAt checks s as an 18-character resident identity number
// (GB 11643-1999) with now's date in China as the limit for the birth date
// (callers pass the application's clock). It returns nil or one of the
// ErrNationalID* sentinels. s must be exactly 18 ASCII characters: 17 digits and a digit
// or uppercase X; nothing is trimmed or normalised. The first two digits must
// be a province code, digits 7-14 a real date from 1900-01-01 to now's date
// in China, and the last character the ISO 7064 MOD 11-2 check character.
func ValidateNationalIDAt(s string, now time.Time) error {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return ErrNationalIDFullWidth
		}
	}
	if len(s) == 15 && allDigits(s) {
		return ErrNationalIDLegacy15
	}
	if len(s) != 18 {
		return ErrNationalIDLength
	}
	if !allDigits(s[:17]) {
		return ErrNationalIDCharset
	}
	switch c := s[17]; {
	case c == 'x':
		return ErrNationalIDLowercaseX
	case c != 'X' && (c < '0' || c > '9'):
		return ErrNationalIDCharset
	}
	if !validRegion(s[:6]) {
		return ErrNationalIDRegion
	}
	if !validBirthdate(s[6:14], now) {
		return ErrNationalIDBirthdate
	}
	if nationalIDCheckChar(s[:17]) != s[17] {
		return ErrNationalIDChecksum
	}
	return nil
}

// validBirthdate reports whether the YYYYMMDD string is a real calendar
// date from 1900-01-01 up to and including now's date in China.
func validBirthdate(ymd string, now time.Time) bool {
	d, err := time.Parse("20060102", ymd)
	if err != nil || d.Year() < 1900 {
		return false
	}
	today := now.In(chinaTime).Format("20060102")
	return ymd <= today // same fixed width, so string order is date order
}

// nationalIDCheckChar returns the check character for 17 ASCII digits.
func nationalIDCheckChar(body string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(body[i]-'0') * nationalIDWeights[i]
	}
	return nationalIDCheck[sum%11]
}

// allDigits reports whether s is non-empty and all ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// MaskNationalID shows the first 6 and last 4 characters of an 18-character
// number and hides the 8 between, e.g. "110105********002X". Any other input
// is masked entirely (one star per character), so nothing leaks from it.
func MaskNationalID(s string) string {
	if len(s) == 18 && !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 }) {
		return s[:6] + "********" + s[14:]
	}
	return strings.Repeat("*", len([]rune(s)))
}

// MakeNationalID builds an 18-character number from a 6-digit region code, a
// YYYYMMDD birth date and a sequence number (0-999; an odd last digit means
// male, an even one female), appending the correct check character. It is a
// helper for tests and the demo tenant; it does not check that the region or
// date are valid (so tests can build numbers with bad dates and a correct
// check character), and it panics on arguments of the wrong shape.
func MakeNationalID(region string, birth string, seq int) string {
	if len(region) != 6 || !allDigits(region) || len(birth) != 8 || !allDigits(birth) || seq < 0 || seq > 999 {
		panic(fmt.Sprintf("pii.MakeNationalID: want 6-digit region, 8-digit birth and seq 0-999, got %q %q %d", region, birth, seq))
	}
	body := fmt.Sprintf("%s%s%03d", region, birth, seq)
	return body + string(nationalIDCheckChar(body))
}
