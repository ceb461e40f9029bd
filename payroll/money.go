package payroll

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
)

// BPScale is the number of basis points in one whole (100%).
const BPScale = 10000

// ErrOverflow is returned when a figure does not fit in int64 fen.
var ErrOverflow = errors.New("payroll: amount overflows int64 fen")

// ErrDivideByZero is returned when a computation would divide by zero.
var ErrDivideByZero = errors.New("payroll: division by zero")

// RoundHalfUp is LeaveGuard's one rounding rule (四舍五入到分): it rounds the
// exact rational r to the nearest whole fen, and a remainder of exactly half
// a fen rounds away from zero (0.5 → 1, -0.5 → -1; 0.49 → 0). Every
// computation rounds exactly once, at the end, with this rule.
func RoundHalfUp(r *big.Rat) (int64, error) {
	num, den := r.Num(), r.Denom() // den > 0
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	m.Abs(m).Lsh(m, 1)
	if m.Cmp(den) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	if !q.IsInt64() {
		return 0, fmt.Errorf("round %s: %w", r.RatString(), ErrOverflow)
	}
	return q.Int64(), nil
}

// exactRat returns the exact rational (n1·n2·…)/(d1·d2·…).
func exactRat(nums, dens []int64) (*big.Rat, error) {
	n, d := big.NewInt(1), big.NewInt(1)
	var t big.Int
	for _, x := range nums {
		n.Mul(n, t.SetInt64(x))
	}
	for _, x := range dens {
		if x == 0 {
			return nil, ErrDivideByZero
		}
		d.Mul(d, t.SetInt64(x))
	}
	return new(big.Rat).SetFrac(n, d), nil
}

// mulDiv returns RoundHalfUp((n1·n2·…)/(d1·d2·…)), computed exactly. When all
// operands are non-negative and the numerator fits in 128 bits it uses
// integer arithmetic (the same result, checked by a property test); otherwise
// it falls back to math/big.
func mulDiv(nums, dens []int64) (int64, error) {
	if v, ok := mulDivFast(nums, dens); ok {
		return v, nil
	}
	r, err := exactRat(nums, dens)
	if err != nil {
		return 0, err
	}
	return RoundHalfUp(r)
}

// mulDivFast is the 128-bit integer path of mulDiv; ok is false when the
// operands are out of its range (negative, zero divisor, overflow).
func mulDivFast(nums, dens []int64) (int64, bool) {
	var hi, lo uint64 = 0, 1
	for _, x := range nums {
		if x < 0 {
			return 0, false
		}
		h1, l := bits.Mul64(lo, uint64(x))
		h2, l2 := bits.Mul64(hi, uint64(x))
		var c uint64
		hi, c = bits.Add64(l2, h1, 0)
		if h2 != 0 || c != 0 {
			return 0, false
		}
		lo = l
	}
	var den uint64 = 1
	for _, x := range dens {
		if x <= 0 {
			return 0, false
		}
		h, l := bits.Mul64(den, uint64(x))
		if h != 0 {
			return 0, false
		}
		den = l
	}
	if hi >= den {
		return 0, false
	}
	q, r := bits.Div64(hi, lo, den)
	if q >= math.MaxInt64 {
		return 0, false
	}
	if r >= den-r {
		q++
	}
	return int64(q), true
}

// addFen returns a+b, or ErrOverflow.
func addFen(a, b int64) (int64, error) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, ErrOverflow
	}
	return s, nil
}
