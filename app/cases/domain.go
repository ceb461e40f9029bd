package cases

import (
	"errors"

	"leaveguard/leave"
)

// fromDomain turns a leave/ error into a use-case error: rule refusals are
// 422 with their stable code, bad input 400 naming the field.
func fromDomain(err error) error {
	var le *leave.Error
	if !errors.As(err, &le) {
		return err
	}
	code := leave.Code(err)
	kind := Invalid
	switch {
	case errors.Is(err, leave.ErrExceedsEntitlement), errors.Is(err, leave.ErrOverlaps),
		errors.Is(err, leave.ErrNotEligible), errors.Is(err, leave.ErrUnknownRegion),
		errors.Is(err, leave.ErrLeaveStartTooEarly):
		kind = Unprocessable
	}
	e := &Error{Kind: kind, Code: code, Message: le.Message}
	if le.Field != "" {
		e.Fields = map[string]string{le.Field: le.Message}
	}
	return e
}
