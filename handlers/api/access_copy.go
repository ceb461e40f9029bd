package api

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/handlers"
)

// accessCopyReaders may make an employee's copy: HR's roles and the
// auditor (read-only); payroll never sees her family facts.
var accessCopyReaders = []string{auth.Admin, auth.HR, auth.Auditor}

func (a *API) registerAccessCopy(r fiber.Router) {
	r.Get("/employees/:id/access-copy", handlers.Require(accessCopyReaders...), a.accessCopy)
}

// accessCopy is GET /employees/:id/access-copy[?format=json|pdf]:
// everything held about her (PIPL Arts. 44–47), audited.
func (a *API) accessCopy(c *fiber.Ctx) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	tenant, who := handlers.Tenant(c), handlers.Who(c)
	switch c.Query("format", "json") {
	case "json":
		out, err := a.cases.AccessCopy(c.UserContext(), tenant, who, id, "json")
		if err != nil {
			return err
		}
		return c.JSON(out)
	case "pdf":
		doc, err := a.filer().AccessCopyPDF(c.UserContext(), tenant, who, id)
		if err != nil {
			return pdfError(err)
		}
		c.Set(fiber.HeaderContentType, "application/pdf")
		c.Set(fiber.HeaderCacheControl, "no-store")
		c.Set(fiber.HeaderContentDisposition, handlers.Attachment(doc.FileNameASCII(), doc.FileName()))
		return c.Send(doc.Bytes)
	}
	return handlers.Invalid(map[string]string{"format": "须为 json 或 pdf"})
}
