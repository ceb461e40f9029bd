package pii

import (
	"errors"
	"testing"
)

// FuzzValidateNationalID checks that any string yields nil or a typed error,
// and that valid numbers round-trip through MakeNationalID.
func FuzzValidateNationalID(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "11010519491231002x", "110105491231002", "１１０１０５", "", "19990230"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := ValidateNationalIDAt(s, testNow)
		var pe *Error
		if err != nil && !errors.As(err, &pe) {
			t.Fatalf("untyped error %v", err)
		}
		_ = MaskNationalID(s)
		if err == nil {
			// A valid number is its own MakeNationalID and masks to 18 chars.
			if got := MakeNationalID(s[:6], s[6:14], int(s[14]-'0')*100+int(s[15]-'0')*10+int(s[16]-'0')); got != s {
				t.Fatalf("MakeNationalID round trip %q != %q", got, s)
			}
			if m := MaskNationalID(s); len(m) != 18 || m[6:14] != "********" {
				t.Fatalf("mask %q", m)
			}
		}
	})
}

// FuzzValidateCreditCode checks that any string yields nil or a typed error.
func FuzzValidateCreditCode(f *testing.F) {
	for _, s := range []string{"91350100M000100Y43", "91350100m000100y43", "", "９１３５"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := ValidateCreditCode(s)
		var pe *Error
		if err != nil && !errors.As(err, &pe) {
			t.Fatalf("untyped error %v", err)
		}
	})
}
