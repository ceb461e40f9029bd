package leave

import "sort"

// Request is a leave request as submitted (api.md POST /leave-requests).
// ChildID optionally picks the child a parental-leave request is charged to.
type Request struct {
	ID        string    `json:"id,omitempty"`
	LeaveType LeaveType `json:"leave_type"`
	Start     Date      `json:"start"`
	Days      int       `json:"days"`
	ChildID   string    `json:"child_id,omitempty"`
}

// Status of a stored leave request.
type Status string

// Request statuses; only Submitted and Approved block other requests.
const (
	Submitted Status = "submitted"
	Approved  Status = "approved"
	Rejected  Status = "rejected"
	Cancelled Status = "cancelled"
)

// Booking is another request of the same employee, as stored: Bucket is
// the Decision.Bucket it was charged to.
type Booking struct {
	ID        string    `json:"id"`
	LeaveType LeaveType `json:"leave_type"`
	Start     Date      `json:"start"`
	End       Date      `json:"end"`
	Days      int       `json:"days"`
	Bucket    string    `json:"bucket"`
	Status    Status    `json:"status"`
}

// Decision is an accepted request: its dates, counting unit, the bucket it
// is charged to and what remains of that bucket after it.
type Decision struct {
	LeaveType      LeaveType `json:"leave_type"`
	Start          Date      `json:"start"` // first leave day (first working day for working-day leave)
	End            Date      `json:"end"`
	Days           int       `json:"days"`
	Unit           Unit      `json:"unit"`
	Bucket         string    `json:"bucket"`
	Entitled       int       `json:"entitled"`
	RemainingAfter int       `json:"remaining_after"`
	Notes          []Note    `json:"notes,omitempty"`
	Basis          []Basis   `json:"basis"`
}

// EndDate returns the leave span of days of unit beginning at start:
// calendar days end on start+days-1 (holidays inside count as leave days);
// working days skip weekends and holidays and count make-up working days.
func EndDate(cal Calendar, unit Unit, start Date, days int) (Span, error) {
	if unit == WorkingDays {
		return cal.AddWorkingDays(start, days)
	}
	if !inRange(start) {
		return Span{}, fail(ErrInvalid, "start", "缺少开始日期或日期超出%d至%d年", MinYear, MaxYear)
	}
	if days < 1 || days > MaxLeaveDays {
		return Span{}, fail(ErrInvalid, "days", "天数应在1至%d之间", MaxLeaveDays)
	}
	return Span{Start: start, End: start.AddDays(days - 1)}, nil
}

// CheckRequest decides whether req can be granted: the employee must have an
// entitlement of that type whose period holds the whole leave
// (ErrNotEligible), the leave must not overlap another submitted or approved
// booking (ErrOverlaps), and the days must not exceed what remains of the
// entitlement after the ledger and the other submitted requests of the same
// bucket (ErrExceedsEntitlement). Where several entitlements qualify (two
// children under 3), the one whose period ends first is used.
func CheckRequest(f Facts, r Rules, cal Calendar, l Ledger, booked []Booking, req Request) (Decision, error) {
	if _, err := ParseLeaveType(string(req.LeaveType)); err != nil {
		return Decision{}, err
	}
	all, err := candidates(f, r, req.Start)
	if err != nil {
		return Decision{}, err
	}
	var items []Item
	for _, it := range all {
		if it.LeaveType == req.LeaveType && it.Entitled > 0 && it.Period.Contains(req.Start) &&
			(req.ChildID == "" || it.ChildID == req.ChildID) {
			items = append(items, it)
		}
	}
	if len(items) == 0 {
		return Decision{}, fail(ErrNotEligible, "leave_type", "%s", notEligible(f, req.LeaveType))
	}
	sort.SliceStable(items, func(i, k int) bool { return endsBefore(items[i].Period, items[k].Period) })
	span, err := EndDate(cal, items[0].Unit, req.Start, req.Days)
	if err != nil {
		return Decision{}, err
	}
	if err := checkOverlap(booked, req.ID, span); err != nil {
		return Decision{}, err
	}
	if err := checkRecorded(f, req.LeaveType, span); err != nil {
		return Decision{}, err
	}
	return pickBucket(items, l, booked, req, span)
}

func endsBefore(a, b Period) bool {
	switch {
	case a.To == nil:
		return false
	case b.To == nil:
		return true
	}
	return a.To.Before(*b.To)
}

