package leave

import "slices"

// EntryKind is the kind of a ledger entry.
type EntryKind string

// Entry kinds.
const (
	Credit   EntryKind = "credit"   // an entitlement granted (from an Item)
	Debit    EntryKind = "debit"    // an approved leave
	Reversal EntryKind = "reversal" // a cancelled leave: gives a debit's days back
	// Withdrawal takes back a credit whose entitlement a corrected fact
	// removed or changed (a birth moved to another day, say).
	Withdrawal EntryKind = "withdrawal"
)

// Entry is one line of the leave ledger. Bucket names the entitlement it
// moves (Item.Bucket), e.g. "parental:birth:2025-05-01#1:2026-01-01".
type Entry struct {
	Kind      EntryKind `json:"kind"`
	PostedOn  Date      `json:"posted_on"`
	LeaveType LeaveType `json:"leave_type"`
	Bucket    string    `json:"bucket"`
	Days      int       `json:"days"` // always positive; Kind gives the sign
	Unit      Unit      `json:"unit,omitempty"`
	RequestID string    `json:"request_id,omitempty"` // debits and reversals
	Start     Date      `json:"start,omitzero"`
	End       Date      `json:"end,omitzero"`
	Note      string    `json:"note,omitempty"`
}

// Ledger is an append-only list of entries. Balances are folds over it;
// nothing is ever edited. The zero Ledger is empty and ready to use.
type Ledger struct {
	entries []Entry
}

// NewLedger builds a ledger by appending entries in order (as loaded from
// the store), validating each.
func NewLedger(entries ...Entry) (Ledger, error) {
	var l Ledger
	for _, e := range entries {
		var err error
		if l, err = l.Append(e); err != nil {
			return Ledger{}, err
		}
	}
	return l, nil
}

// Entries returns a copy of the entries in append order.
func (l Ledger) Entries() []Entry { return slices.Clone(l.entries) }

// Append returns a new ledger with e added; l itself is unchanged. Days must
// be positive; a debit needs a RequestID without an open (unreversed) debit;
// a reversal needs a RequestID with an open debit, and takes its bucket and
// days (a request moved to another bucket is reversed, then debited again);
// a withdrawal takes back at most what the bucket was credited.
func (l Ledger) Append(e Entry) (Ledger, error) {
	if e.Bucket == "" || e.PostedOn.IsZero() {
		return l, fail(ErrLedger, "bucket", "账目缺少假期额度标识或记账日期")
	}
	if e.Days < 1 {
		return l, fail(ErrLedger, "days", "账目天数必须为正数")
	}
	switch e.Kind {
	case Credit:
	case Withdrawal:
		if e.Days > l.Balance(e.Bucket, Date{}).Credited {
			return l, fail(ErrLedger, "days", "收回的额度超过已记入的额度")
		}
	case Debit:
		if e.RequestID == "" {
			return l, fail(ErrLedger, "request_id", "扣减账目缺少休假申请编号")
		}
		if _, ok := l.openDebit(e.RequestID); ok {
			return l, fail(ErrLedger, "request_id", "休假申请 %s 已经扣减过", e.RequestID)
		}
	case Reversal:
		d, ok := l.openDebit(e.RequestID)
		if !ok {
			return l, fail(ErrLedger, "request_id", "没有可冲回的休假申请 %s", e.RequestID)
		}
		if d.Bucket != e.Bucket || d.Days != e.Days {
			return l, fail(ErrLedger, "days", "冲回必须与原扣减的额度和天数一致")
		}
	default:
		return l, fail(ErrLedger, "kind", "未知账目类型 %q", e.Kind)
	}
	return Ledger{entries: append(slices.Clip(l.entries), e)}, nil
}

// openDebit is the request's last debit when no reversal followed it.
func (l Ledger) openDebit(requestID string) (Entry, bool) {
	var last Entry
	open := false
	for _, e := range l.entries {
		if e.RequestID != requestID {
			continue
		}
		switch e.Kind {
		case Debit:
			last, open = e, true
		case Reversal:
			open = false
		}
	}
	return last, open
}

