package leave_test

import (
	"testing"

	"leaveguard/leave"
)

func parentalBucket(t *testing.T, f leave.Facts, asOf string) string {
	t.Helper()
	items, err := leave.Entitlements(f, xam(), leave.Books{}, d(asOf))
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.LeaveType == leave.LeaveParental {
			return it.Bucket
		}
	}
	t.Fatal("no parental item")
	return ""
}

func TestCheckRequest(t *testing.T) {
	dad := fatherFacts(t) // child born 2025-05-01
	dad.Marriages = []leave.Date{d("2026-09-01")}
	mum := motherFacts(t) // child born 2026-03-10, married 2025-05-20
	mum.Miscarriages = nil
	oldKid := leave.Facts{Gender: leave.Female, Children: []leave.Child{{BirthDate: d("2023-05-01"), Order: 1}}}
	fourth := leave.Facts{Gender: leave.Male, Births: []leave.BirthPlan{mustPlan(t, xam(), father("2026-03-10", 4))}}
	twins := father("2025-05-01", 1)
	twins.Babies = 2
	twinDad := leave.Facts{Gender: leave.Male, Births: []leave.BirthPlan{mustPlan(t, xam(), twins)}}
	onlyChild := leave.Facts{Gender: leave.Female, OnlyChild: true}
	misc := leave.Facts{Gender: leave.Female,
		Miscarriages: []leave.MiscarriagePlan{mustMiscarriage(t, xam(), leave.Miscarriage{Date: d("2026-04-10"), GestationWeeks: 10})}}
	bucket := parentalBucket(t, dad, "2026-06-01")
	debit8, _ := leave.NewLedger(leave.Entry{Kind: leave.Debit, PostedOn: d("2026-03-01"), Bucket: bucket, Days: 8, RequestID: "x"})
	reversed, _ := debit8.Append(leave.Entry{Kind: leave.Reversal, PostedOn: d("2026-03-05"), Bucket: bucket, Days: 8, RequestID: "x"})
	twinBucket := parentalBucket(t, twinDad, "2026-06-01")
	twinUsed, _ := leave.NewLedger(leave.Entry{Kind: leave.Debit, PostedOn: d("2026-03-01"), Bucket: twinBucket, Days: 10, RequestID: "t"})

	req := func(lt leave.LeaveType, start string, days int) leave.Request {
		return leave.Request{ID: "new", LeaveType: lt, Start: d(start), Days: days}
	}
	tests := []struct {
		name       string
		f          leave.Facts
		s          leave.Settings
		l          leave.Ledger
		booked     []leave.Booking
		r          leave.Request
		start, end string
		unit       leave.Unit
		want       error
		bucket     string
		note       bool
	}{
		{name: "parental_3_working_days_from_1008_ends_on_makeup_saturday", f: dad, r: req(leave.LeaveParental, "2026-10-08", 3),
			start: "2026-10-08", end: "2026-10-10", unit: leave.WorkingDays},
		{name: "parental_5_working_days_from_0928", f: dad, r: req(leave.LeaveParental, "2026-09-28", 5),
			start: "2026-09-28", end: "2026-10-09", unit: leave.WorkingDays},
		{name: "holiday_inside_working_day_leave_is_skipped", f: dad, r: req(leave.LeaveParental, "2026-09-30", 2),
			start: "2026-09-30", end: "2026-10-08", unit: leave.WorkingDays},
		{name: "holiday_inside_calendar_day_leave_counts", f: dad, r: req(leave.LeaveMarriage, "2026-09-24", 18),
			start: "2026-09-24", end: "2026-10-11", unit: leave.CalendarDays},
		{name: "tenant_counts_marriage_in_working_days", f: dad, s: leave.Settings{MarriageUnit: leave.WorkingDays},
			r: req(leave.LeaveMarriage, "2026-09-24", 3), start: "2026-09-24", end: "2026-09-29", unit: leave.WorkingDays},
		{name: "parental_starting_on_a_holiday_begins_on_next_working_day", f: dad, r: req(leave.LeaveParental, "2026-10-03", 1),
			start: "2026-10-08", end: "2026-10-08", unit: leave.WorkingDays},
		{name: "maternity_whole_plan", f: mum, r: req(leave.LeaveMaternity, "2026-03-10", 158),
			start: "2026-03-10", end: "2026-08-14", unit: leave.CalendarDays},
		{name: "maternity_one_day_too_many", f: mum, r: req(leave.LeaveMaternity, "2026-03-10", 159), want: leave.ErrExceedsEntitlement},
		{name: "maternity_requested_by_a_man", f: dad, r: req(leave.LeaveMaternity, "2026-03-10", 98), want: leave.ErrNotEligible},
		{name: "miscarriage_leave", f: misc, r: req(leave.LeaveMiscarriage, "2026-04-10", 15),
			start: "2026-04-10", end: "2026-04-24", unit: leave.CalendarDays},
		{name: "spousal_nursing_for_father", f: dad, r: req(leave.LeaveSpousalNursing, "2025-05-01", 25),
			start: "2025-05-01", end: "2025-05-25", unit: leave.CalendarDays},
		{name: "spousal_nursing_requested_by_a_woman", f: mum, r: req(leave.LeaveSpousalNursing, "2026-03-10", 5), want: leave.ErrNotEligible},
		{name: "parental_on_last_day_before_third_birthday", f: oldKid, r: req(leave.LeaveParental, "2026-04-30", 1),
			start: "2026-04-30", end: "2026-04-30", unit: leave.WorkingDays},
		{name: "parental_on_third_birthday", f: oldKid, r: req(leave.LeaveParental, "2026-05-01", 1), want: leave.ErrNotEligible},
		{name: "parental_running_past_third_birthday", f: oldKid, r: req(leave.LeaveParental, "2026-04-29", 3), want: leave.ErrNotEligible},
		{name: "parental_11_days", f: dad, r: req(leave.LeaveParental, "2026-06-01", 11), want: leave.ErrExceedsEntitlement},
		{name: "parental_after_8_taken", f: dad, l: debit8, r: req(leave.LeaveParental, "2026-06-01", 3), want: leave.ErrExceedsEntitlement},
		{name: "parental_2_left_after_8_taken", f: dad, l: debit8, r: req(leave.LeaveParental, "2026-06-01", 2),
			start: "2026-06-01", end: "2026-06-02", unit: leave.WorkingDays},
		{name: "parental_after_cancel_reversal", f: dad, l: reversed, r: req(leave.LeaveParental, "2026-06-01", 10),
			start: "2026-06-01", end: "2026-06-12", unit: leave.WorkingDays},
		{name: "pending_submitted_request_counts", f: dad, r: req(leave.LeaveParental, "2026-06-01", 3),
			booked: []leave.Booking{{ID: "p", LeaveType: leave.LeaveParental, Start: d("2026-07-01"), End: d("2026-07-10"),
				Days: 8, Bucket: bucket, Status: leave.Submitted}}, want: leave.ErrExceedsEntitlement},
		{name: "overlaps_approved_leave", f: dad, r: req(leave.LeaveParental, "2026-06-01", 3),
			booked: []leave.Booking{{ID: "m", LeaveType: leave.LeaveMarriage, Start: d("2026-06-03"), End: d("2026-06-20"),
				Status: leave.Approved}}, want: leave.ErrOverlaps},
		{name: "overlaps_submitted_leave_on_last_day", f: dad, r: req(leave.LeaveParental, "2026-06-01", 3),
			booked: []leave.Booking{{ID: "m", Start: d("2026-05-20"), End: d("2026-06-01"), Status: leave.Submitted}}, want: leave.ErrOverlaps},
		{name: "adjacent_leave_does_not_overlap", f: dad, r: req(leave.LeaveParental, "2026-06-01", 3),
			booked: []leave.Booking{{ID: "m", Start: d("2026-05-20"), End: d("2026-05-31"), Status: leave.Approved}},
			start:  "2026-06-01", end: "2026-06-03", unit: leave.WorkingDays},
		{name: "rejected_leave_does_not_block", f: dad, r: req(leave.LeaveParental, "2026-06-01", 3),
			booked: []leave.Booking{{ID: "m", Start: d("2026-06-01"), End: d("2026-06-20"), Status: leave.Rejected}},
			start:  "2026-06-01", end: "2026-06-03", unit: leave.WorkingDays},
		{name: "resubmitting_itself_does_not_overlap", f: dad, r: req(leave.LeaveParental, "2026-06-01", 3),
			booked: []leave.Booking{{ID: "new", Start: d("2026-06-01"), End: d("2026-06-03"), Status: leave.Submitted}},
			start:  "2026-06-01", end: "2026-06-03", unit: leave.WorkingDays},
		{name: "fourth_child_no_parental", f: fourth, r: req(leave.LeaveParental, "2026-06-01", 1), want: leave.ErrNotEligible},
		{name: "fourth_child_no_spousal_nursing", f: fourth, r: req(leave.LeaveSpousalNursing, "2026-03-10", 1), want: leave.ErrNotEligible},
		{name: "twins_first_child_bucket_first", f: twinDad, r: req(leave.LeaveParental, "2026-06-01", 10),
			start: "2026-06-01", end: "2026-06-12", unit: leave.WorkingDays, bucket: twinBucket},
		{name: "twins_second_child_bucket_when_first_used", f: twinDad, l: twinUsed, r: req(leave.LeaveParental, "2026-06-01", 10),
			start: "2026-06-01", end: "2026-06-12", unit: leave.WorkingDays, bucket: "parental:birth:2025-05-01#2:2026-01-01"},
		{name: "only_child_care_not_configured", f: onlyChild, r: req(leave.LeaveOnlyChildCare, "2026-06-01", 1), want: leave.ErrNotEligible},
		{name: "only_child_care_configured", f: onlyChild, s: leave.Settings{OnlyChildCareDays: 5},
			r: req(leave.LeaveOnlyChildCare, "2026-06-01", 5), start: "2026-06-01", end: "2026-06-05", unit: leave.CalendarDays},
		{name: "only_child_care_not_an_only_child", f: dad, s: leave.Settings{OnlyChildCareDays: 5},
			r: req(leave.LeaveOnlyChildCare, "2026-06-01", 1), want: leave.ErrNotEligible},
		{name: "marriage_before_registration", f: dad, r: req(leave.LeaveMarriage, "2026-08-31", 1), want: leave.ErrNotEligible},
		{name: "unknown_leave_type", f: dad, r: req("sabbatical", "2026-06-01", 1), want: leave.ErrUnknownLeaveType},
		{name: "zero_days", f: dad, r: req(leave.LeaveParental, "2026-06-01", 0), want: leave.ErrInvalid},
		{name: "unloaded_year_is_noted", f: dad, r: req(leave.LeaveParental, "2027-03-01", 2),
			start: "2027-03-01", end: "2027-03-02", unit: leave.WorkingDays, note: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := rulesIn("CN-NM-XAM", tc.s)
			dec, err := leave.CheckRequest(tc.f, r, leave.NewCalendar(), tc.l, tc.booked, tc.r)
			wantErr(t, err, tc.want)
			if tc.want != nil {
				return
			}
			if !dec.Start.Equal(d(tc.start)) || !dec.End.Equal(d(tc.end)) || dec.Unit != tc.unit || dec.Days != tc.r.Days {
				t.Errorf("decision = %s..%s %s (%d), want %s..%s %s", dec.Start, dec.End, dec.Unit, dec.Days, tc.start, tc.end, tc.unit)
			}
			if dec.Bucket == "" || len(dec.Basis) == 0 {
				t.Errorf("decision without bucket or basis: %+v", dec)
			}
			if tc.bucket != "" && dec.Bucket != tc.bucket {
				t.Errorf("bucket = %s, want %s", dec.Bucket, tc.bucket)
			}
			if (len(dec.Notes) > 0) != tc.note {
				t.Errorf("notes = %+v", dec.Notes)
			}
		})
	}
}

func TestEndDate(t *testing.T) {
	cal := leave.NewCalendar()
	for _, tc := range []struct {
		name       string
		unit       leave.Unit
		start, end string
		days       int
	}{
		{"calendar_days_across_national_day", leave.CalendarDays, "2026-09-30", "2026-10-09", 10},
		{"working_days_across_national_day", leave.WorkingDays, "2026-09-30", "2026-10-19", 10},
		{"calendar_days_across_new_year", leave.CalendarDays, "2026-12-30", "2027-01-02", 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := leave.EndDate(cal, tc.unit, d(tc.start), tc.days)
			if err != nil || !s.End.Equal(d(tc.end)) {
				t.Errorf("EndDate = %+v, %v; want %s", s, err, tc.end)
			}
		})
	}
	if _, err := leave.EndDate(cal, leave.CalendarDays, d("2026-01-01"), 0); err == nil {
		t.Error("0 days accepted")
	}
}
