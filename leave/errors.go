package leave

import (
	"errors"
	"fmt"
)

// Sentinel errors of the leave domain. Handlers map them to HTTP statuses
// (see Code); the domain itself knows nothing about HTTP.
var (
	// ErrInvalid marks facts or inputs that cannot be judged (missing date,
	// zero babies, unknown parent...).
	ErrInvalid = errors.New("leave: invalid input")
	// ErrUnknownRegion is returned for a region code no rule book knows.
	ErrUnknownRegion = errors.New("leave: unknown region")
	// ErrLeaveStartTooEarly is returned when maternity leave would start more
	// days before the birth than the rules allow (15). It wraps ErrInvalid.
	ErrLeaveStartTooEarly = fmt.Errorf("%w: leave starts too early", ErrInvalid)
	// ErrExceedsEntitlement is returned when a request asks for more days
	// than remain.
	ErrExceedsEntitlement = errors.New("leave: exceeds entitlement")
	// ErrOverlaps is returned when a request overlaps another submitted or
	// approved request of the same employee.
	ErrOverlaps = errors.New("leave: overlaps another request")
	// ErrNotEligible is returned when the employee has no entitlement of the
	// requested type on the requested dates.
	ErrNotEligible = errors.New("leave: not eligible")
	// ErrUnknownLeaveType is returned for a leave type outside LeaveTypes.
	ErrUnknownLeaveType = errors.New("leave: unknown leave type")
	// ErrUnknownAction is returned for a dismissal-check action outside Actions.
	ErrUnknownAction = errors.New("leave: unknown action")
	// ErrUnknownGround is returned for a termination ground other than art39,
	// art40 or art41, or a ground given with an action that takes none.
	ErrUnknownGround = errors.New("leave: unknown ground")
	// ErrLedger is returned when an entry cannot be appended to a ledger
	// (e.g. a reversal of a debit that does not exist).
	ErrLedger = errors.New("leave: invalid ledger entry")
)

// Error is a domain error carrying a sentinel (Err), the input field it
// concerns (may be empty) and a Chinese message meant for an HR officer.
type Error struct {
	Err     error
	Field   string
	Message string
}

// Error implements error.
func (e *Error) Error() string {
	if e.Field == "" {
		return e.Err.Error() + ": " + e.Message
	}
	return e.Err.Error() + ": " + e.Field + ": " + e.Message
}

// Unwrap returns the sentinel, so errors.Is(err, ErrOverlaps) works.
func (e *Error) Unwrap() error { return e.Err }

func fail(sentinel error, field, format string, args ...any) error {
	return &Error{Err: sentinel, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Code returns the stable snake_case code of a domain error ("overlaps",
// "exceeds_entitlement", "not_eligible", "leave_start_too_early", "invalid",
// ...), or "" if err is not one of this package's errors.
func Code(err error) string {
	codes := []struct {
		err  error
		code string
	}{
		{ErrLeaveStartTooEarly, "leave_start_too_early"},
		{ErrExceedsEntitlement, "exceeds_entitlement"},
		{ErrOverlaps, "overlaps"},
		{ErrNotEligible, "not_eligible"},
		{ErrUnknownRegion, "unknown_region"},
		{ErrUnknownLeaveType, "unknown_leave_type"},
		{ErrUnknownAction, "unknown_action"},
		{ErrUnknownGround, "unknown_ground"},
		{ErrLedger, "ledger_invalid"},
		{ErrBadDate, "bad_date"},
		{ErrInvalid, "invalid"},
	}
	for _, c := range codes {
		if errors.Is(err, c.err) {
			return c.code
		}
	}
	return ""
}
