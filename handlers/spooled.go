package handlers

import (
	"io"
	"os"

	"github.com/gofiber/fiber/v2"
)

// SendSpooled answers with what write produces, as an attachment of type
// contentType named name (ASCII): written to a temporary file first, so a
// failure is still an ordinary error answer, then streamed from it; memory
// stays small whatever the size.
func SendSpooled(c *fiber.Ctx, contentType, name string, write func(io.Writer) error) error {
	f, err := os.CreateTemp("", "leaveguard-spool-*")
	if err != nil {
		return err
	}
	_ = os.Remove(f.Name()) // the open file stays readable until closed
	size, err := spool(f, write)
	if err != nil {
		f.Close()
		return err
	}
	c.Set(fiber.HeaderContentType, contentType)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	return c.SendStream(f, int(size)) // fasthttp closes f once sent
}

// spool writes into f and rewinds it, returning the size written.
func spool(f *os.File, write func(io.Writer) error) (int64, error) {
	if err := write(f); err != nil {
		return 0, err
	}
	size, err := f.Seek(0, io.SeekCurrent)
	if err != nil {
		return 0, err
	}
	_, err = f.Seek(0, io.SeekStart)
	return size, err
}
