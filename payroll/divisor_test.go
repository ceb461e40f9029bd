package payroll

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestDivisorJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Divisor
		out  string
	}{
		{"whole", `30`, 3000, `30`},
		{"one decimal", `30.4`, 3040, `30.4`},
		{"two decimals", `30.42`, 3042, `30.42`},
		{"trailing zero normalised", `30.40`, 3040, `30.4`},
		{"leading zero fraction", `30.05`, 3005, `30.05`},
		{"string accepted", `"21.75"`, 2175, `21.75`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var d Divisor
			if err := json.Unmarshal([]byte(tc.in), &d); err != nil || d != tc.want {
				t.Fatalf("unmarshal %s = %d, %v; want %d", tc.in, d, err, tc.want)
			}
			b, _ := json.Marshal(d)
			if string(b) != tc.out {
				t.Fatalf("marshal = %s, want %s", b, tc.out)
			}
			var back Divisor
			if err := json.Unmarshal(b, &back); err != nil || back != d {
				t.Fatalf("round trip %s = %d, %v", b, back, err)
			}
		})
	}
}

func TestDivisorRejects(t *testing.T) {
	for _, in := range []string{`30.405`, `3.04e1`, `-30`, `"30."`, `".5"`, `"abc"`, `1e3`, `"+30"`} {
		t.Run(in, func(t *testing.T) {
			var d Divisor
			if err := json.Unmarshal([]byte(in), &d); !errors.Is(err, ErrBadDivisor) {
				t.Fatalf("unmarshal %s: err = %v, want ErrBadDivisor", in, err)
			}
		})
	}
}

func TestParamValueJSON(t *testing.T) {
	ps := []Param{
		intParam("paid_days", 158, "法定", false),
		textParam("divisor", "30.4", SourceTenant, false),
		intParam("big", 9007199254740993, "精确", true), // > 2^53: must not pass through float
	}
	b, err := json.Marshal(ps)
	if err != nil {
		t.Fatal(err)
	}
	var back []Param
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	for i := range ps {
		if back[i] != ps[i] {
			t.Fatalf("param %d: %+v != %+v", i, back[i], ps[i])
		}
	}
	var v ParamValue
	if err := json.Unmarshal([]byte(`1.5`), &v); err == nil {
		t.Fatal("1.5 accepted as a param value")
	}
}
