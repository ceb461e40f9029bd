package portal

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/store"
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

// lifecycleStep is POST <base>/:id/<action> of a claim or a subsidy
// application: do runs the step read from the form, then the page is shown
// again with a notice. A form error, a step the status does not allow (409)
// or a computation the settings do not support (422) renders the page again
// with the reason.
func lifecycleStep(action, base string, do func(c *fiber.Ctx, id string, in stepInput) error,
	render func(c *fiber.Ctx, status int, f Form, failed, why string) error) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id := validID(c.Params("id"))
		if id == "" {
			return errNotFoundPage
		}
		in, f := readStep(c, action)
		var err error
		if len(f.Errors) == 0 {
			if err = do(c, id, in); err == nil {
				return c.Redirect(base+"/"+id+"?notice=step_"+action, fiber.StatusSeeOther)
			}
		}
		status, ok := mergeFormError(&f, err, stepRename)
		if !ok {
			return err
		}
		return render(c, status, f, action, explain(err))
	}
}

// stepDefaults fills a fresh step form with today for every date and the
// expected amount in yuan; a form posted back keeps its values.
func (p *Portal) stepDefaults(f Form, amountFen int64) {
	if f.Values["submitted_on"] != "" {
		return
	}
	today := p.cases.Today().String()
	for _, k := range []string{"submitted_on", "decided_on", "paid_on"} {
		f.Values[k] = today
	}
	f.Values["paid"] = yuanPlain(amountFen)
}

// historyBy names the actor of each history entry, by its stamp.
func (p *Portal) historyBy(c *fiber.Ctx, history []store.Transition) (map[string]string, error) {
	names, err := p.userNames(c)
	if err != nil {
		return nil, err
	}
	by := map[string]string{}
	for _, h := range history {
		by[h.By] = byName(h.By, names)
	}
	return by, nil
}