// openDebits are the debits not reversed, in the order they were posted.
func (l Ledger) openDebits() []Entry {
	open := map[string]int{} // request → index in out
	var out []Entry
	for _, e := range l.entries {
		switch e.Kind {
		case Debit:
			open[e.RequestID] = len(out)
			out = append(out, e)
		case Reversal:
			if i, ok := open[e.RequestID]; ok {
				out[i].Days = 0 // reversed
				delete(open, e.RequestID)
			}
		}
	}
	return slices.DeleteFunc(out, func(e Entry) bool { return e.Days == 0 })
}

// Balance of one bucket as of a date.
type Balance struct {
	Credited  int `json:"credited"` // credits less withdrawals
	Debited   int `json:"debited"`
	Reversed  int `json:"reversed"`
	Taken     int `json:"taken"`     // Debited - Reversed
	Available int `json:"available"` // Credited - Taken
}

// Balance folds the entries of bucket posted on or before asOf. A zero asOf
// means "all entries".
func (l Ledger) Balance(bucket string, asOf Date) Balance {
	var b Balance
	for _, e := range l.entries {
		if e.Bucket != bucket || (!asOf.IsZero() && e.PostedOn.After(asOf)) {
			continue
		}
		switch e.Kind {
		case Credit:
			b.Credited += e.Days
		case Withdrawal:
			b.Credited -= e.Days
		case Debit:
			b.Debited += e.Days
		case Reversal:
			b.Reversed += e.Days
		}
	}
	b.Taken = b.Debited - b.Reversed
	b.Available = b.Credited - b.Taken
	return b
}

// ByLeaveDates splits the approved leave of bucket (debits not reversed,
// whenever either was posted) by the dates of the leave: taken are its days
// on or before asOf, booked those after. A leave that spans asOf is split by
// counting its unit's days up to asOf (working days by cal), never more than
// the days it was approved for.
func (l Ledger) ByLeaveDates(bucket string, asOf Date, cal Calendar) (taken, booked int) {
	for _, e := range l.openDebits() {
		if e.Bucket != bucket {
			continue
		}
		before := daysUpTo(e, asOf, cal)
		taken += before
		booked += e.Days - before
	}
	return taken, booked
}

// daysUpTo counts the days of debit e on or before asOf.
func daysUpTo(e Entry, asOf Date, cal Calendar) int {
	switch {
	case e.Start.IsZero() || e.End.IsZero() || !e.End.After(asOf):
		return e.Days // undated entries count as taken
	case asOf.Before(e.Start):
		return 0
	case e.Unit == WorkingDays:
		return min(e.Days, cal.WorkingDaysBetween(e.Start, asOf).WorkingDays)
	}
	return min(e.Days, e.Start.DaysUntil(asOf)+1)
}

// CreditFor is the entry that records item's entitlement in the ledger.
func CreditFor(item Item, postedOn Date) Entry {
	return Entry{Kind: Credit, PostedOn: postedOn, LeaveType: item.LeaveType, Bucket: item.Bucket,
		Days: item.Entitled, Unit: item.Unit, Note: "依法享有的假期额度"}
}

// DebitFor is the entry that records an approved request (checked by
// CheckRequest into d) on approvedOn.
func DebitFor(d Decision, requestID string, approvedOn Date) Entry {
	return Entry{Kind: Debit, PostedOn: approvedOn, LeaveType: d.LeaveType, Bucket: d.Bucket,
		Days: d.Days, Unit: d.Unit, RequestID: requestID, Start: d.Start, End: d.End}
}

// ReversalFor is the entry that gives back the days of a cancelled request.
func (l Ledger) ReversalFor(requestID string, cancelledOn Date) (Entry, error) {
	d, ok := l.openDebit(requestID)
	if !ok {
		return Entry{}, fail(ErrLedger, "request_id", "没有可冲回的休假申请 %s", requestID)
	}
	d.Kind, d.PostedOn, d.Note = Reversal, cancelledOn, "取消休假，冲回天数"
	return d, nil
}