func checkOverlap(booked []Booking, id string, span Span) error {
	for _, b := range booked {
		if b.ID == id || (b.Status != Submitted && b.Status != Approved) {
			continue
		}
		if !b.Start.After(span.End) && !span.Start.After(b.End) {
			return fail(ErrOverlaps, "start", "与已%s的%s（%s 至 %s）时间重叠",
				statusLabel(b.Status), b.LeaveType.Label(), b.Start, b.End)
		}
	}
	return nil
}

// checkRecorded refuses a leave overlapping the maternity or miscarriage
// leave of a recorded birth or miscarriage, even one never entered as a
// request (rules.md §1). A maternity (miscarriage) request is that leave.
func checkRecorded(f Facts, t LeaveType, span Span) error {
	if f.Gender != Female {
		return nil
	}
	hit := func(kind LeaveType, event string, s, e Date) error {
		if t == kind || s.After(span.End) || span.Start.After(e) {
			return nil
		}
		return fail(ErrOverlaps, "start", "与%s %s 的%s（%s 至 %s）时间重叠：产假期间不能再休其他假期，请改在 %s 之后申请",
			event, s, kind.Label(), s, e, e)
	}
	for _, b := range f.Births {
		if ml := b.MaternityLeave; ml != nil {
			if err := hit(LeaveMaternity, "已登记分娩（分娩日 "+b.Birth.Date.String()+"）", ml.Start, ml.End); err != nil {
				return err
			}
		}
	}
	for _, m := range f.Miscarriages {
		ml := m.MiscarriageLeave
		if err := hit(LeaveMiscarriage, "已登记流产", ml.Start, ml.End); err != nil {
			return err
		}
	}
	return nil
}

func statusLabel(s Status) string {
	if s == Approved {
		return "批准"
	}
	return "提交"
}

func pickBucket(items []Item, l Ledger, booked []Booking, req Request, span Span) (Decision, error) {
	best, beyond := 0, (*Date)(nil)
	for _, it := range items {
		remaining := it.Entitled - l.Balance(it.Bucket, Date{}).Taken - pending(booked, it.Bucket, req.ID)
		if req.Days > remaining {
			best = max(best, remaining)
			continue
		}
		if it.Period.To != nil && span.End.After(*it.Period.To) {
			beyond = it.Period.To
			continue
		}
		d := Decision{LeaveType: req.LeaveType, Start: span.Start, End: span.End, Days: req.Days, Unit: it.Unit,
			Bucket: it.Bucket, Entitled: it.Entitled, RemainingAfter: remaining - req.Days, Basis: it.Basis}
		if span.Note != "" {
			d.Notes = append(d.Notes, Note{Code: "calendar_year_not_loaded", Message: span.Note})
		}
		return d, nil
	}
	if beyond != nil {
		return Decision{}, fail(ErrNotEligible, "days", "休假结束日 %s 超出可休期间（至 %s），请缩短或分段申请",
			span.End, *beyond)
	}
	return Decision{}, fail(ErrExceedsEntitlement, "days", "%s剩余%d天，申请%d天", req.LeaveType.Label(), max(best, 0), req.Days)
}

func pending(booked []Booking, bucket, id string) int {
	n := 0
	for _, b := range booked {
		if b.Status == Submitted && b.Bucket == bucket && b.ID != id {
			n += b.Days
		}
	}
	return n
}

func notEligible(f Facts, t LeaveType) string {
	switch {
	case t == LeaveMaternity && f.Gender != Female:
		return "产假仅适用于女职工（配偶生育可申请配偶护理假）"
	case t == LeaveMaternity:
		return "没有登记的分娩记录，或开始日期不在产假期间内（产前休假请在登记分娩时填写产假开始日期）"
	case t == LeaveMiscarriage && f.Gender != Female:
		return "流产假仅适用于女职工"
	case t == LeaveMiscarriage:
		return "没有登记的流产记录，或开始日期不在流产假期间内"
	case t == LeaveSpousalNursing && f.Gender != Male:
		return "配偶护理假适用于配偶生育的男职工"
	case t == LeaveSpousalNursing:
		return "没有配偶分娩记录，或不在可休期间（子女出生至满一周岁之日），或该子女不在地方政策范围内"
	case t == LeaveParental:
		return "没有三周岁以下的子女（育儿假至子女三周岁生日当日），或子女孩次不在地方政策范围内"
	case t == LeaveMarriage:
		return "开始日期前没有登记结婚记录（婚假自依法登记结婚之日起可休）"
	case t == LeaveOnlyChildCare && !f.OnlyChild:
		return "员工未登记为独生子女，不适用独生子女父母护理假"
	case t == LeaveOnlyChildCare:
		return "单位尚未设置独生子女父母护理假天数"
	}
	return "不符合申请条件"
}
