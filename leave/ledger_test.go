package leave_test

import (
	"testing"

	"leaveguard/leave"
)

const bucket = "parental:birth:2025-05-01#1:2026-01-01"

func sampleLedger(t *testing.T) leave.Ledger {
	t.Helper()
	l, err := leave.NewLedger(
		leave.Entry{Kind: leave.Credit, PostedOn: d("2026-01-01"), LeaveType: leave.LeaveParental, Bucket: bucket, Days: 10},
		leave.Entry{Kind: leave.Debit, PostedOn: d("2026-03-02"), LeaveType: leave.LeaveParental, Bucket: bucket, Days: 3, RequestID: "r1"},
		leave.Entry{Kind: leave.Debit, PostedOn: d("2026-05-11"), LeaveType: leave.LeaveParental, Bucket: bucket, Days: 2, RequestID: "r2"},
		leave.Entry{Kind: leave.Reversal, PostedOn: d("2026-05-20"), LeaveType: leave.LeaveParental, Bucket: bucket, Days: 2, RequestID: "r2"},
		leave.Entry{Kind: leave.Debit, PostedOn: d("2026-06-01"), LeaveType: leave.LeaveMarriage, Bucket: "marriage:2026-05-20", Days: 18, RequestID: "r3"},
	)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLedgerBalanceAsOf(t *testing.T) {
	l := sampleLedger(t)
	tests := []struct {
		name      string
		asOf      string
		taken     int
		available int
		reversed  int
	}{
		{"before_credit", "2025-12-31", 0, 0, 0},
		{"credit_day", "2026-01-01", 0, 10, 0},
		{"day_before_first_debit", "2026-03-01", 0, 10, 0},
		{"first_debit_day", "2026-03-02", 3, 7, 0},
		{"second_debit", "2026-05-11", 5, 5, 0},
		{"day_before_reversal", "2026-05-19", 5, 5, 0},
		{"reversal_gives_back", "2026-05-20", 3, 7, 2},
		{"other_buckets_ignored", "2026-12-31", 3, 7, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := l.Balance(bucket, d(tc.asOf))
			if b.Taken != tc.taken || b.Available != tc.available || b.Reversed != tc.reversed {
				t.Errorf("balance = %+v, want taken %d available %d reversed %d", b, tc.taken, tc.available, tc.reversed)
			}
		})
	}
	if all := l.Balance(bucket, leave.Date{}); all.Taken != 3 {
		t.Errorf("zero as-of folds everything: %+v", all)
	}
}

func TestLedgerIsAppendOnly(t *testing.T) {
	l := sampleLedger(t)
	before := len(l.Entries())
	l2, err := l.Append(leave.Entry{Kind: leave.Debit, PostedOn: d("2026-07-01"), Bucket: bucket, Days: 1, RequestID: "r4"})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Entries()) != before || len(l2.Entries()) != before+1 {
		t.Error("Append changed the original ledger")
	}
	es := l2.Entries()
	es[0].Days = 99
	if l2.Entries()[0].Days == 99 {
		t.Error("Entries exposes the internal slice")
	}
	// Two appends on the same base must not share storage.
	a, _ := l.Append(leave.Entry{Kind: leave.Credit, PostedOn: d("2026-07-01"), Bucket: "a", Days: 1})
	b, _ := l.Append(leave.Entry{Kind: leave.Credit, PostedOn: d("2026-07-01"), Bucket: "b", Days: 1})
	if a.Entries()[before].Bucket != "a" || b.Entries()[before].Bucket != "b" {
		t.Error("appends on one base clobbered each other")
	}
}

func TestLedgerRejects(t *testing.T) {
	l := sampleLedger(t)
	tests := []struct {
		name string
		e    leave.Entry
	}{
		{"reversal_of_unknown_request", leave.Entry{Kind: leave.Reversal, PostedOn: d("2026-07-01"), Bucket: bucket, Days: 3, RequestID: "nope"}},
		{"second_reversal", leave.Entry{Kind: leave.Reversal, PostedOn: d("2026-07-01"), Bucket: bucket, Days: 2, RequestID: "r2"}},
		{"reversal_other_days", leave.Entry{Kind: leave.Reversal, PostedOn: d("2026-07-01"), Bucket: bucket, Days: 1, RequestID: "r1"}},
		{"debit_twice", leave.Entry{Kind: leave.Debit, PostedOn: d("2026-07-01"), Bucket: bucket, Days: 1, RequestID: "r1"}},
		{"debit_without_request", leave.Entry{Kind: leave.Debit, PostedOn: d("2026-07-01"), Bucket: bucket, Days: 1}},
		{"zero_days", leave.Entry{Kind: leave.Credit, PostedOn: d("2026-07-01"), Bucket: bucket}},
		{"no_bucket", leave.Entry{Kind: leave.Credit, PostedOn: d("2026-07-01"), Days: 1}},
		{"no_date", leave.Entry{Kind: leave.Credit, Bucket: bucket, Days: 1}},
		{"unknown_kind", leave.Entry{Kind: "edit", PostedOn: d("2026-07-01"), Bucket: bucket, Days: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := l.Append(tc.e)
			wantErr(t, err, leave.ErrLedger)
		})
	}
}

func TestLedgerHelpers(t *testing.T) {
	l := sampleLedger(t)
	rev, err := l.ReversalFor("r1", d("2026-08-01"))
	if err != nil {
		t.Fatal(err)
	}
	l2, err := l.Append(rev)
	if err != nil {
		t.Fatal(err)
	}
	if b := l2.Balance(bucket, d("2026-08-01")); b.Taken != 0 || b.Available != 10 {
		t.Errorf("after cancelling r1: %+v", b)
	}
	if _, err := l2.ReversalFor("r1", d("2026-08-02")); err == nil {
		t.Error("r1 reversed twice")
	}
	item := leave.Item{LeaveType: leave.LeaveMarriage, Bucket: "marriage:2026-05-20", Entitled: 18, Unit: leave.CalendarDays}
	if c := leave.CreditFor(item, d("2026-05-20")); c.Kind != leave.Credit || c.Days != 18 || c.Bucket != item.Bucket {
		t.Errorf("credit = %+v", c)
	}
	dec := leave.Decision{LeaveType: leave.LeaveParental, Bucket: bucket, Days: 2, Start: d("2026-09-01"), End: d("2026-09-02")}
	if e := leave.DebitFor(dec, "r9", d("2026-08-20")); e.Kind != leave.Debit || e.RequestID != "r9" || e.Days != 2 {
		t.Errorf("debit = %+v", e)
	}
}
