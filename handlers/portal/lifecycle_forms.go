package portal

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
)

// stepFields are the inputs of the lifecycle steps of claims and subsidy
// applications: the date of each step, a rejection's reason, the amount
// received in yuan.
var stepFields = []string{"submitted_on", "decided_on", "reason", "paid", "paid_on"}

// stepRename maps use-case field names to the form's.
var stepRename = map[string]string{"paid_fen": "paid"}

// stepInput is what one posted step form says.
type stepInput struct {
	Submit cases.SubmitInput
	Decide cases.DecideInput
	Pay    cases.PayInput
}

// readStep reads a step form. The amount is typed in yuan and sent in fen;
// one that is not an amount is reported on the form.
func readStep(c *fiber.Ctx, action string) (stepInput, Form) {
	f := NewForm()
	for _, k := range stepFields {
		f.Values[k] = strings.TrimSpace(c.FormValue(k))
	}
	in := stepInput{Submit: cases.SubmitInput{SubmittedOn: opt(f.V("submitted_on"))},
		Decide: cases.DecideInput{DecidedOn: opt(f.V("decided_on"))},
		Pay:    cases.PayInput{PaidOn: opt(f.V("paid_on"))}}
	if action == "reject" {
		in.Decide.Reason = ptr(f.V("reason"))
		if f.V("reason") == "" {
			f.Errors["reason"] = "请填写经办机构的驳回理由"
		}
	}
	if action == "pay" {
		switch fen, ok := parseYuan(f.V("paid")); {
		case f.V("paid") == "":
			f.Errors["paid"] = "必填：实际到账金额（元），如 23,400.00"
		case !ok:
			f.Errors["paid"] = "请填写金额（元），最多两位小数，如 23400.00"
		default:
			in.Pay.PaidFen = &fen
		}
	}
	return in, f
}
