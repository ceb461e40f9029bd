package export

import (
	"strconv"

	"leaveguard/leave"
)

// ProtectedRow is a female employee in a protected period (三期) during the
// report period: the phase she was in and the protected interval's dates.
type ProtectedRow struct {
	EmployeeName string
	ExternalID   string
	Phase        string // "pregnancy", "maternity_leave" or "nursing"
	From         leave.Date
	Until        leave.Date // last protected day
	Estimated    bool       // Until estimated from the due date
}

// Cells implements Row.
func (r ProtectedRow) Cells(seq int) []any {
	return []any{seq, r.EmployeeName, r.ExternalID, label(phases, r.Phase), date(r.From), date(r.Until),
		when(r.Estimated, "按预产期估算")}
}

// LeaveRow is a leave granted in the period against its statutory
// entitlement; fewer days granted than entitled is a shortfall.
type LeaveRow struct {
	EmployeeName string
	ExternalID   string
	LeaveType    string
	Start, End   leave.Date
	EntitledDays int
	GrantedDays  int
	Unit         string // "calendar_days" or "working_days"
}

// Shortfall is how many entitled days were not granted (0 when none).
func (r LeaveRow) Shortfall() int { return max(0, r.EntitledDays-r.GrantedDays) }

// Cells implements Row.
func (r LeaveRow) Cells(seq int) []any {
	result := "符合"
	if n := r.Shortfall(); n > 0 {
		result = "不足 " + strconv.Itoa(n) + " 天"
	}
	return []any{seq, r.EmployeeName, r.ExternalID, label(leaves, r.LeaveType), date(r.Start), date(r.End),
		r.EntitledDays, r.GrantedDays, label(units, r.Unit), result}
}

// DismissalRow is a dismissal check made in the period and its verdict.
type DismissalRow struct {
	CheckedOn      leave.Date
	EmployeeName   string
	ExternalID     string
	Action         string
	Ground         string // "art39", "art40", "art41" or ""
	EffectiveDate  leave.Date
	Verdict        string
	ProtectedUntil leave.Date // zero when not protected
	Reason         string     // the main reason's message
}

// Cells implements Row.
func (r DismissalRow) Cells(seq int) []any {
	return []any{seq, date(r.CheckedOn), r.EmployeeName, r.ExternalID, label(actions, r.Action),
		label(grounds, r.Ground), date(r.EffectiveDate), label(verdicts, r.Verdict), date(r.ProtectedUntil), r.Reason}
}

// ClaimRow is a maternity allowance claim and its status.
type ClaimRow struct {
	EmployeeName string
	ExternalID   string
	Event        string // "birth" or "miscarriage"
	EventDate    leave.Date
	PaidDays     int
	AmountFen    int64
	Status       string
	SubmittedOn  leave.Date // zero when not submitted
	Overdue      bool       // submitted and the bureau's decision is overdue
}

// Cells implements Row.
func (r ClaimRow) Cells(seq int) []any {
	return []any{seq, r.EmployeeName, r.ExternalID, label(events, r.Event), date(r.EventDate), r.PaidDays,
		Yuan(r.AmountFen), label(statuses, r.Status), date(r.SubmittedOn), when(r.Overdue, "逾期未决")}
}

// ExtensionRow is a contract ending in the period inside a protected
// period, to be extended to its end (劳动合同法 第四十五条).
type ExtensionRow struct {
	EmployeeName   string
	ExternalID     string
	ContractEnd    leave.Date
	Phase          string // phase on the contract's end
	ProtectedUntil leave.Date
	Estimated      bool
	ExtendedEnd    leave.Date
}

// Cells implements Row.
func (r ExtensionRow) Cells(seq int) []any {
	return []any{seq, r.EmployeeName, r.ExternalID, date(r.ContractEnd), label(phases, r.Phase),
		date(r.ProtectedUntil), date(r.ExtendedEnd), when(r.Estimated, "按预产期估算")}
}

// date is YYYY-MM-DD, or "" for the zero Date.
func date(d leave.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func when(b bool, s string) string {
	if b {
		return s
	}
	return ""
}

// Yuan formats fen as yuan with two decimals and no separators, so a
// spreadsheet reads it as a number: 3792000 → "37920.00". Integer
// arithmetic only.
func Yuan(fen int64) string {
	u, sign := uint64(fen), ""
	if fen < 0 {
		u, sign = -u, "-"
	}
	c := u % 100
	return sign + strconv.FormatUint(u/100, 10) + "." + string([]byte{byte('0' + c/10), byte('0' + c%10)})
}
