package pii

import (
	"errors"
	"testing"
)

func TestValidateCreditCode(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"valid company Fuzhou", "91350100M000100Y43", nil},
		{"valid company Beijing letter check", "91110000802100433B", nil},
		{"bad checksum", "91350100M000100Y44", ErrCreditCodeChecksum},
		{"transposed digits", "91351000M000100Y43", ErrCreditCodeChecksum},
		{"lowercase", "91350100m000100y43", ErrCreditCodeCharset},
		{"forbidden letter I", "91350100I000100Y43", ErrCreditCodeCharset},
		{"forbidden letter O", "91350100O000100Y43", ErrCreditCodeCharset},
		{"forbidden check Z", "91350100M000100Y4Z", ErrCreditCodeCharset},
		{"forbidden S and V", "91350100S000100V43", ErrCreditCodeCharset},
		{"full-width", "９１３５０１００Ｍ０００１００Ｙ４３", ErrCreditCodeCharset},
		{"17 chars", "91350100M000100Y4", ErrCreditCodeLength},
		{"19 chars", "91350100M000100Y433", ErrCreditCodeLength},
		{"empty", "", ErrCreditCodeLength},
		{"national id is not a credit code", "11010519491231002X", ErrCreditCodeChecksum},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ValidateCreditCode(tt.in); !errors.Is(got, tt.want) {
				t.Fatalf("ValidateCreditCode = %v, want %v", got, tt.want)
			}
		})
	}
}
