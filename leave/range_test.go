package leave

import (
	"errors"
	"testing"
)

// TestEventDatesInRange: a birth or miscarriage outside MinYear..MaxYear is
// invalid input, not a plan whose later dates (nursing end, parental leave
// until the 3rd birthday) cannot be written back as YYYY-MM-DD (found by
// the API body fuzzers: birth_date 9999-12-31 gave a 500).
func TestEventDatesInRange(t *testing.T) {
	r := Rules{Book: DefaultRuleBook(), Region: "CN-NM-XAM"}
	for _, d := range []string{"9999-12-31", "9001-01-01"} {
		_, err := r.PlanBirth(Birth{Date: MustDate(d), ChildOrder: 1, Babies: 1, Parent: Mother})
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("birth on %s: %v; want ErrInvalid", d, err)
		}
		_, err = r.PlanMiscarriage(Miscarriage{Date: MustDate(d), GestationWeeks: 10})
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("miscarriage on %s: %v; want ErrInvalid", d, err)
		}
	}
	if _, err := r.PlanBirth(Birth{Date: MustDate("9000-06-30"), ChildOrder: 1, Babies: 1, Parent: Mother}); err != nil {
		t.Errorf("birth in %d: %v", MaxYear, err)
	}
}
