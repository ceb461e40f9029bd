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
// whose end is an estimate (a pregnancy with no birth recorded yet).
type PhaseSpan struct {
	Phase     Phase `json:"phase"`
	From      Date  `json:"from"`
	To        Date  `json:"to"`
	Estimated bool  `json:"estimated,omitempty"`
}

// Interval is one continuous protected interval: overlapping or adjacent
// phases of several events (a new pregnancy while nursing) merged.
type Interval struct {
	From      Date        `json:"from"`
	To        Date        `json:"to"` // last protected day
	Estimated bool        `json:"estimated"`
	Phases    []PhaseSpan `json:"phases"` // sorted by From; may overlap
}

// Contains reports whether d is in the interval.
func (iv Interval) Contains(d Date) bool { return !d.Before(iv.From) && !d.After(iv.To) }

// ProtectedIntervals returns the employee's merged protected intervals in
// date order. Only female employees are protected (三期). Each pregnancy is
// protected from ReportedOn; a birth's maternity leave and nursing period
// (to the day before the child's first birthday) follow; a miscarriage's
// protection ends on the last day of its leave. A pregnancy with no birth or
// miscarriage recorded within 310 days of its report is open: it is
// protected, estimated, until the day before the first birthday of a child
// born on the expected due date (or, with no due date, 280 days after the
// report).
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
		out = append(out, Interval{From: s.From, To: s.To, Estimated: s.Estimated, Phases: []PhaseSpan{s}})
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
			add(PhaseNursing, ml.End.AddDays(1), b.NursingPeriodEnd)
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
		if o, ok := outcomeOf(p, outs); ok {
			add(PhasePregnancy, p.ReportedOn, o.start.AddDays(-1))
			continue
		}
		due := p.ExpectedDueDate
		if due.IsZero() || due.Before(p.ReportedOn) {
			due = p.ReportedOn.AddDays(280)
		}
		spans = append(spans, PhaseSpan{Phase: PhasePregnancy, From: p.ReportedOn,
			To: due.AddYearsClamped(1).AddDays(-1), Estimated: true})
	}
	return spans
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
