package pdf

import (
	"bytes"

	"github.com/go-pdf/fpdf"
	"github.com/skip2/go-qrcode"
)

// qrSize is the printed QR code's side (mm).
const qrSize = 30.0

// qrBlock draws a QR code of text with caption lines to its right, kept on
// one page with the pending heading.
func (d *doc) qrBlock(text string, caption []string) {
	d.keep(qrSize + 2)
	x, y := marginX, d.f.GetY()
	if d.pages > 0 {
		png, err := qrcode.Encode(text, qrcode.Medium, 256)
		if err != nil {
			d.f.SetError(err)
			return
		}
		opt := fpdf.ImageOptions{ImageType: "PNG"}
		d.f.RegisterImageOptionsReader("verify-qr", opt, bytes.NewReader(png))
		d.f.ImageOptions("verify-qr", x, y, qrSize, qrSize, false, opt, 0, "")
	}
	d.withSize(sizeSmall+0.5, func() {
		ty, w := y+1, contentW-qrSize-3
		for _, c := range caption {
			for _, l := range d.wrap(c, w) {
				d.draw(x+qrSize+3, ty, w, 3.8, l, "L")
				ty += 3.8
			}
		}
	})
	d.f.SetXY(marginX, y+qrSize+2)
}
