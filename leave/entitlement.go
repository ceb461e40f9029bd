package leave

import (
	"slices"
	"time"
)

// Period is the window in which an entitlement can be taken; To is nil
// when open-ended (marriage leave).
type Period struct {
	From Date  `json:"from"`
	To   *Date `json:"to"`
}

// Contains reports whether d falls in the period.
func (p Period) Contains(d Date) bool {
	return !d.Before(p.From) && (p.To == nil || !d.After(*p.To))
}

func period(from, to Date) Period { return Period{From: from, To: &to} }

// Item is one entitlement of one employee as of a date (api.md
// GET .../entitlements). Bucket is the ledger key of the entitlement.
type Item struct {
	LeaveType LeaveType `json:"leave_type"`
	Bucket    string    `json:"bucket"`
	Entitled  int       `json:"entitled"`
	Taken     int       `json:"taken"`     // approved leave on or before the as-of date
	Booked    int       `json:"booked"`    // approved leave after the as-of date
	Pending   int       `json:"pending"`   // submitted requests not yet decided
	Remaining int       `json:"remaining"` // Entitled - Taken - Booked`
	Unit      Unit      `json:"unit"`
	Period    Period    `json:"period"`
	ChildID   string    `json:"child_id,omitempty"` // parental leave per child
	Basis     []Basis   `json:"basis"`
}

// Books are what has been done with the entitlements: the ledger of
// approvals and cancellations, the requests still waiting for a decision,
// and the calendar that counts working days.
type Books struct {
	Ledger   Ledger
	Requests []Booking
	Calendar Calendar
}

// Entitlements returns the employee's entitlements as of asOf: those whose
// period has not ended (current or still to come), with balances by leave
// dates (rules.md "Balances"): Taken counts the approved leave days on or
// before asOf, Booked those after it, Pending the submitted requests, and
// Remaining = Entitled - Taken - Booked. When a leave was approved (its
// posting date) does not matter: a back-dated approval counts in the days
// of the leave. Entitled comes from the rules (the frozen birth and
// miscarriage plans in f, the packs of r), never from an edited counter.
func Entitlements(f Facts, r Rules, b Books, asOf Date) ([]Item, error) {
	if asOf.IsZero() {
		return nil, fail(ErrInvalid, "as_of", "缺少查询日期")
	}
	all, err := candidates(f, r, asOf)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, it := range all {
		if it.Period.To != nil && it.Period.To.Before(asOf) {
			continue
		}
		it.Taken, it.Booked = b.Ledger.ByLeaveDates(it.Bucket, asOf, b.Calendar)
		it.Pending = pending(b.Requests, it.Bucket, "")
		it.Remaining = it.Entitled - it.Taken - it.Booked
		out = append(out, it)
	}
	return out, nil
}

// candidates lists every entitlement the facts give on day on (parental and
// only-child care: the yearly period containing on).
func candidates(f Facts, r Rules, on Date) ([]Item, error) {
	s, err := r.Settings.Normalize()
	if err != nil {
		return nil, err
	}
	items := birthItems(f, s)
	parental, err := parentalItems(f, r, on)
	if err != nil {
		return nil, err
	}
	items = append(items, parental...)
	marriage, err := marriageItems(f, r, on)
	if err != nil {
		return nil, err
	}
	items = append(items, marriage...)
	if f.OnlyChild {
		it, err := onlyChildItem(r, on)
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, nil
}

// birthItems are the maternity, miscarriage and spousal-nursing leaves of
// the recorded plans.
func birthItems(f Facts, s Settings) []Item {
	var items []Item
	for _, p := range f.Births {
		d := p.Birth.Date.String()
		if ml := p.MaternityLeave; ml != nil && f.Gender == Female {
			var basis []Basis
			for _, c := range ml.Components {
				basis = append(basis, c.Basis...)
			}
			items = append(items, Item{LeaveType: LeaveMaternity, Bucket: "maternity:" + d, Entitled: ml.Days,
				Unit: CalendarDays, Period: period(ml.Start, ml.End), Basis: basis})
		}
		if sn := p.SpousalNursingLeave; sn != nil && sn.Days > 0 && f.Gender == Male {
			b := Basis{RuleID: "leaveguard/spousal_nursing.window", Source: "LeaveGuard解读", Jurisdiction: p.Region,
				Note: "法规未规定配偶护理假的休假时限，LeaveGuard显示至子女满一周岁之日"}
			items = append(items, Item{LeaveType: LeaveSpousalNursing, Bucket: "spousal_nursing:" + d,
				Entitled: sn.Days, Unit: s.SpousalNursingUnit,
				Period: period(p.Birth.Date, p.Birth.Date.AddYearsClamped(1)),
				Basis:  append(slices.Clone(sn.Basis), b)})
		}
	}
	for _, m := range f.Miscarriages {
		if f.Gender != Female {
			continue
		}
		ml := m.MiscarriageLeave
		items = append(items, Item{LeaveType: LeaveMiscarriage, Bucket: "miscarriage:" + m.Miscarriage.Date.String(),
			Entitled: ml.Days, Unit: CalendarDays, Period: period(ml.Start, ml.End), Basis: ml.Basis})
	}
	return items
}

// marriageItems: national + regional marriage leave for each marriage
// registered on or before on, judged by the rules in force on the
// registration date. Open-ended: no rule found limits when it is taken.
func marriageItems(f Facts, r Rules, on Date) ([]Item, error) {
	var items []Item
	for _, m := range f.Marriages {
		if m.IsZero() || m.After(on) {
			continue
		}
		pack, err := r.At(m)
		if err != nil {
			return nil, err
		}
		it := Item{LeaveType: LeaveMarriage, Bucket: "marriage:" + m.String(), Unit: pack.Settings.MarriageUnit,
			Period: Period{From: m}}
		for _, key := range []string{KeyMarriageBase, KeyMarriageExtension} {
			if p, ok := pack.Get(key); ok {
				it.Entitled += p.Value
				it.Basis = append(it.Basis, p.Basis())
			}
		}
		it.Basis = append(it.Basis, settingBasis(pack, "marriage_unit", string(it.Unit), string(CalendarDays)))
		items = append(items, it)
	}
	return items, nil
}

// onlyChildItem: the tenant-set yearly days of 独生子女父母护理假 (calendar
// year). With no days set the item shows 0 and says it is not configured.
func onlyChildItem(r Rules, on Date) (Item, error) {
	pack, err := r.At(on)
	if err != nil {
		return Item{}, err
	}
	y := on.Year()
	it := Item{LeaveType: LeaveOnlyChildCare, Bucket: "only_child_care:" + itoa(y), Unit: pack.Settings.OnlyChildCareUnit,
		Period: period(NewDate(y, time.January, 1), NewDate(y, time.December, 31))}
	p, ok := pack.Get(KeyOnlyChildCare)
	if !ok {
		it.Basis = []Basis{noRule(pack, KeyOnlyChildCare, "单位尚未设置独生子女父母护理假天数")}
		return it, nil
	}
	it.Entitled = p.Value
	it.Basis = []Basis{p.Basis()}
	return it, nil
}
