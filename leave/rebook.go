package leave

import (
	"errors"
	"sort"
)

// Rebooking is what a corrected fact (a birth moved to another day, a
// different child order) does to the books: ledger entries to append (the
// old credits withdrawn, the new ones credited, approved leave moved to
// its new bucket) and the approved requests the corrected facts no longer
// allow, for HR to decide. Nothing already posted is edited.
type Rebooking struct {
	Entries []Entry   `json:"entries"`
	Moved   []Moved   `json:"moved,omitempty"`
	Flagged []Flagged `json:"flagged,omitempty"`
}

// Moved is an approved request now charged to another bucket.
type Moved struct {
	RequestID string   `json:"request_id"`
	From      string   `json:"from_bucket"`
	Decision  Decision `json:"decision"`
}

// Flagged is an approved request the corrected facts no longer allow: it
// stays approved and debited until HR decides (never silently rewritten).
type Flagged struct {
	RequestID string `json:"request_id"`
	Code      string `json:"code"`
	Message   string `json:"message"`
}

// Rebook reconciles the books b with the corrected facts f as of on (the
// posting date). fresh are the entitlements the corrected event grants, as
// recording it anew would credit them. Credits whose entitlement no longer
// exists, or grants other days, are withdrawn; fresh items not credited are
// credited; every approved request is checked again against the corrected
// facts as if it were submitted now: same bucket, nothing moves; another
// bucket, its debit is reversed and posted to the new bucket; refused, it is
// flagged.
func Rebook(f Facts, r Rules, b Books, on Date, fresh []Item) (Rebooking, error) {
	var out Rebooking
	l := b.Ledger
	post := func(e Entry) error {
		var err error
		if l, err = l.Append(e); err == nil {
			out.Entries = append(out.Entries, e)
		}
		return err
	}
	valid, err := itemsByBucket(f, r, b, fresh)
	if err != nil {
		return Rebooking{}, err
	}
	for _, c := range creditedBuckets(l) {
		net := l.Balance(c.Bucket, Date{}).Credited
		if it, ok := valid[c.Bucket]; net <= 0 || ok && it.Entitled == net {
			continue
		}
		w := Entry{Kind: Withdrawal, PostedOn: on, LeaveType: c.LeaveType, Bucket: c.Bucket, Days: net, Unit: c.Unit,
			Note: "事实更正：原额度收回"}
		if err := post(w); err != nil {
			return Rebooking{}, err
		}
	}
	credit := func(bucket string, it Item) error {
		if l.Balance(bucket, Date{}).Credited > 0 {
			return nil
		}
		e := CreditFor(it, on)
		e.Note = "事实更正后重新核定的额度"
		return post(e)
	}
	for _, it := range fresh {
		if err := credit(it.Bucket, it); err != nil {
			return Rebooking{}, err
		}
	}
	for _, bk := range approvedByStart(b.Requests) {
		old, ok := l.openDebit(bk.ID)
		if !ok {
			continue
		}
		without, err := l.Append(Entry{Kind: Reversal, PostedOn: on, LeaveType: old.LeaveType, Bucket: old.Bucket,
			Days: old.Days, Unit: old.Unit, RequestID: bk.ID, Start: old.Start, End: old.End})
		if err != nil {
			return Rebooking{}, err
		}
		d, err := CheckRequest(f, r, b.Calendar, without, b.Requests, Request{ID: bk.ID, LeaveType: bk.LeaveType, Start: bk.Start, Days: bk.Days})
		if err != nil {
			out.Flagged = append(out.Flagged, flagOf(bk.ID, err))
			continue
		}
		if d.Bucket == old.Bucket && d.End == old.End {
			continue
		}
		rev := without.entries[len(without.entries)-1]
		rev.Note = "事实更正：改记入新的假期额度"
		if err := post(rev); err != nil {
			return Rebooking{}, err
		}
		it := valid[d.Bucket]
		if it.Bucket == "" {
			it = Item{LeaveType: d.LeaveType, Bucket: d.Bucket, Entitled: d.Entitled, Unit: d.Unit}
		}
		if err := credit(d.Bucket, it); err != nil {
			return Rebooking{}, err
		}
		if err := post(DebitFor(d, bk.ID, on)); err != nil {
			return Rebooking{}, err
		}
		out.Moved = append(out.Moved, Moved{RequestID: bk.ID, From: old.Bucket, Decision: d})
	}
	return out, nil
}

// itemsByBucket are every entitlement the facts grant that a credit or an
// approved request may refer to: the fresh items, and the items of every
// day a fact or an approved request starts on.
func itemsByBucket(f Facts, r Rules, b Books, fresh []Item) (map[string]Item, error) {
	out := map[string]Item{}
	for _, it := range fresh {
		out[it.Bucket] = it
	}
	var days []Date
	for _, p := range f.Births {
		days = append(days, p.Birth.Date)
	}
	for _, m := range f.Miscarriages {
		days = append(days, m.Miscarriage.Date)
	}
	for _, bk := range b.Requests {
		days = append(days, bk.Start)
	}
	for _, d := range days {
		items, err := candidates(f, r, d)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			out[it.Bucket] = it
		}
	}
	return out, nil
}

// creditedBuckets lists each bucket with a credit once, in posting order,
// with the leave type and unit of its first credit.
func creditedBuckets(l Ledger) []Entry {
	seen := map[string]bool{}
	var out []Entry
	for _, e := range l.entries {
		if e.Kind == Credit && !seen[e.Bucket] {
			seen[e.Bucket] = true
			out = append(out, e)
		}
	}
	return out
}

func approvedByStart(bs []Booking) []Booking {
	var out []Booking
	for _, b := range bs {
		if b.Status == Approved {
			out = append(out, b)
		}
	}
	sort.SliceStable(out, func(i, k int) bool { return out[i].Start.Before(out[k].Start) })
	return out
}

func flagOf(id string, err error) Flagged {
	code, msg := Code(err), err.Error()
	var e *Error
	if errors.As(err, &e) {
		msg = e.Message
	}
	return Flagged{RequestID: id, Code: code, Message: "更正后的事实不再支持这次已批准的休假：" + msg}
}
