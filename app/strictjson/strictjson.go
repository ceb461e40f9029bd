// Package strictjson decodes one JSON object strictly (unknown fields and
// trailing data are errors) and names an unknown field by comparing the
// input with the target's type, never by reading an error's text.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
)

// UnknownFieldError names a field of the input that the target lacks, as a
// dotted path like json.UnmarshalTypeError's Field ("children.nme").
type UnknownFieldError struct{ Field string }

func (e *UnknownFieldError) Error() string { return "json: unknown field " + e.Field }

// ErrTrailing means the input holds more than one JSON value.
var ErrTrailing = errors.New("json: more than one value")

// Decode reads raw into v (a pointer). Errors are encoding/json's (syntax,
// type, io.ErrUnexpectedEOF, a field's own UnmarshalJSON error),
// *UnknownFieldError or ErrTrailing.
func Decode(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, err := dec.Token(); err != io.EOF {
			return ErrTrailing
		}
		return nil
	}
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	if errors.As(err, &typeErr) || errors.As(err, &syntaxErr) {
		return err
	}
	if name, ok := unknown(raw, reflect.TypeOf(v)); ok {
		return &UnknownFieldError{Field: name}
	}
	return err
}

var unmarshaler = reflect.TypeFor[json.Unmarshaler]()

// unknown finds the first key in raw that type t has no field for.
func unknown(raw []byte, t reflect.Type) (string, bool) {
	for t.Kind() == reflect.Pointer {
		if t.Implements(unmarshaler) {
			return "", false
		}
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(unmarshaler) {
		return "", false
	}
	switch t.Kind() {
	case reflect.Struct:
		var obj map[string]json.RawMessage
		if json.Unmarshal(raw, &obj) != nil {
			return "", false
		}
		for key, val := range obj {
			f, ok := field(t, key)
			if !ok {
				return key, true
			}
			if name, ok := unknown(val, f.Type); ok {
				return key + "." + name, true
			}
		}
	case reflect.Slice, reflect.Array:
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) != nil {
			return "", false
		}
		for _, item := range items {
			if name, ok := unknown(item, t.Elem()); ok {
				return name, true
			}
		}
	case reflect.Map:
		var obj map[string]json.RawMessage
		if json.Unmarshal(raw, &obj) != nil {
			return "", false
		}
		for key, val := range obj {
			if name, ok := unknown(val, t.Elem()); ok {
				return key + "." + name, true
			}
		}
	}
	return "", false
}

// field finds the struct field that encoding/json fills from key: by tag or
// Go name, exact first, then case-insensitively; embedded structs count.
func field(t reflect.Type, key string) (reflect.StructField, bool) {
	var fold reflect.StructField
	found := false
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || f.Anonymous && f.Type.Kind() == reflect.Struct && f.Tag.Get("json") == "" {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if name == key {
			return f, true
		}
		if !found && strings.EqualFold(name, key) {
			fold, found = f, true
		}
	}
	return fold, found
}
