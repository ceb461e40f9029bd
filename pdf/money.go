package pdf

import "strconv"

// Yuan formats an amount in fen as yuan with two decimals and thousands
// separators: 3792000 → "37,920.00", -5 → "-0.05". Integer arithmetic only.
func Yuan(fen int64) string {
	u := uint64(fen)
	neg := fen < 0
	if neg {
		u = -u // two's complement: correct for math.MinInt64 too
	}
	digits := strconv.FormatUint(u/100, 10)
	b := make([]byte, 0, len(digits)+len(digits)/3+5)
	if neg {
		b = append(b, '-')
	}
	for i, c := range []byte(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, c)
	}
	c := u % 100
	return string(append(b, '.', byte('0'+c/10), byte('0'+c%10)))
}

var (
	capDigits = [10]string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
	capPlaces = [4]string{"仟", "佰", "拾", ""}
)

// YuanUpper writes an amount in fen the way Chinese forms write it in words
// (金额大写): 3792000 → "叁万柒仟玖佰贰拾元整", 140902 → "壹仟肆佰零玖元零贰分".
// A negative amount is prefixed with "负".
func YuanUpper(fen int64) string {
	u := uint64(fen)
	sign := ""
	if fen < 0 {
		u, sign = -u, "负"
	}
	whole, jiao, cents := u/100, u/10%10, u%10
	if u == 0 {
		return "零元整"
	}
	s := sign
	if whole > 0 {
		s += upperWhole(whole) + "元"
	}
	switch {
	case jiao == 0 && cents == 0:
		return s + "整"
	case jiao == 0:
		if whole > 0 {
			s += "零"
		}
		return s + capDigits[cents] + "分"
	case cents == 0:
		return s + capDigits[jiao] + "角整"
	}
	return s + capDigits[jiao] + "角" + capDigits[cents] + "分"
}

// upperWhole writes n > 0 in capital numerals: 亿 groups recursively, then
// 万 and the last four digits, with 零 where a group starts with zeros.
func upperWhole(n uint64) string {
	const yi = 100000000
	if n < yi {
		return upperBelowYi(n)
	}
	s := upperWhole(n/yi) + "亿"
	switch lo := n % yi; {
	case lo == 0:
		return s
	case lo < yi/10:
		return s + "零" + upperBelowYi(lo)
	default:
		return s + upperBelowYi(lo)
	}
}

// upperBelowYi writes 0 < n < 100000000.
func upperBelowYi(n uint64) string {
	hi, lo := int(n/10000), int(n%10000)
	if hi == 0 {
		return upperSection(lo)
	}
	s := upperSection(hi) + "万"
	switch {
	case lo == 0:
		return s
	case lo < 1000:
		return s + "零" + upperSection(lo)
	default:
		return s + upperSection(lo)
	}
}

// upperSection writes 0 < n < 10000, with one 零 for each run of inner zeros.
func upperSection(n int) string {
	ds := [4]int{n / 1000, n / 100 % 10, n / 10 % 10, n % 10}
	out, started, zero := "", false, false
	for i, d := range ds {
		if d == 0 {
			zero = started
			continue
		}
		if zero {
			out += "零"
			zero = false
		}
		out += capDigits[d] + capPlaces[i]
		started = true
	}
	return out
}
