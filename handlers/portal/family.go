package portal

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
)

// Roles of the family-event pages (as the API's): pregnancy, birth and
// miscarriage facts are sensitive, so payroll does not read them.
var (
	familyReaders = []string{auth.Admin, auth.HR, auth.Auditor}
	familyWriters = []string{auth.Admin, auth.HR}
)

// familyField is one input of a family-event form.
type familyField struct {
	Name, Label, Type, Hint string
	Options                 [][2]string // value, label (a select)
}

// familyKind is one family-event form: 怀孕, 分娩, 流产 or 结婚.
type familyKind struct {
	Key, Title, Intro, Submit string
	FemaleOnly                bool
	Sensitive                 bool // a sensitive fact: the form asks whether she was informed
	Fields                    []familyField
}

var yesNo = [][2]string{{"false", "否"}, {"true", "是"}}

// familyKinds are the forms, by the path segment that names them.
var familyKinds = map[string]familyKind{
	"pregnancies": {Key: "pregnancies", Title: "登记怀孕", Submit: "登记怀孕", FemaleOnly: true, Sensitive: true,
		Intro: "女职工向单位报告怀孕（或提交医学证明）之日起即受孕期保护：不得以第四十、四十一条解除合同，不得降低工资。",
		Fields: []familyField{
			{Name: "reported_on", Label: "报告怀孕日期 *", Type: "date", Hint: "员工告知单位或提交医学证明的日期"},
			{Name: "expected_due_date", Label: "预产期", Type: "date", Hint: "孕期保护自怀孕之日起（不以告知日为准），按预产期前 280 天估算；分娩后以实际日期为准"},
			{Name: "confirmed_start", Label: "医学确认的怀孕开始日期", Type: "date", Hint: "有医学证明且早于估算日期时填写，保护期自该日起算"},
		}},
	"births": {Key: "births", Title: "登记分娩", Submit: "保存并计算产假", Sensitive: true,
		Intro: "保存后按分娩当日有效的规则计算产假（含延长、难产、多胞胎）、哺乳期和三期保护截止日，并记入假期余额。男职工登记配偶分娩，计算配偶护理假和育儿假。",
		Fields: []familyField{
			{Name: "birth_date", Label: "分娩日期 *", Type: "date"},
			{Name: "child_order", Label: "孩次 *", Type: "number", Hint: "这是第几个孩子：1、2、3…（双胞胎按较早出生者计）"},
			{Name: "babies", Label: "婴儿数", Type: "number", Hint: "单胎填 1；多胞胎每多一个增加 15 天产假"},
			{Name: "stillborn", Label: "其中未能存活出生的婴儿数", Type: "number",
				Hint: "通常留空或填 0。如有婴儿不幸死产，请填写人数：产假照常计算，系统不会再为该婴儿列出哺乳期、育儿假、津贴等事项"},
			{Name: "dystocia", Label: "是否难产", Options: yesNo, Hint: "难产增加 15 天产假"},
			{Name: "leave_start", Label: "产假开始日期", Type: "date", Hint: "留空为分娩当日；产前休假最多提前 15 天（仅女职工本人）"},
		}},
	"miscarriages": {Key: "miscarriages", Title: "登记流产", Submit: "保存并计算流产假", FemaleOnly: true, Sensitive: true,
		Intro: "怀孕未满 4 个月（16 周）流产的，享受 15 天产假；满 4 个月流产的，享受 42 天产假。保护期至流产假最后一天。",
		Fields: []familyField{
			{Name: "date", Label: "流产日期 *", Type: "date"},
			{Name: "gestation_weeks", Label: "孕周 *", Type: "number", Hint: "整周数，如 12"},
		}},
	"marriages": {Key: "marriages", Title: "登记结婚", Submit: "登记结婚",
		Intro: "依法办理结婚登记的职工享受婚假：国家 3 天，另加工作地区规定的延长婚假（如内蒙古 15 天，共 18 天），保存后记入假期余额。",
		Fields: []familyField{
			{Name: "registered_on", Label: "结婚登记日期 *", Type: "date"},
		}},
}

func (p *Portal) registerFamily(r fiber.Router) {
	p.AddActionLabels(map[string]string{"birth.read": "查看分娩记录与产假计划", "miscarriage.read": "查看流产记录"})
	p.AddLabels("leave_type", map[string]string{"maternity": "产假", "miscarriage": "流产假", "spousal_nursing": "配偶护理假",
		"parental": "育儿假", "marriage": "婚假", "only_child_care": "独生子女父母护理假"})
	p.AddLabels("unit", map[string]string{"calendar_days": "自然日", "working_days": "工作日", "days": "天",
		"years": "年", "hours": "小时", "months": "个月", "weeks": "周"})
	p.AddLabels("confidence", map[string]string{"high": "已核对原文", "medium": "通行解读", "low": "待核实"})
	p.AddEmployeeSection(EmployeeSection{Order: 5, Roles: familyReaders, Render: p.timelineSection})
	p.AddEmployeeSection(EmployeeSection{Order: 20, Roles: familyReaders, Render: p.entitlementsSection})
	p.AddEmployeeSection(EmployeeSection{Order: 25, Roles: familyReaders, Render: p.benefitsSection})
	for kind := range familyKinds {
		p.page(r, fiber.MethodGet, "/employees/:id/"+kind+"/new", p.familyNew(kind), familyWriters...)
		p.page(r, fiber.MethodPost, "/employees/:id/"+kind, p.familyCreate(kind), familyWriters...)
	}
	p.page(r, fiber.MethodGet, "/births/:id", p.birth, familyReaders...)
	p.page(r, fiber.MethodGet, "/births/:id/edit", p.birthEdit, familyWriters...)
	p.page(r, fiber.MethodPost, "/births/:id", p.birthCorrect, familyWriters...)
	p.page(r, fiber.MethodPost, "/children/:id", p.childUpdate, familyWriters...)
	p.page(r, fiber.MethodGet, "/miscarriages/:id", p.miscarriage, familyReaders...)
	p.page(r, fiber.MethodGet, "/miscarriages/:id/edit", p.miscarriageEdit, familyWriters...)
	p.page(r, fiber.MethodPost, "/miscarriages/:id", p.miscarriageCorrect, familyWriters...)
}
