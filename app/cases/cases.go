// Package cases holds LeaveGuard's use cases, shared by the JSON API, the
// portal and the payroll webhooks: validate input, load facts, decide with
// leave/ or payroll/, and save the decision with its audit row and outbox
// event in one transaction. It knows nothing of HTTP: failures are *Error
// values with a kind, a stable code and a Chinese message.
package cases

import (
	"strings"
	"time"

	"leaveguard/app/pii"
	"leaveguard/leave"
	"leaveguard/store"
)

// Cases is the set of use cases over one store.
type Cases struct {
	Store    *store.Store
	Cipher   *pii.Cipher
	Rules    *leave.RuleBook
	Calendar leave.Calendar
	Clock    func() time.Time // the one clock of the application; nil means the wall clock
	Loopback bool             // tests only: outbound webhook URLs may be http:// on loopback
}

// Kind classifies an Error for the adapters (an HTTP status, a form message).
type Kind int

// Kinds of failure.
const (
	Invalid       Kind = iota + 1 // the input is malformed (400)
	NotFound                      // no such object for this tenant (404)
	Conflict                      // a duplicate or an illegal state transition (409)
	Unprocessable                 // well-formed but refused by a rule (422)
	Forbidden                     // the caller's role may not do this (403)
)

// Error is a use-case failure meant for people.
type Error struct {
	Kind    Kind
	Code    string
	Message string
	Fields  map[string]string
}

// Error implements error.
func (e *Error) Error() string { return e.Code }

// Fail returns an Error without field details.
func Fail(kind Kind, code, message string) *Error {
	return &Error{Kind: kind, Code: code, Message: message}
}

// Fields collects per-field validation messages.
type Fields map[string]string

// Err returns the error for the collected messages, or nil: Invalid (400)
// when any field is malformed, else Unprocessable (422 out_of_range) when
// well-formed values were refused (Refuse).
func (f Fields) Err() error {
	if len(f) == 0 {
		return nil
	}
	plain, refused := Fields{}, Fields{}
	for k, v := range f {
		if name, ok := strings.CutPrefix(k, refusedMark); ok {
			refused[name] = v
		} else {
			plain[k] = v
		}
	}
	if len(plain) == 0 {
		return &Error{Kind: Unprocessable, Code: "out_of_range", Message: "取值超出允许范围，请按字段提示修改后重试", Fields: refused}
	}
	for k, v := range refused {
		if _, ok := plain[k]; !ok {
			plain[k] = v
		}
	}
	return &Error{Kind: Invalid, Code: "validation_failed", Message: "请求内容有误，请按字段提示修改后重试", Fields: plain}
}

// refusedMark prefixes the keys Refuse records; Err strips it.
const refusedMark = "\x00refused:"

// Refuse records that field name is well-formed but outside what
// LeaveGuard accepts (a bound, a forbidden address): a 422 unless another
// field is malformed.
func (f Fields) Refuse(name, message string) { f[refusedMark+name] = message }

// Has reports whether field name already has a message.
func (f Fields) Has(name string) bool {
	_, a := f[name]
	_, b := f[refusedMark+name]
	return a || b
}

// KnownRegion reports whether code is a jurisdiction of the rule book.
func (c *Cases) KnownRegion(code string) bool {
	for _, j := range c.Rules.Jurisdictions() {
		if j.Code == code {
			return true
		}
	}
	return false
}

// actor names who in the rows that record who did something ("user:<id>").
func actor(who store.Who) string { return who.ActorType + ":" + who.ActorID }
