package leave

// PregnancyReviewDays is how many days before an estimated pregnancy start
// a dismissal check answers requires_review: dating a pregnancy from the
// due date is uncertain by about two weeks (rules.md §2).
const PregnancyReviewDays = 14

// Review codes: why a day outside every protected period still needs review.
const (
	ReviewPregnancyStart = "pregnancy_start_uncertain" // the 14 days before an estimated start
	ReviewInfantDeath    = "infant_death"              // after a child's death, before its 1st birthday
)

// reviewWindow is a span of days that is not protected for certain but on
// which a dismissal check needs a person's review. Anchor is the estimated
// pregnancy start, or the date the child would have turned 1.
type reviewWindow struct {
	From, To Date
	Code     string
	Anchor   Date
	DiedOn   Date
}

func reviewWindows(f Facts) []reviewWindow {
	if f.Gender != Female {
		return nil
	}
	var out []reviewWindow
	for _, p := range f.Pregnancies {
		if start, est := PregnancyStart(p); est && !start.IsZero() {
			out = append(out, reviewWindow{From: start.AddDays(-PregnancyReviewDays), To: start.AddDays(-1),
				Code: ReviewPregnancyStart, Anchor: start})
		}
	}
	for _, b := range f.Births {
		end, cut := nursingUntil(f, b)
		if !cut || b.MaternityLeave == nil {
			continue
		}
		birthday := b.Birth.Date.AddYearsClamped(1)
		from := later(end, b.MaternityLeave.End).AddDays(1)
		if !from.After(birthday) {
			out = append(out, reviewWindow{From: from, To: birthday, Code: ReviewInfantDeath, Anchor: birthday, DiedOn: end})
		}
	}
	return out
}

// reviewOn is the review window containing d, if any.
func reviewOn(f Facts, d Date) (reviewWindow, bool) {
	for _, w := range reviewWindows(f) {
		if !d.Before(w.From) && !d.After(w.To) {
			return w, true
		}
	}
	return reviewWindow{}, false
}
