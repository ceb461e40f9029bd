package pdf

import (
	"math"
	"math/big"
	"strings"
	"testing"
)

func TestYuan(t *testing.T) {
	cases := []struct {
		fen  int64
		want string
	}{
		{0, "0.00"}, {5, "0.05"}, {99, "0.99"}, {100, "1.00"}, {123456, "1,234.56"},
		{3792000, "37,920.00"}, {100000000, "1,000,000.00"}, {-5, "-0.05"}, {-123456, "-1,234.56"},
		{math.MaxInt64, "92,233,720,368,547,758.07"}, {math.MinInt64, "-92,233,720,368,547,758.08"},
	}
	for _, c := range cases {
		if got := Yuan(c.fen); got != c.want {
			t.Errorf("Yuan(%d) = %q, want %q", c.fen, got, c.want)
		}
	}
}

// FuzzYuan checks Yuan against math/big: strip the separators and the text
// is the exact decimal value of fen / 100.
func FuzzYuan(f *testing.F) {
	for _, v := range []int64{0, 1, -1, 999, 1000, 3792000, math.MaxInt64, math.MinInt64} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, fen int64) {
		s := Yuan(fen)
		r, ok := new(big.Rat).SetString(strings.ReplaceAll(s, ",", ""))
		if !ok || r.Cmp(big.NewRat(fen, 100)) != 0 {
			t.Fatalf("Yuan(%d) = %q", fen, s)
		}
		whole, _, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
		for i, g := range strings.Split(whole, ",") {
			if (i == 0 && (len(g) == 0 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				t.Fatalf("Yuan(%d) = %q: bad grouping", fen, s)
			}
		}
	})
}

func TestYuanUpper(t *testing.T) {
	cases := []struct {
		fen  int64
		want string
	}{
		{0, "零元整"}, {5, "伍分"}, {50, "伍角整"}, {55, "伍角伍分"}, {100, "壹元整"}, {1000, "壹拾元整"},
		{100500, "壹仟零伍元整"}, {140902, "壹仟肆佰零玖元零贰分"}, {3792000, "叁万柒仟玖佰贰拾元整"},
		{10000000, "壹拾万元整"}, {10005000, "壹拾万零伍拾元整"}, {100010000, "壹佰万零壹佰元整"},
		{10000000000, "壹亿元整"}, {10000050000, "壹亿零伍佰元整"}, {10100000000, "壹亿零壹佰万元整"},
		{1000100000000, "壹佰亿零壹佰万元整"}, {123456789012, "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分"},
		{100010000000000, "壹万零壹亿元整"}, {-3792010, "负叁万柒仟玖佰贰拾元壹角整"},
	}
	for _, c := range cases {
		if got := YuanUpper(c.fen); got != c.want {
			t.Errorf("YuanUpper(%d) = %q, want %q", c.fen, got, c.want)
		}
	}
}
