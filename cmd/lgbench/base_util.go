package main

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"leaveguard/app/auth"
)

// baseTenant is the baseline's whole "authentication": the tenant named in
// the bearer key, unchecked (the bare program has no middleware).
func baseTenant(c *fiber.Ctx) (string, error) {
	key, _ := strings.CutPrefix(c.Get(fiber.HeaderAuthorization), "Bearer ")
	t, err := auth.ParseAPIKey(key)
	if err != nil {
		return "", fiber.ErrUnauthorized
	}
	return t, nil
}

// baseUUID copies a path parameter that must be a UUID.
func baseUUID(c *fiber.Ctx, name string) (string, error) {
	id, err := uuid.Parse(c.Params(name))
	if err != nil {
		return "", fiber.ErrNotFound
	}
	return id.String(), nil
}
