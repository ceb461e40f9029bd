package api

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

// filingSteps are the use cases behind the lifecycle routes that allowance
// claims and subsidy applications share; T is the view they answer with.
type filingSteps[T any] struct {
	submit func(ctx context.Context, tenant string, who store.Who, id string, in cases.SubmitInput) (T, error)
	decide func(ctx context.Context, tenant string, who store.Who, id, action string, in cases.DecideInput) (T, error)
	pay    func(ctx context.Context, tenant string, who store.Who, id string, in cases.PayInput) (T, error)
}

// registerSteps adds POST base/{id}/submit [{submitted_on}],
// .../approve [{decided_on}], .../reject {reason, decided_on?} and
// .../pay {paid_fen, paid_on}, each behind mw.
func registerSteps[T any](r fiber.Router, base string, mw fiber.Handler, s filingSteps[T]) {
	r.Post(base+"/:id/submit", mw, func(c *fiber.Ctx) error {
		return transition(c, decodeOptional, func(id string, in cases.SubmitInput) (T, error) {
			return s.submit(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
		})
	})
	for _, action := range []string{"approve", "reject"} {
		r.Post(base+"/:id/"+action, mw, func(c *fiber.Ctx) error {
			return transition(c, decodeOptional, func(id string, in cases.DecideInput) (T, error) {
				return s.decide(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, action, in)
			})
		})
	}
	r.Post(base+"/:id/pay", mw, func(c *fiber.Ctx) error {
		return transition(c, decode, func(id string, in cases.PayInput) (T, error) {
			return s.pay(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id, in)
		})
	})
}
