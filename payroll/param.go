package payroll

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// Source labels used when a value is not taken from a legal text.
const (
	// SourceTenant marks a value the tenant (employer) set.
	SourceTenant = "单位设置"
	// SourceDefault marks a value LeaveGuard ships as a default.
	SourceDefault = "默认值"
	// SourceLocalNotice labels a national-frame default that the tenant must
	// replace with the figure from its local notice.
	SourceLocalNotice = "按国家框架默认，请按当地通知设置"
	// ConfidenceLow marks a parameter whose local source was not found.
	ConfidenceLow = "low"
)

// Param is one value a computation used, with where it came from, so every
// figure can say why. Value is an integer or a text; Source is Chinese text
// naming the document and article, or SourceTenant / SourceDefault; Default
// is true when the value is LeaveGuard's default rather than the tenant's own
// setting or a fact of the case.
type Param struct {
	Name       string     `json:"name"`
	Value      ParamValue `json:"value"`
	Source     string     `json:"source"`
	Default    bool       `json:"default"`
	Confidence string     `json:"confidence,omitempty"`
}

// ParamValue is a parameter's value: an int64 or a string. In JSON it is a
// number (integers only, parsed without float) or a string.
type ParamValue struct {
	text  string
	num   int64
	isNum bool
}

// IntValue returns an integer ParamValue.
func IntValue(v int64) ParamValue { return ParamValue{num: v, isNum: true} }

// TextValue returns a text ParamValue.
func TextValue(s string) ParamValue { return ParamValue{text: s} }

// Int64 returns the integer value and true, or 0 and false for a text value.
func (v ParamValue) Int64() (int64, bool) { return v.num, v.isNum }

// String returns the value as text (integers in decimal).
func (v ParamValue) String() string {
	if v.isNum {
		return strconv.FormatInt(v.num, 10)
	}
	return v.text
}

// MarshalJSON implements json.Marshaler.
func (v ParamValue) MarshalJSON() ([]byte, error) {
	if v.isNum {
		return strconv.AppendInt(nil, v.num, 10), nil
	}
	return json.Marshal(v.text)
}

// UnmarshalJSON implements json.Unmarshaler; a number must be an integer.
func (v *ParamValue) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("payroll: param value: %w", err)
		}
		*v = TextValue(s)
		return nil
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return fmt.Errorf("payroll: param value %s is not an integer or string: %w", b, err)
	}
	*v = IntValue(n)
	return nil
}

// Reason is a coded, human-readable explanation attached to a result: a
// compliance gap, an adjustment or a note. Message is Chinese; Basis names
// the legal source when there is one.
type Reason struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Basis   string `json:"basis,omitempty"`
}

// intParam and textParam build Params tersely.
func intParam(name string, v int64, source string, def bool) Param {
	return Param{Name: name, Value: IntValue(v), Source: source, Default: def}
}

func textParam(name, v, source string, def bool) Param {
	return Param{Name: name, Value: TextValue(v), Source: source, Default: def}
}
