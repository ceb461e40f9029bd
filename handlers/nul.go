package handlers

import (
	"bytes"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"leaveguard/app/cases"
)

// RejectNUL answers 400 naming the field when a query parameter, a form
// field or a JSON string of the request holds a NUL character (PostgreSQL
// cannot store one: it would be a 500 further down).
func RejectNUL() fiber.Handler {
	return func(c *fiber.Ctx) error {
		if strings.ContainsRune(c.Path(), 0) {
			return Invalid(map[string]string{"path": cases.NULMessage})
		}
		if name, ok := nulArg(c.Request().URI().QueryArgs()); ok {
			return Invalid(map[string]string{name: cases.NULMessage})
		}
		ct := string(c.Request().Header.ContentType())
		switch {
		case strings.HasPrefix(ct, fiber.MIMEApplicationForm):
			if name, ok := nulArg(c.Request().PostArgs()); ok {
				return Invalid(map[string]string{name: cases.NULMessage})
			}
		case strings.HasPrefix(ct, fiber.MIMEMultipartForm):
			if form, err := c.MultipartForm(); err == nil {
				for name, vs := range form.Value {
					for _, v := range vs {
						if strings.ContainsRune(name+v, 0) {
							return Invalid(map[string]string{printable(name): cases.NULMessage})
						}
					}
				}
			}
		case strings.HasPrefix(ct, fiber.MIMEApplicationJSON) && !strings.HasPrefix(c.Path(), "/webhooks/"):
			// webhooks: checked after the signature (cases.ReceiveWebhook)
			if name, ok := cases.NULField(c.Body()); ok {
				return Invalid(map[string]string{name: cases.NULMessage})
			}
		}
		return c.Next()
	}
}

// nulArg returns the name of the first argument whose name or value holds
// a NUL character.
func nulArg(args *fasthttp.Args) (string, bool) {
	found := ""
	ok := false
	args.VisitAll(func(k, v []byte) {
		if !ok && (bytes.IndexByte(k, 0) >= 0 || bytes.IndexByte(v, 0) >= 0) {
			found, ok = printable(string(k)), true
		}
	})
	return found, ok
}

// printable shows a NUL in a field name as \u0000.
func printable(s string) string { return strings.ReplaceAll(s, "\x00", `\u0000`) }
