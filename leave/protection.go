package leave

import (
	"encoding/json"
	"sort"
)

// Phase of a protected period (三期).
type Phase string

// Phases; PhaseNone marshals as JSON null.
const (
	PhaseNone           Phase = ""
	PhasePregnancy      Phase = "pregnancy"
	PhaseMaternityLeave Phase = "maternity_leave"
	PhaseNursing        Phase = "nursing"
)

// MarshalJSON writes PhaseNone as null.
func (p Phase) MarshalJSON() ([]byte, error) {
	if p == PhaseNone {
		return []byte("null"), nil
	}
	return json.Marshal(string(p))
}

// UnmarshalJSON reads null as PhaseNone.
func (p *Phase) UnmarshalJSON(b []byte) error {
	var s *string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*p = PhaseNone
	if s != nil {
		*p = Phase(*s)
	}
	return nil
}

// PhaseSpan is one phase from From to To inclusive. Estimated marks a span
// whose end is an estimate (a pregnancy with no birth recorded yet);
// FromEstimated one whose start is (expected due date − 280 days).
type PhaseSpan struct {
	Phase         Phase `json:"phase"`
	From          Date  `json:"from"`
	To            Date  `json:"to"`
	Estimated     bool  `json:"estimated,omitempty"`
	FromEstimated bool  `json:"from_estimated,omitempty"`
}

// Interval is one continuous protected interval: overlapping or adjacent
// phases of several events (a new pregnancy while nursing) merged.
type Interval struct {
	From          Date        `json:"from"`
	To            Date        `json:"to"` // last protected day
	Estimated     bool        `json:"estimated"`
	FromEstimated bool        `json:"from_estimated"`
	Phases        []PhaseSpan `json:"phases"` // sorted by From; may overlap
}

// Contains reports whether d is in the interval.
func (iv Interval) Contains(d Date) bool { return !d.Before(iv.From) && !d.After(iv.To) }

// ProtectedIntervals returns the employee's merged protected intervals in
// date order (rules.md §2). Only female employees are protected (三期).
// A pregnancy is protected from its start as a fact: the earliest of a
// medically confirmed start, the expected due date − 280 days (estimated)
// and the day it was reported. A birth's maternity leave and nursing period
// (to the child's first birthday inclusive; to the day a child dies when no
// other child of the birth under 1 remains; none after a stillbirth) follow;
// a miscarriage's protection ends on the last day of its leave. A pregnancy
// with no birth or miscarriage recorded within 310 days of its report is
// open: it is protected, estimated, until the first birthday of a child born
// on the expected due date (or, with no due date, 280 days after the report).
func ProtectedIntervals(f Facts) []Interval {
	if f.Gender != Female {
		return nil
	}
	spans := phaseSpans(f)
	sort.SliceStable(spans, func(i, k int) bool { return spans[i].From.Before(spans[k].From) })
	var out []Interval
	for _, s := range spans {
		n := len(out)
		if n > 0 && !s.From.After(out[n-1].To.AddDays(1)) {
			cur := &out[n-1]
			cur.Phases = append(cur.Phases, s)
			if !s.To.Before(cur.To) {
				cur.To, cur.Estimated = s.To, s.Estimated || (s.To.Equal(cur.To) && cur.Estimated)
			}
			continue
		}
		out = append(out, Interval{From: s.From, To: s.To, Estimated: s.Estimated, FromEstimated: s.FromEstimated,
			Phases: []PhaseSpan{s}})
	}
	return out
}

type outcome struct {
	date  Date // birth or miscarriage date
	start Date // when the pregnancy phase ends (leave start)
}

func phaseSpans(f Facts) []PhaseSpan {
	var spans []PhaseSpan
	var outs []outcome
	add := func(ph Phase, from, to Date) {
		if !from.IsZero() && !to.Before(from) {
			spans = append(spans, PhaseSpan{Phase: ph, From: from, To: to})
		}
	}
	for _, b := range f.Births {
		if ml := b.MaternityLeave; ml != nil {
			outs = append(outs, outcome{date: b.Birth.Date, start: ml.Start})
			add(PhaseMaternityLeave, ml.Start, ml.End)
			if end, _ := nursingUntil(f, b); !end.IsZero() {
				add(PhaseNursing, ml.End.AddDays(1), end)
			}
		}
	}
	for _, m := range f.Miscarriages {
		ml := m.MiscarriageLeave
		outs = append(outs, outcome{date: m.Miscarriage.Date, start: ml.Start})
		add(PhaseMaternityLeave, ml.Start, ml.End)
	}
	for _, p := range f.Pregnancies {
		if p.ReportedOn.IsZero() {
			continue
		}
		from, est := PregnancyStart(p)
		if o, ok := outcomeOf(p, outs); ok {
			if !o.start.After(from) {
				continue
			}
			spans = append(spans, PhaseSpan{Phase: PhasePregnancy, From: from, To: o.start.AddDays(-1), FromEstimated: est})
			continue
		}
		due := p.ExpectedDueDate
		if due.IsZero() || due.Before(p.ReportedOn) {
			due = p.ReportedOn.AddDays(280)
		}
		spans = append(spans, PhaseSpan{Phase: PhasePregnancy, From: from,
			To: due.AddYearsClamped(1), Estimated: true, FromEstimated: est})
	}
	return spans
}

// PregnancyDays is the obstetric length of a pregnancy: the expected due
// date is 280 days after its estimated start.
const PregnancyDays = 280

// PregnancyStart is the first protected day of pregnancy p: the earliest of
// its medically confirmed start, its expected due date − 280 days and the
// day it was reported. estimated is true when the due date decides it.
func PregnancyStart(p Pregnancy) (start Date, estimated bool) {
	start = p.ReportedOn
	if !p.ExpectedDueDate.IsZero() {
		if e := p.ExpectedDueDate.AddDays(-PregnancyDays); e.Before(start) {
			start, estimated = e, true
		}
	}
	if !p.ConfirmedStart.IsZero() && !p.ConfirmedStart.After(start) {
		start, estimated = p.ConfirmedStart, false
	}
	return start, estimated
}

// nursingUntil is the last nursing day of birth b: the first birthday, or
// the latest death date of its live children when all died before it
// (cut = true); zero after a stillbirth.
func nursingUntil(f Facts, b BirthPlan) (end Date, cut bool) {
	live := b.Birth.Live()
	if live == 0 {
		return Date{}, false
	}
	birthday := b.Birth.Date.AddYearsClamped(1)
	for i := 0; i < live; i++ {
		d := f.diedOn(b.Birth.Date, b.Birth.ChildOrder+i)
		if d.IsZero() || d.After(birthday) {
			return birthday, false
		}
		end = later(end, d)
	}
	return end, true
}

// outcomeOf is the first birth or miscarriage on or after the report and
// within 310 days of it (no pregnancy lasts longer after being known).
func outcomeOf(p Pregnancy, outs []outcome) (outcome, bool) {
	var best outcome
	found := false
	for _, o := range outs {
		if o.date.Before(p.ReportedOn) || p.ReportedOn.DaysUntil(o.date) > 310 {
			continue
		}
		if !found || o.date.Before(best.date) {
			best, found = o, true
		}
	}
	return best, found
}
