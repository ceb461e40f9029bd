package strictjson

import (
	"errors"
	"testing"
)

type child struct {
	Name string `json:"name"`
}

type base struct {
	ID string `json:"id"`
}

type body struct {
	base
	Title    string  `json:"title"`
	Children []child `json:"children"`
	Lead     *child  `json:"lead"`
	Skip     string  `json:"-"`
}

// TestUnknownField: an unknown field is named with its path, found from the
// target's type (embedded structs, slices, pointers), not from error text.
func TestUnknownField(t *testing.T) {
	for in, want := range map[string]string{
		`{"id":"1","titel":"x"}`:                           "titel",
		`{"children":[{"name":"a"},{"nme":"b"}]}`:          "children.nme",
		`{"lead":{"name":"a","age":3}}`:                    "lead.age",
		`{"Skip":"x"}`:                                     "Skip",
		`{"ID":"1","TITLE":"x","children":[],"lead":null}`: "",
	} {
		var v body
		err := Decode([]byte(in), &v)
		var uf *UnknownFieldError
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", in, err)
		case want != "" && (!errors.As(err, &uf) || uf.Field != want):
			t.Errorf("%s: %v, want unknown field %s", in, err, want)
		}
	}
	if err := Decode([]byte(`{} {}`), &body{}); !errors.Is(err, ErrTrailing) {
		t.Errorf("two values: %v", err)
	}
}
