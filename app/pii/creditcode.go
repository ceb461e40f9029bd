package pii

import "strings"

// creditCodeChars is the GB 32100-2015 alphabet (no I, O, Z, S, V); a
// character's index is its value in the MOD 31 check.
const creditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// ValidateCreditCode checks s as an 18-character unified social credit code
// (GB 32100-2015): every character from 0-9 and the uppercase letters other
// than I, O, Z, S, V, and the last one the MOD 31 check character of the
// first 17 (weights 3^i mod 31). Nothing is trimmed or upper-cased. It
// returns nil or one of the ErrCreditCode* sentinels.
func ValidateCreditCode(s string) error {
	if len(s) != 18 {
		// A non-ASCII string of 18 runes is a charset error, not a length one.
		if len([]rune(s)) == 18 {
			return ErrCreditCodeCharset
		}
		return ErrCreditCodeLength
	}
	sum, weight := 0, 1
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(creditCodeChars, s[i])
		if v < 0 {
			return ErrCreditCodeCharset
		}
		sum += v * weight
		weight = weight * 3 % 31
	}
	if strings.IndexByte(creditCodeChars, s[17]) < 0 {
		return ErrCreditCodeCharset
	}
	if creditCodeChars[(31-sum%31)%31] != s[17] {
		return ErrCreditCodeChecksum
	}
	return nil
}
