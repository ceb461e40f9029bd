package pdf

import (
	"bytes"
	"fmt"
	"strconv"
)

// withZone adds the offset "+08'00'" to the PDF's /CreationDate and
// /ModDate, which fpdf writes without one (readers then take them as UTC),
// and moves the cross-reference offsets of everything after them to match.
func withZone(pdf []byte) ([]byte, error) {
	const zone = "+08'00'"
	out := pdf
	at := -1
	for _, key := range []string{"/CreationDate (D:", "/ModDate (D:"} {
		i := bytes.Index(out, []byte(key))
		if i < 0 {
			return nil, fmt.Errorf("pdf: no %s", key)
		}
		end := i + len(key) + 14 // YYYYMMDDHHMMSS
		if at < 0 {
			at = end
		}
		out = append(out[:end:end], append([]byte(zone), out[end:]...)...)
	}
	return fixXref(out, at, 2*len(zone))
}

// fixXref adds shift to every cross-reference offset past at, and to the
// startxref offset.
func fixXref(b []byte, at, shift int) ([]byte, error) {
	x := bytes.LastIndex(b, []byte("\nxref\n"))
	sx := bytes.LastIndex(b, []byte("startxref\n"))
	if x < 0 || sx < x {
		return nil, fmt.Errorf("pdf: no cross-reference table")
	}
	lines := bytes.Split(b[x+6:sx], []byte("\n"))
	for _, l := range lines {
		if len(l) >= 18 && l[10] == ' ' && l[16] == ' ' && l[17] == 'n' {
			off, err := strconv.Atoi(string(l[:10]))
			if err != nil {
				return nil, fmt.Errorf("pdf: xref: %w", err)
			}
			if off > at {
				copy(l[:10], fmt.Sprintf("%010d", off+shift))
			}
		}
	}
	tail := b[sx+len("startxref\n"):]
	nl := bytes.IndexByte(tail, '\n')
	old, err := strconv.Atoi(string(tail[:nl]))
	if err != nil {
		return nil, fmt.Errorf("pdf: startxref: %w", err)
	}
	return append(b[:sx+len("startxref\n"):sx+len("startxref\n")], append([]byte(strconv.Itoa(old+shift)), tail[nl:]...)...), nil
}
