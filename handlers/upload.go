package handlers

import (
	"io"
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/app/sheet"
)

// UploadLimit is the largest request body of an upload route (a file of
// sheet.MaxBytes and its multipart envelope); every other route keeps
// BodyLimit.
const UploadLimit = sheet.MaxBytes + 1<<20

// BodyLimit is the largest request body of any other route.
const BodyLimit = 1 << 20

// LimitBody answers 413 for a body over BodyLimit, except on the upload
// routes (their path contains "/imports/"), which the server's own limit
// (UploadLimit) bounds.
func LimitBody() fiber.Handler {
	return func(c *fiber.Ctx) error {
		if len(c.Request().Body()) > BodyLimit && !strings.Contains(c.Path(), "/imports/") {
			return fiber.ErrRequestEntityTooLarge
		}
		return c.Next()
	}
}

// UploadedFile reads the multipart field of a form as an import file (at
// most one byte past sheet.MaxBytes: the use case refuses it with its own
// message); a missing field is a 400 naming it.
func UploadedFile(c *fiber.Ctx, field string, dryRun bool) (cases.ImportFile, error) {
	fh, err := c.FormFile(field)
	if err != nil {
		return cases.ImportFile{}, Invalid(map[string]string{field: "请选择要导入的文件（.xlsx 或 .csv）"})
	}
	file, err := fh.Open()
	if err != nil {
		return cases.ImportFile{}, err
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, sheet.MaxBytes+1))
	if err != nil {
		return cases.ImportFile{}, err
	}
	return cases.ImportFile{Name: fh.Filename, Data: data, DryRun: dryRun}, nil
}
