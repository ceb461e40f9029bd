package leave_test

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"leaveguard/leave"
)

// books is a simulated employee: her facts, ledger and requests, changed
// only the way the service changes them.
type books struct {
	t     *testing.T
	r     leave.Rules
	cal   leave.Calendar
	f     leave.Facts
	l     leave.Ledger
	reqs  []leave.Booking
	flags map[string]bool
	day   leave.Date // posting date, moving forward
	next  int
}

func (b *books) post(es ...leave.Entry) {
	b.t.Helper()
	for _, e := range es {
		var err error
		if b.l, err = b.l.Append(e); err != nil {
			b.t.Fatalf("append %+v: %v", e, err)
		}
	}
}

// fresh are the entitlements a birth on day grants, as recording it credits.
func (b *books) fresh(day leave.Date) []leave.Item {
	items, err := leave.Entitlements(b.f, b.r, leave.Books{Calendar: b.cal}, day)
	if err != nil {
		b.t.Fatal(err)
	}
	var out []leave.Item
	for _, it := range items {
		if (it.LeaveType == leave.LeaveMaternity || it.LeaveType == leave.LeaveParental) && it.Entitled > 0 {
			out = append(out, it)
		}
	}
	return out
}

func (b *books) record(day leave.Date, order int) {
	b.f.Births = append(b.f.Births, mustPlan(b.t, b.r, leave.Birth{Date: day, ChildOrder: order, Babies: 1, Parent: leave.Mother}))
	for _, it := range b.fresh(day) {
		if b.l.Balance(it.Bucket, leave.Date{}).Credited == 0 {
			b.post(leave.CreditFor(it, b.day))
		}
	}
}

func (b *books) correct(i int, day leave.Date) {
	old := b.f.Births[i].Birth
	old.Date = day
	b.f.Births[i] = mustPlan(b.t, b.r, old)
	rb, err := leave.Rebook(b.f, b.r, leave.Books{Ledger: b.l, Requests: b.reqs, Calendar: b.cal}, b.day, b.fresh(day))
	if err != nil {
		b.t.Fatal(err)
	}
	b.post(rb.Entries...)
	for _, m := range rb.Moved {
		for k := range b.reqs {
			if b.reqs[k].ID == m.RequestID {
				b.reqs[k].Bucket, b.reqs[k].End = m.Decision.Bucket, m.Decision.End
			}
		}
	}
	for _, fl := range rb.Flagged {
		b.flags[fl.RequestID] = true
	}
}

func (b *books) approve(start leave.Date, days int) {
	b.next++
	req := leave.Request{ID: "r" + strconv.Itoa(b.next), LeaveType: leave.LeaveParental, Start: start, Days: days}
	d, err := leave.CheckRequest(b.f, b.r, b.cal, b.l, b.reqs, req)
	if err != nil {
		return // refused, as the service refuses it
	}
	if b.l.Balance(d.Bucket, leave.Date{}).Credited == 0 {
		b.post(leave.Entry{Kind: leave.Credit, PostedOn: b.day, LeaveType: d.LeaveType, Bucket: d.Bucket, Days: d.Entitled, Unit: d.Unit})
	}
	b.post(leave.DebitFor(d, req.ID, b.day))
	b.reqs = append(b.reqs, leave.Booking{ID: req.ID, LeaveType: req.LeaveType, Start: d.Start, End: d.End, Days: d.Days,
		Bucket: d.Bucket, Status: leave.Approved})
}

func (b *books) cancel(k int) {
	if b.reqs[k].Status != leave.Approved {
		return
	}
	e, err := b.l.ReversalFor(b.reqs[k].ID, b.day)
	if err != nil {
		b.t.Fatal(err)
	}
	b.post(e)
	b.reqs[k].Status = leave.Cancelled
}

// check: every bucket still credited is an entitlement of the current facts
// with exactly its days, and its ledger balance is that entitlement minus
// the approved leave charged to it (flagged requests aside, which wait for HR).
func (b *books) check(step string) {
	b.t.Helper()
	valid := map[string]int{}
	for _, p := range b.f.Births {
		for _, it := range b.fresh(p.Birth.Date) {
			valid[it.Bucket] = it.Entitled
		}
	}
	for _, bk := range b.reqs {
		items, _ := leave.Entitlements(b.f, b.r, leave.Books{Calendar: b.cal}, bk.Start)
		for _, it := range items {
			valid[it.Bucket] = it.Entitled
		}
	}
	approved := map[string]int{}
	flagged := map[string]bool{}
	for _, bk := range b.reqs {
		if bk.Status == leave.Approved {
			approved[bk.Bucket] += bk.Days
			if b.flags[bk.ID] {
				flagged[bk.Bucket] = true
			}
		}
	}
	for _, e := range b.l.Entries() {
		bal := b.l.Balance(e.Bucket, leave.Date{})
		if bal.Credited == 0 || flagged[e.Bucket] {
			continue
		}
		entitled, ok := valid[e.Bucket]
		if !ok || bal.Credited != entitled {
			b.t.Fatalf("%s: bucket %s credited %d, the facts grant %d (known %v)", step, e.Bucket, bal.Credited, entitled, ok)
		}
		if bal.Available != entitled-approved[e.Bucket] {
			b.t.Fatalf("%s: bucket %s balance %d, want entitled %d - approved %d", step, e.Bucket, bal.Available, entitled, approved[e.Bucket])
		}
	}
}

