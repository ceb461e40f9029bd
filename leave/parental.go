package leave

import (
	"slices"
	"time"
)

// Parental leave periods.
//
// Each parent gets parental.days_per_year (10) per year until the child's
// 3rd birthday inclusive (民法典 第二百零一条、第二百零二条), or the day the
// child dies. "Year" is the calendar year (default) or
// the child's year of age (tenant setting). Interpretation: no rule found
// pro-rates a partial year, so with calendar years the year of birth and the
// year of the 3rd birthday each give the full 10 days (a child born in
// December gives 10 days in that December). With years of age there are
// exactly three periods. Per family (tenant setting) gives one allowance per
// period however many children are under 3; the periods then follow the
// youngest child under 3. A period's entitlement is judged by the rules in
// force on the as-of date; a birth beyond the policy's child order (4th+)
// gives none.

type kid struct {
	child Child
	until Date // the 3rd birthday, or the day the child died
}

func parentalItems(f Facts, r Rules, on Date) ([]Item, error) {
	pack, err := r.At(on)
	if err != nil {
		return nil, err
	}
	days, ok := pack.Get(KeyParentalDays)
	age, aok := pack.Get(KeyParentalUntilAge)
	if !ok || !aok || days.Value == 0 {
		return nil, nil
	}
	var kids []kid
	for _, c := range f.children() {
		until := c.BirthDate.AddYearsClamped(age.Value)
		if !c.DiedOn.IsZero() {
			until = earlier(until, c.DiedOn)
		}
		if c.BirthDate.IsZero() || on.Before(c.BirthDate) || on.After(until) {
			continue
		}
		if allowed, _, _ := regionalAllowed(pack, c.birthOrder); !allowed && pack.regional(days) {
			continue
		}
		kids = append(kids, kid{child: c, until: until})
	}
	if len(kids) == 0 {
		return nil, nil
	}
	s := pack.Settings
	basis := []Basis{days.Basis(), age.Basis(),
		settingBasis(pack, "parental_unit", string(s.ParentalUnit), string(DefaultSettings().ParentalUnit)),
		settingBasis(pack, "parental_year_basis", string(s.ParentalYearBasis), string(DefaultSettings().ParentalYearBasis)),
		settingBasis(pack, "parental_scope", string(s.ParentalScope), string(DefaultSettings().ParentalScope))}
	item := func(bucket, childID string, p Period) Item {
		return Item{LeaveType: LeaveParental, Bucket: bucket, ChildID: childID, Entitled: days.Value,
			Unit: s.ParentalUnit, Period: p, Basis: slices.Clone(basis)}
	}
	if s.ParentalScope == PerFamily {
		p := familyPeriod(kids, on, s.ParentalYearBasis)
		return []Item{item("parental:family:"+p.From.String(), "", p)}, nil
	}
	var items []Item
	for _, k := range kids {
		p := yearPeriod(k.child.BirthDate, k.until, on, s.ParentalYearBasis)
		items = append(items, item("parental:"+k.child.key()+":"+p.From.String(), k.child.key(), p))
	}
	return items, nil
}

// yearPeriod is the parental-leave year containing on, for a child born on
// birth whose entitlement ends on until.
func yearPeriod(birth, until, on Date, basis YearBasis) Period {
	if basis == ChildAgeYear {
		k := on.Year() - birth.Year() // completed years of age, adjusted below
		for k > 0 && birth.AddYearsClamped(k).After(on) {
			k--
		}
		if k > 0 && !birth.AddYearsClamped(k).Before(until) {
			k-- // the 3rd birthday is the last day of the 3rd year of age
		}
		from := birth.AddYearsClamped(k)
		to := birth.AddYearsClamped(k + 1).AddDays(-1)
		if to.AddDays(1).Equal(until) {
			to = until
		}
		return period(from, earlier(to, until))
	}
	from := later(NewDate(on.Year(), time.January, 1), birth)
	return period(from, earlier(NewDate(on.Year(), time.December, 31), until))
}

// familyPeriod is the per-family year containing on: the calendar year
// (clipped to the children's span), or the youngest child's year of age.
func familyPeriod(kids []kid, on Date, basis YearBasis) Period {
	youngest, first, last := kids[0], kids[0].child.BirthDate, kids[0].until
	for _, k := range kids[1:] {
		if k.child.BirthDate.After(youngest.child.BirthDate) {
			youngest = k
		}
		first, last = earlier(first, k.child.BirthDate), later(last, k.until)
	}
	if basis == ChildAgeYear {
		return yearPeriod(youngest.child.BirthDate, youngest.until, on, basis)
	}
	return yearPeriod(first, last, on, basis)
}

func earlier(a, b Date) Date {
	if b.Before(a) {
		return b
	}
	return a
}

func later(a, b Date) Date {
	if b.After(a) {
		return b
	}
	return a
}
