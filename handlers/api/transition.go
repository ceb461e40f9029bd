package api

import (
	"bytes"

	"github.com/gofiber/fiber/v2"
)

// decodeOptional decodes a body that may be empty.
func decodeOptional(c *fiber.Ctx, v any) error {
	if len(bytes.TrimSpace(c.Body())) == 0 {
		return nil
	}
	return decode(c, v)
}

// transition is a POST /.../{id}/<action> handler: it parses the :id, reads
// the body into an In with read (decode, decodeOptional, or nil for no body),
// calls do and renders what do returns.
func transition[In, Out any](c *fiber.Ctx, read func(*fiber.Ctx, any) error, do func(id string, in In) (Out, error)) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in In
	if read != nil {
		if err := read(c, &in); err != nil {
			return err
		}
	}
	out, err := do(id, in)
	if err != nil {
		return err
	}
	return c.JSON(out)
}
