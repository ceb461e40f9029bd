package portal

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/store"
)

// employeeFields are the form fields of the employee form.
var employeeFields = []string{"external_id", "name", "gender", "national_id", "hired_on", "contract_end",
	"monthly_wage", "maternity_insured", "region"}

// employeeRename maps use-case field names to form field names.
var employeeRename = map[string]string{"monthly_wage_fen": "monthly_wage"}

var yuanPattern = regexp.MustCompile(`^\d{1,10}(\.\d{1,2})?$`)

// parseYuan reads an amount in yuan ("7200", "7,200.5", "¥7200.00") as fen,
// exactly (no floating point).
func parseYuan(s string) (int64, bool) {
	s = strings.NewReplacer(",", "", "，", "", " ", "", "¥", "", "￥", "").Replace(s)
	if !yuanPattern.MatchString(s) {
		return 0, false
	}
	whole, frac, _ := strings.Cut(s, ".")
	frac = (frac + "00")[:2]
	y, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	return y*100 + f, err1 == nil && err2 == nil
}

// employeeForm reads the posted form. With before == nil (create) every
// field is sent to the use case; otherwise only the fields that differ
// from before (a blank ID number means "unchanged"), so the audit names
// exactly what changed. Problems the use case cannot see (a wage that is
// not an amount) are returned in the form's errors.
func employeeForm(c *fiber.Ctx, before *store.Employee) (cases.EmployeeInput, Form) {
	f := NewForm()
	for _, k := range employeeFields {
		f.Values[k] = strings.TrimSpace(c.FormValue(k))
	}
	var cur map[string]string
	if before != nil {
		cur = employeeValues(*before)
	}
	changed := func(k string) bool { return before == nil || f.Values[k] != cur[k] }
	str := func(k string) *string {
		if !changed(k) {
			return nil
		}
		v := f.Values[k]
		return &v
	}
	in := cases.EmployeeInput{ExternalID: str("external_id"), Name: str("name"), Gender: str("gender"),
		HiredOn: str("hired_on"), Region: str("region")}
	if v := f.Values["national_id"]; before == nil || v != "" {
		in.NationalID = &v
	}
	if changed("contract_end") {
		in.ContractEnd = json.RawMessage("null")
		if v := f.Values["contract_end"]; v != "" {
			in.ContractEnd, _ = json.Marshal(v)
		}
	}
	if changed("monthly_wage") {
		if fen, ok := parseYuan(f.Values["monthly_wage"]); ok {
			in.MonthlyWageFen = &fen
		} else if f.Values["monthly_wage"] == "" {
			f.Errors["monthly_wage"] = "必填：月工资（元），如 7200.00"
		} else {
			f.Errors["monthly_wage"] = "请填写金额（元），最多两位小数，如 7200.00"
		}
	}
	if changed("maternity_insured") {
		switch f.Values["maternity_insured"] {
		case "true", "false":
			b := f.Values["maternity_insured"] == "true"
			in.MaternityInsured = &b
		default:
			f.Errors["maternity_insured"] = "请选择是否参加生育保险"
		}
	}
	return in, f
}

// employeeValues are the form values of a stored employee (the ID number is
// never put back in a form).
func employeeValues(e store.Employee) map[string]string {
	v := map[string]string{"external_id": e.ExternalID, "name": e.Name, "gender": e.Gender,
		"hired_on": e.HiredOn.String(), "monthly_wage": yuanPlain(e.MonthlyWageFen),
		"maternity_insured": strconv.FormatBool(e.MaternityInsured)}
	if e.ContractEnd != nil {
		v["contract_end"] = e.ContractEnd.String()
	}
	if e.Region != nil {
		v["region"] = *e.Region
	}
	return v
}

// yuanPlain shows fen as yuan without grouping, for a form field.
func yuanPlain(fen int64) string {
	return strconv.FormatInt(fen/100, 10) + "." + strconv.FormatInt(fen%100/10, 10) + strconv.FormatInt(fen%10, 10)
}

// mergeErrors adds the use case's messages to the form's own (the form's
// own, being more precise about what was typed, win).
func mergeErrors(f *Form, err error) bool {
	ef, ok := FormError(err, employeeRename)
	if !ok {
		return false
	}
	for k, v := range ef.Errors {
		if _, mine := f.Errors[k]; !mine {
			f.Errors[k] = v
		}
	}
	f.Message = ef.Message
	return true
}
