package leave

import (
	"sync/atomic"
	"time"
)

// Festivals are the dates of a Gregorian year's lunar and solar-term
// holidays. 除夕 is the day before SpringFestival (the last day of the
// twelfth lunar month); the other 春节 days follow it.
type Festivals struct {
	SpringFestival Date // 正月初一
	Qingming       Date // the solar term 清明
	DragonBoat     Date // 端午, lunar 5/5
	MidAutumn      Date // 中秋, lunar 8/15
}

// FestivalSource gives year y's festival dates, ok false when it has none.
// The domain does no astronomy: the composition root passes lunar.Festivals.
type FestivalSource func(y int) (f Festivals, ok bool)

// holidayLaw is one version of 全国年节及纪念日放假办法, in force for the
// years from From on.
type holidayLaw struct {
	From       int
	Source     string
	Eve        bool // 除夕 is a day off
	Spring     int  // days off from 正月初一 on
	LabourDays int  // days off from 05-01 on
}

// holidayLaws, newest first. Before the 2008 version (the first with 清明, 端午
// and 中秋) a year without a schedule counts Monday–Friday.
var holidayLaws = []holidayLaw{
	{2025, "《全国年节及纪念日放假办法》（国务院令第793号修订，2025年1月1日起施行）", true, 3, 2},
	{2014, "《全国年节及纪念日放假办法》（国务院令第644号修订，2014年1月1日起施行）", false, 3, 1},
	{2008, "《全国年节及纪念日放假办法》（国务院令第513号修订，2008年1月1日起施行）", true, 2, 1},
}

// holidayLawFor is the version in force in year y, ok false before 2008.
func holidayLawFor(y int) (holidayLaw, bool) {
	for _, s := range holidayLaws {
		if y >= s.From {
			return s, true
		}
	}
	return holidayLaw{}, false
}

// statutory computes the statutory-only years of a Calendar on first use
// and keeps them, shared by the copies of a Calendar (a year's holidays
// depend only on the year). A computed year is never changed.
type statutory struct {
	source FestivalSource
	years  []atomic.Pointer[yearSchedule] // by year - MinYear; noStatutory: none
}

// noStatutory marks a year computed to have no statutory data.
var noStatutory = &yearSchedule{}

// year returns y's statutory holidays, or nil when there is no rule or no
// festival data for y (or y is outside MinYear..MaxYear).
func (st *statutory) year(y int) *yearSchedule {
	if st == nil || y < MinYear || y > MaxYear {
		return nil
	}
	p := &st.years[y-MinYear]
	s := p.Load()
	if s == nil {
		s = st.build(y) // two goroutines may both build: the same value
		if s == nil {
			s = noStatutory
		}
		p.Store(s)
	}
	if s == noStatutory {
		return nil
	}
	return s
}

func (st *statutory) build(y int) *yearSchedule {
	law, ok := holidayLawFor(y)
	if !ok {
		return nil
	}
	f, ok := st.source(y)
	if !ok {
		return nil
	}
	s := &yearSchedule{names: map[int]string{}, note: NoteStatutoryYear + "，依据" + law.Source}
	off := func(name string, from Date, n int) {
		for i := range n {
			d := from.AddDays(i)
			if d.Year() != y {
				continue
			}
			yd, shown := d.YearDay(), name
			if s.kinds[yd] == dayOff && s.names[yd] != name {
				shown = s.names[yd] + "、" + name // 国庆节、中秋节
			}
			s.kinds[yd], s.names[yd] = dayOff, shown
		}
	}
	off("元旦", NewDate(y, time.January, 1), 1)
	spring := f.SpringFestival
	if law.Eve {
		spring = spring.AddDays(-1)
	}
	off("春节", spring, law.Spring+boolInt(law.Eve))
	off("清明节", f.Qingming, 1)
	off("劳动节", NewDate(y, time.May, 1), law.LabourDays)
	off("端午节", f.DragonBoat, 1)
	off("国庆节", NewDate(y, time.October, 1), 3)
	off("中秋节", f.MidAutumn, 1)
	return s
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// WithStatutory returns a copy of c in which a year without an official
// schedule still has its statutory holidays (rules.md §1), with festival
// dates from source; only its 调休 make-up days are unknown, and counting
// results say so.
func (c Calendar) WithStatutory(source FestivalSource) Calendar {
	out := c
	out.statutory = &statutory{source: source, years: make([]atomic.Pointer[yearSchedule], MaxYear-MinYear+1)}
	return out
}
