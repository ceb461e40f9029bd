package payroll

import (
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

func TestRoundHalfUp(t *testing.T) {
	tests := []struct {
		name     string
		num, den int64
		want     int64
	}{
		{"whole", 6, 3, 2},
		{"exact half up", 1, 2, 1},
		{"just under half down", 49, 100, 0},
		{"just over half up", 51, 100, 1},
		{"1.5 up", 3, 2, 2},
		{"2.5 up (not banker's)", 5, 2, 3},
		{"negative half away from zero", -1, 2, -1},
		{"negative under half", -49, 100, 0},
		{"thirds down", 37, 3, 12},
		{"two thirds up", 38, 3, 13},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := RoundHalfUp(big.NewRat(tc.num, tc.den))
			if err != nil || got != tc.want {
				t.Fatalf("RoundHalfUp(%d/%d) = %d, %v; want %d", tc.num, tc.den, got, err, tc.want)
			}
		})
	}
}

func TestRoundHalfUpOverflow(t *testing.T) {
	r := new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), 70))
	if _, err := RoundHalfUp(r); !errors.Is(err, ErrOverflow) {
		t.Fatalf("err = %v, want ErrOverflow", err)
	}
}

func TestMulDivDivideByZero(t *testing.T) {
	if _, err := mulDiv([]int64{5}, []int64{0}); !errors.Is(err, ErrDivideByZero) {
		t.Fatalf("err = %v, want ErrDivideByZero", err)
	}
}

// TestMulDivFastMatchesBig checks the 128-bit path against math/big on
// random operands, including ones near the int64 and uint128 limits.
func TestMulDivFastMatchesBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func() int64 {
		switch rng.IntN(4) {
		case 0:
			return rng.Int64N(100)
		case 1:
			return rng.Int64N(1 << 31)
		case 2:
			return math.MaxInt64 - rng.Int64N(3)
		}
		return rng.Int64()
	}
	for i := 0; i < 20000; i++ {
		nums := []int64{pick(), pick(), rng.Int64N(40)}
		dens := []int64{pick() + 1, rng.Int64N(10000) + 1}
		fast, ok := mulDivFast(nums, dens)
		r, _ := exactRat(nums, dens)
		want, err := RoundHalfUp(r)
		if !ok {
			continue // big path handles it; nothing to compare
		}
		if err != nil || fast != want {
			t.Fatalf("mulDivFast(%v, %v) = %d, big = %d (%v)", nums, dens, fast, want, err)
		}
	}
}

// FuzzAllowanceAmount checks that the allowance amount never differs from
// the exact rational basis × days ÷ divisor by more than half a fen, and
// that an exact half rounds up.
func FuzzAllowanceAmount(f *testing.F) {
	f.Add(int64(720000), 158, int64(3000))
	f.Add(int64(100001), 15, int64(3000))
	f.Add(int64(760001), 15, int64(3040))
	f.Add(int64(1), 1, int64(1))
	f.Fuzz(func(t *testing.T, basis int64, days int, centi int64) {
		if basis < 0 || basis > 1e12 || days < 1 || days > 1000 || centi < 1 || centi > 100000 {
			t.Skip()
		}
		got, err := dailyAmount(basis, days, Divisor(centi))
		if err != nil {
			t.Fatal(err)
		}
		exact := new(big.Rat).SetFrac(big.NewInt(basis*int64(days)*100), big.NewInt(centi))
		diff := new(big.Rat).Sub(new(big.Rat).SetInt64(got), exact)
		half := big.NewRat(1, 2)
		if diff.Cmp(half) > 0 || diff.Cmp(new(big.Rat).Neg(half)) <= 0 {
			t.Fatalf("amount %d differs from exact %s by %s", got, exact.RatString(), diff.RatString())
		}
	})
}

func TestYuan(t *testing.T) {
	for fen, want := range map[int64]string{0: "0.00元", 5: "0.05元", 3792000: "37920.00元", 948001: "9480.01元", -5: "-0.05元"} {
		if got := yuan(fen); got != want {
			t.Errorf("yuan(%d) = %q, want %q", fen, got, want)
		}
	}
}
