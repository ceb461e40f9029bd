package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/store"
)

func (a *API) registerLeave(r fiber.Router) {
	hr := handlers.Require(auth.Admin, auth.HR)
	r.Post("/leave-requests", hr, a.submitLeave)
	r.Post("/leave-requests/preview", hr, a.previewLeave)
	r.Get("/leave-requests", handlers.Require(familyReaders...), a.listLeave)
	r.Get("/leave-requests/:id", handlers.Require(familyReaders...), a.getLeave)
	r.Post("/leave-requests/:id/approve", hr, a.transitionLeave("approve"))
	r.Post("/leave-requests/:id/reject", hr, a.transitionLeave("reject"))
	r.Post("/leave-requests/:id/cancel", hr, a.transitionLeave("cancel"))
}

func (a *API) submitLeave(c *fiber.Ctx) error {
	var in cases.LeaveInput
	if err := decode(c, &in); err != nil {
		return err
	}
	r, err := a.cases.SubmitLeave(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(cases.ViewLeave(r))
}

func (a *API) previewLeave(c *fiber.Ctx) error {
	var in cases.LeaveInput
	if err := decode(c, &in); err != nil {
		return err
	}
	d, err := a.cases.PreviewLeave(c.UserContext(), handlers.Tenant(c), in)
	if err != nil {
		return err
	}
	return c.JSON(d)
}

func (a *API) getLeave(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	r, err := a.cases.LeaveRequest(c.UserContext(), handlers.Tenant(c), handlers.Who(c), id)
	if err != nil {
		return err
	}
	return c.JSON(cases.ViewLeave(r))
}

func (a *API) transitionLeave(action string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := pathID(c)
		if err != nil {
			return err
		}
		var body struct {
			Reason string `json:"reason"`
		}
		if len(c.Body()) > 0 {
			if err := decode(c, &body); err != nil {
				return err
			}
		}
		ctx, tenant, who := c.UserContext(), handlers.Tenant(c), handlers.Who(c)
		var r store.LeaveRequest
		switch action {
		case "approve":
			r, err = a.cases.ApproveLeave(ctx, tenant, who, id)
		case "reject":
			r, err = a.cases.RejectLeave(ctx, tenant, who, id, body.Reason)
		default:
			r, err = a.cases.CancelLeave(ctx, tenant, who, id)
		}
		if err != nil {
			return err
		}
		return c.JSON(cases.ViewLeave(r))
	}
}
