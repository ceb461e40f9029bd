package export

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"strconv"
)

// Digest passes the report on to W and keeps its SHA-256 over the title
// block (without the generation time), every section and every cell, and
// counts each section's rows: the content hash, the same whatever the
// format, and the totals.
type Digest struct {
	W      Writer
	h      hash.Hash
	Counts map[string]int // rows per section sheet
	cur    string
}

// NewDigest returns a Digest writing to w.
func NewDigest(w Writer) *Digest {
	return &Digest{W: w, h: sha256.New(), Counts: map[string]int{}}
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
	d.cur = s.Sheet
	d.Counts[s.Sheet] += 0
	return d.W.Section(s)
}

// Row implements Writer.
func (d *Digest) Row(cells []Cell) error {
	texts := make([]string, len(cells))
	for i, c := range cells {
		texts[i] = c.Text
	}
	d.line(texts...)
	d.Counts[d.cur]++
	return d.W.Row(cells)
}

// Close implements Writer.
func (d *Digest) Close() error { return d.W.Close() }

// Sum is the content hash so far, in hex.
func (d *Digest) Sum() string { return hex.EncodeToString(d.h.Sum(nil)) }

// line hashes fields with their lengths, so no two rows hash alike.
func (d *Digest) line(fields ...string) {
	for _, f := range fields {
		d.h.Write([]byte(strconv.Itoa(len(f)) + ":" + f))
	}
	d.h.Write([]byte{'\n'})
}
