package portal

import (
	"errors"
	"html/template"

	"leaveguard/app/cases"
)

// Form carries what the user typed and the messages next to each field, so
// a form shown again after an error loses nothing.
type Form struct {
	Values  map[string]string
	Errors  map[string]string
	Message string
}

// NewForm returns an empty form.
func NewForm() Form {
	return Form{Values: map[string]string{}, Errors: map[string]string{}}
}

// V returns the value of field name.
func (f Form) V(name string) string { return f.Values[name] }

// E returns the error message of field name.
func (f Form) E(name string) string { return f.Errors[name] }

// Has reports whether field name has an error.
func (f Form) Has(name string) bool { return f.Errors[name] != "" }

// Aria returns, for a field with an error, the attributes that mark its
// control invalid and tie it to the message under it (id "e-"+name, as the
// "field" and "error-of" templates write it); nothing otherwise. Name is a
// field name written in a template, never user input.
func (f Form) Aria(name string) template.HTMLAttr {
	if !f.Has(name) {
		return ""
	}
	return template.HTMLAttr(` aria-invalid="true" aria-describedby="e-` + name + `"`)
}

// FormError turns a use-case failure into a form with its field messages
// (fields renamed by rename, e.g. monthly_wage_fen → monthly_wage). It
// reports false for errors that are not about the input.
func FormError(err error, rename map[string]string) (Form, bool) {
	var ce *cases.Error
	if !errors.As(err, &ce) || (ce.Kind != cases.Invalid && ce.Kind != cases.Conflict && ce.Kind != cases.Unprocessable) {
		return Form{}, false
	}
	f := NewForm()
	f.Message = ce.Message
	for k, v := range ce.Fields {
		if r, ok := rename[k]; ok {
			k = r
		}
		f.Errors[k] = v
	}
	return f, true
}
