package pii

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// testNow is a fixed "today" so the tests do not depend on the clock.
var testNow = time.Date(2025, 6, 1, 12, 0, 0, 0, chinaTime)

func TestValidateNationalID(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"valid GB example ending in X", "11010519491231002X", nil},
		{"valid Shenzhen male", "440305199003071236", nil},
		{"valid Hohhot female", "150104200001010105", nil},
		{"valid Hangzhou ending in X", "33010619880815005X", nil},
		{"valid Macao residence permit", MakeNationalID("820000", "19800101", 1), nil},
		{"valid born today", MakeNationalID("110105", "20250601", 2), nil},
		{"bad checksum", "110105194912310021", ErrNationalIDChecksum},
		{"bad checksum X for digit", "44030519900307123X", ErrNationalIDChecksum},
		{"bad date 19990230", MakeNationalID("320102", "19990230", 11), ErrNationalIDBirthdate},
		{"bad date month 13", MakeNationalID("320102", "19991301", 11), ErrNationalIDBirthdate},
		{"bad date 2023-02-29", MakeNationalID("320102", "20230229", 11), ErrNationalIDBirthdate},
		{"leap day 2024-02-29", MakeNationalID("320102", "20240229", 11), nil},
		{"born tomorrow", MakeNationalID("110105", "20250602", 2), ErrNationalIDBirthdate},
		{"born before 1900", MakeNationalID("110105", "18991231", 2), ErrNationalIDBirthdate},
		{"unknown province 99", MakeNationalID("990105", "19900101", 2), ErrNationalIDRegion},
		{"unknown province 00", MakeNationalID("000000", "19900101", 2), ErrNationalIDRegion},
		{"lowercase x", "11010519491231002x", ErrNationalIDLowercaseX},
		{"17 chars", "11010519491231002", ErrNationalIDLength},
		{"19 chars", "11010519491231002X1", ErrNationalIDLength},
		{"empty", "", ErrNationalIDLength},
		{"leading space", " 11010519491231002X", ErrNationalIDLength},
		{"full-width digits", "１１０１０５１９４９１２３１００２Ｘ", ErrNationalIDFullWidth},
		{"one full-width digit", "11010519491231002１", ErrNationalIDFullWidth},
		{"15-digit legacy", "110105491231002", ErrNationalIDLegacy15},
		{"15 chars with letter", "11010549123100X", ErrNationalIDLength},
		{"letter in body", "1101051949123100AX", ErrNationalIDCharset},
		{"letter as check char", "11010519491231002Y", ErrNationalIDCharset},
		{"all letters", "ABCDEFGHIJKLMNOPQR", ErrNationalIDCharset},
		{"hyphenated", "110105-19491231-02", ErrNationalIDCharset},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ValidateNationalIDAt(tt.in, testNow)
			if !errors.Is(got, tt.want) {
				t.Fatalf("ValidateNationalIDAt = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNationalIDErrorsNeverContainTheNumber(t *testing.T) {
	for _, in := range []string{"110105194912310021", "11010519491231002x", "110105491231002"} {
		err := ValidateNationalIDAt(in, testNow)
		var pe *Error
		if !errors.As(err, &pe) || pe.Code == "" || pe.Message == "" {
			t.Fatalf("%v: want *Error with code and message", err)
		}
		if strings.Contains(err.Error(), in[:10]) {
			t.Fatalf("error text %q leaks the number", err)
		}
	}
}

func TestLowercaseXMessage(t *testing.T) {
	var pe *Error
	if !errors.As(ValidateNationalIDAt("11010519491231002x", testNow), &pe) || pe.Message != "校验位X须为大写" {
		t.Fatalf("got %+v", pe)
	}
}

func TestLegacy15Message(t *testing.T) {
	var pe *Error
	err := ValidateNationalIDAt("110105491231002", testNow)
	if !errors.As(err, &pe) || pe.Code != "national_id_legacy15" || pe.Message != "不再受理15位旧身份证号，请使用18位身份证号" {
		t.Fatalf("got %+v", pe)
	}
}

func TestValidateNationalIDUsesClock(t *testing.T) {
	now := time.Date(2030, 2, 28, 12, 0, 0, 0, chinaTime)
	if err := ValidateNationalIDAt("11010519491231002X", now); err != nil {
		t.Fatalf("ValidateNationalIDAt = %v", err)
	}
	if err := ValidateNationalIDAt(MakeNationalID("110105", "20300228", 2), now); err != nil {
		t.Fatalf("born today: %v", err)
	}
	future := MakeNationalID("110105", "20300301", 2)
	if err := ValidateNationalIDAt(future, now); !errors.Is(err, ErrNationalIDBirthdate) {
		t.Fatalf("future birth date: got %v", err)
	}
}

func TestMaskNationalID(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"18 chars", "11010519491231002X", "110105********002X"},
		{"short", "1101054912", "**********"},
		{"empty", "", ""},
		{"full-width", "１１０１０５１９４９１２３１００２Ｘ", "******************"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MaskNationalID(tt.in); got != tt.want {
				t.Fatalf("MaskNationalID(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMakeNationalID(t *testing.T) {
	if got := MakeNationalID("110105", "19491231", 2); got != "11010519491231002X" {
		t.Fatalf("MakeNationalID = %q", got)
	}
	for seq := 0; seq < 1000; seq++ {
		if err := ValidateNationalIDAt(MakeNationalID("440305", "19900307", seq), testNow); err != nil {
			t.Fatalf("seq %d: %v", seq, err)
		}
	}
}

func TestMakeNationalIDPanicsOnBadShape(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("want panic")
		}
	}()
	MakeNationalID("11010", "19491231", 2)
}
