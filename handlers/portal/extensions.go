package portal

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/leave"
)

// extensionReaders may see the contracts to extend (page, menu and tile).
var extensionReaders = []string{auth.Admin, auth.HR, auth.Auditor}

// extensionsPage lists the contracts that must be extended.
type extensionsPage struct {
	Rows   []cases.ContractExtension
	AsOf   leave.Date
	HasPDF bool
}

// contractExtensions is GET /contract-extensions: employees whose
// fixed-term contract ends inside a protected period, with the date it
// extends to (劳动合同法 第四十五条); the read is audited.
func (p *Portal) contractExtensions(c *fiber.Ctx) error {
	today := p.cases.Today()
	rows, err := p.cases.ContractExtensions(c.UserContext(), handlers.Tenant(c), handlers.Who(c), today)
	if err != nil {
		return err
	}
	page := extensionsPage{Rows: rows, AsOf: today, HasPDF: p.hasDocuments(c)}
	return p.render(c, fiber.StatusOK, "extensions", "须顺延的劳动合同", "extensions", page)
}