// TestRebookProperty: random sequences of record, correct, approve and
// cancel keep the ledger's balance equal to the engine's entitlement minus
// the approved leave, in every bucket.
func TestRebookProperty(t *testing.T) {
	for seed := uint64(1); seed <= 50; seed++ {
		rng := rand.New(rand.NewPCG(seed, 7))
		b := &books{t: t, r: xam(), cal: leave.NewCalendar(), f: leave.Facts{Gender: leave.Female},
			flags: map[string]bool{}, day: d("2024-01-02")}
		b.record(d("2024-03-01").AddDays(rng.IntN(300)), 1)
		for step := 0; step < 25; step++ {
			b.day = b.day.AddDays(1 + rng.IntN(20))
			switch op := rng.IntN(10); {
			case op < 2 && len(b.f.Births) < 3:
				last := b.f.Births[len(b.f.Births)-1].Birth.Date
				b.record(last.AddDays(300+rng.IntN(400)), len(b.f.Births)+1)
			case op < 4:
				i := rng.IntN(len(b.f.Births))
				b.correct(i, b.f.Births[i].Birth.Date.AddDays(rng.IntN(61)-30))
			case op < 8:
				first := b.f.Births[0].Birth.Date
				b.approve(first.AddDays(rng.IntN(900)), 1+rng.IntN(4))
			default:
				if len(b.reqs) > 0 {
					b.cancel(rng.IntN(len(b.reqs)))
				}
			}
			b.check("seed " + strconv.FormatUint(seed, 10) + " step " + strconv.Itoa(step))
		}
	}
}

// TestRebookBirthMoved: a birth corrected from 03-10 to 03-12 withdraws
// the old maternity and parental credits, credits the new ones, and moves
// an approved parental leave to the new bucket (reversal, then debit).
func TestRebookBirthMoved(t *testing.T) {
	b := &books{t: t, r: xam(), cal: leave.NewCalendar(), f: leave.Facts{Gender: leave.Female}, flags: map[string]bool{}, day: d("2026-03-11")}
	b.record(d("2026-03-10"), 1)
	b.day = d("2026-11-01")
	b.approve(d("2026-11-02"), 2)
	b.day = d("2026-11-05")
	rb, err := leave.Rebook(b.f, b.r, leave.Books{Ledger: b.l, Requests: b.reqs, Calendar: b.cal}, b.day, nil)
	if err != nil || len(rb.Entries) != 0 {
		t.Fatalf("nothing changed, yet %d entries (%v)", len(rb.Entries), err)
	}
	b.correct(0, d("2026-03-12"))
	kinds := map[leave.EntryKind][]string{}
	for _, e := range b.l.Entries() {
		kinds[e.Kind] = append(kinds[e.Kind], e.Bucket)
	}
	if len(kinds[leave.Withdrawal]) != 2 || len(kinds[leave.Reversal]) != 1 || len(kinds[leave.Debit]) != 2 {
		t.Fatalf("entries by kind: %v", kinds)
	}
	if got := b.reqs[0].Bucket; got != "parental:birth:2026-03-12#1:2026-03-12" {
		t.Fatalf("request moved to %s", got)
	}
	b.check("after the correction")
}

// TestRebookFlagsWhatNoLongerFits: parental leave approved just after the
// maternity leave falls inside it once the birth is corrected two weeks
// later; it is flagged for HR, not rewritten.
func TestRebookFlagsWhatNoLongerFits(t *testing.T) {
	b := &books{t: t, r: xam(), cal: leave.NewCalendar(), f: leave.Facts{Gender: leave.Female}, flags: map[string]bool{}, day: d("2026-03-02")}
	b.record(d("2026-03-01"), 1) // maternity leave 2026-03-01..08-05
	b.day = d("2026-08-01")
	b.approve(d("2026-08-10"), 2)
	if len(b.reqs) != 1 {
		t.Fatal("the parental leave after the maternity leave was refused")
	}
	b.day = d("2026-08-05")
	b.correct(0, d("2026-03-15")) // maternity leave now until 08-19
	if !b.flags["r1"] || b.reqs[0].Status != leave.Approved {
		t.Fatalf("a leave inside the corrected maternity leave is not flagged (or was rewritten): %+v %v", b.reqs, b.flags)
	}
}
