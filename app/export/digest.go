package export

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"strconv"
)

// Digest passes the report on to W and keeps its SHA-256 over the title
// block (without the generation time), every section and every cell: the
// content hash, the same whatever the format.
type Digest struct {
	W   Writer
	h   hash.Hash
	buf []byte
}

// NewDigest returns a Digest writing to w.
func NewDigest(w Writer) *Digest {
	return &Digest{W: w, h: sha256.New()}
}

// Begin implements Writer.
func (d *Digest) Begin(h Header) error {
	d.line("header", h.Title, h.TenantName, h.CreditCode, date(h.From), date(h.To))
	return d.W.Begin(h)
}

// Section implements Writer.
func (d *Digest) Section(s Section) error {
	names := []string{"section", s.Title}
	for _, c := range s.Columns {
		names = append(names, c.Name)
	}
	d.line(names...)
	return d.W.Section(s)
}

// Row implements Writer.
func (d *Digest) Row(cells []Cell) error {
	b := d.buf[:0]
	for _, c := range cells {
		b = append(append(strconv.AppendInt(b, int64(len(c.Text)), 10), ':'), c.Text...)
	}
	d.buf = append(b, '\n')
	d.h.Write(d.buf)
	return d.W.Row(cells)
}

// Close implements Writer.
func (d *Digest) Close() error { return d.W.Close() }

// Sum is the content hash so far, in hex.
func (d *Digest) Sum() string { return hex.EncodeToString(d.h.Sum(nil)) }

// line hashes fields with their lengths, so no two rows hash alike.
func (d *Digest) line(fields ...string) {
	b := d.buf[:0]
	for _, f := range fields {
		b = append(append(strconv.AppendInt(b, int64(len(f)), 10), ':'), f...)
	}
	d.buf = append(b, '\n')
	d.h.Write(d.buf)
}
