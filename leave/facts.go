package leave

import "strconv"

// LeaveType is a kind of statutory family leave.
type LeaveType string

// Leave types (api.md).
const (
	LeaveMaternity      LeaveType = "maternity"       // 产假
	LeaveMiscarriage    LeaveType = "miscarriage"     // 流产假
	LeaveSpousalNursing LeaveType = "spousal_nursing" // 配偶护理假
	LeaveParental       LeaveType = "parental"        // 育儿假
	LeaveMarriage       LeaveType = "marriage"        // 婚假
	LeaveOnlyChildCare  LeaveType = "only_child_care" // 独生子女父母护理假
)

// LeaveTypes returns every leave type in display order.
func LeaveTypes() []LeaveType {
	return []LeaveType{LeaveMaternity, LeaveMiscarriage, LeaveSpousalNursing, LeaveParental, LeaveMarriage, LeaveOnlyChildCare}
}

// ParseLeaveType returns s as a LeaveType, or ErrUnknownLeaveType.
func ParseLeaveType(s string) (LeaveType, error) {
	for _, t := range LeaveTypes() {
		if string(t) == s {
			return t, nil
		}
	}
	return "", fail(ErrUnknownLeaveType, "leave_type", "未知假期类型 %q", s)
}

// Label returns the Chinese name of t.
func (t LeaveType) Label() string {
	switch t {
	case LeaveMaternity:
		return "产假"
	case LeaveMiscarriage:
		return "流产假"
	case LeaveSpousalNursing:
		return "配偶护理假"
	case LeaveParental:
		return "育儿假"
	case LeaveMarriage:
		return "婚假"
	case LeaveOnlyChildCare:
		return "独生子女父母护理假"
	}
	return string(t)
}

// Gender of an employee.
type Gender string

// Genders.
const (
	Female Gender = "female"
	Male   Gender = "male"
)

// Pregnancy is a pregnancy reported to the employer (or medically confirmed)
// on ReportedOn. ExpectedDueDate may be zero if unknown. ConfirmedStart is a
// medically confirmed start of the pregnancy, when the facts have one.
type Pregnancy struct {
	ReportedOn      Date `json:"reported_on"`
	ExpectedDueDate Date `json:"expected_due_date,omitzero"`
	ConfirmedStart  Date `json:"confirmed_start,omitzero"`
}

// Death is the death of a live-born child of a recorded birth, identified
// by the birth date and the child's birth order.
type Death struct {
	BirthDate Date `json:"birth_date"`
	Order     int  `json:"child_order"`
	DiedOn    Date `json:"died_on"`
}

// Child is a child of the employee whose birth is not among Facts.Births
// (e.g. born before the employee joined). Order is the child's birth order
// (1 = first child; 0 = unknown, treated as within the policy).
type Child struct {
	ID        string `json:"id,omitempty"`
	BirthDate Date   `json:"birth_date"`
	Order     int    `json:"order,omitempty"`
	DiedOn    Date   `json:"died_on,omitzero"`

	birthOrder int // order of the birth the child came from (twins share it)
}

// key identifies the child in ledger buckets.
func (c Child) key() string {
	if c.ID != "" {
		return c.ID
	}
	return c.BirthDate.String() + "#" + strconv.Itoa(c.Order)
}

// Facts is what the store knows about one employee, loaded by the caller.
// Births and Miscarriages are the plans computed when each event was
// recorded (a decision, once taken, is itself a fact): for a woman, births
// she gave; for a man, births his spouse gave.
type Facts struct {
	Gender       Gender            `json:"gender"`
	OnlyChild    bool              `json:"only_child"` // the employee is an only child (独生子女)
	ContractEnd  Date              `json:"contract_end,omitzero"`
	Pregnancies  []Pregnancy       `json:"pregnancies"`
	Births       []BirthPlan       `json:"births"`
	Miscarriages []MiscarriagePlan `json:"miscarriages"`
	Marriages    []Date            `json:"marriages"` // registration dates
	Children     []Child           `json:"children"`  // children not in Births
	Deaths       []Death           `json:"deaths,omitempty"`
}

// diedOn is the death date of the child of order n born on birth, or zero.
func (f Facts) diedOn(birth Date, n int) Date {
	for _, x := range f.Deaths {
		if x.BirthDate.Equal(birth) && x.Order == n {
			return x.DiedOn
		}
	}
	return Date{}
}

// children returns all live-born children: those of Births (one per baby
// not born dead) and Children, with their death dates.
func (f Facts) children() []Child {
	var out []Child
	for _, p := range f.Births {
		for i := 0; i < p.Birth.Live(); i++ {
			order := p.Birth.ChildOrder
			if order > 0 {
				order += i
			}
			id := "birth:" + p.Birth.Date.String() + "#" + strconv.Itoa(i+1)
			out = append(out, Child{ID: id, BirthDate: p.Birth.Date, Order: order, birthOrder: p.Birth.ChildOrder,
				DiedOn: f.diedOn(p.Birth.Date, order)})
		}
	}
	for _, c := range f.Children {
		c.birthOrder = c.Order
		out = append(out, c)
	}
	return out
}
