package pdf

import (
	"encoding/binary"
	"errors"
	"slices"
	"sort"
)

// sfnt is the CJK font's tables, indexed once at start-up so that each
// document can cut its own small font (subset) in proportion to the runes it
// uses: fpdf would otherwise parse and cut the whole 4 MB font for every
// document, which was almost all of a claim PDF's CPU.
type sfnt struct {
	tables   map[string][]byte
	glyf     []byte
	glyph    []uint16 // BMP rune → glyph id (0: none)
	loca     []uint32 // glyph offsets into glyf, numGlyphs+1
	hMetrics int      // hhea numberOfHMetrics
}

var be = binary.BigEndian

// errSfnt is a font whose tables are not what subset needs.
var errSfnt = errors.New("font tables unusable")

// parseSfnt indexes a TrueType font: its tables, the Unicode cmap (the
// format 4 subtable fpdf would pick), glyph offsets and metrics count.
func parseSfnt(data []byte) (*sfnt, error) {
	if len(data) < 12 {
		return nil, errSfnt
	}
	n := int(be.Uint16(data[4:]))
	s := &sfnt{tables: make(map[string][]byte, n)}
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errSfnt
		}
		off, size := int(be.Uint32(data[rec+8:])), int(be.Uint32(data[rec+12:]))
		if off < 0 || size < 0 || off+size > len(data) {
			return nil, errSfnt
		}
		s.tables[string(data[rec:rec+4])] = data[off : off+size]
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "name", "post"} {
		if len(s.tables[t]) == 0 {
			return nil, errSfnt
		}
	}
	head, hhea, maxp := s.tables["head"], s.tables["hhea"], s.tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errSfnt
	}
	s.hMetrics = int(be.Uint16(hhea[34:]))
	glyphs := int(be.Uint16(maxp[4:]))
	if s.hMetrics == 0 || len(s.tables["hmtx"]) < 4*s.hMetrics+2*(glyphs-s.hMetrics) {
		return nil, errSfnt
	}
	s.glyf = s.tables["glyf"]
	if err := s.parseLoca(be.Uint16(head[50:]), glyphs); err != nil {
		return nil, err
	}
	return s, s.parseCmap()
}

// parseLoca reads the glyph offsets (short or long format).
func (s *sfnt) parseLoca(format uint16, glyphs int) error {
	loca, glyf := s.tables["loca"], s.glyf
	s.loca = make([]uint32, glyphs+1)
	for i := range s.loca {
		switch {
		case format == 0 && 2*i+2 <= len(loca):
			s.loca[i] = 2 * uint32(be.Uint16(loca[2*i:]))
		case format == 1 && 4*i+4 <= len(loca):
			s.loca[i] = be.Uint32(loca[4*i:])
		default:
			return errSfnt
		}
		if int(s.loca[i]) > len(glyf) || i > 0 && s.loca[i] < s.loca[i-1] {
			return errSfnt
		}
	}
	return nil
}

// parseCmap maps BMP runes to glyphs with the first format 4 subtable of
// platform 3 encoding 1 or platform 0, the one fpdf reads.
func (s *sfnt) parseCmap() error {
	cmap := s.tables["cmap"]
	if len(cmap) < 4 {
		return errSfnt
	}
	sub := -1
	for i := 0; i < int(be.Uint16(cmap[2:])) && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		pid, eid, off := be.Uint16(rec), be.Uint16(rec[2:]), int(be.Uint32(rec[4:]))
		if (pid == 3 && eid == 1 || pid == 0) && off+2 <= len(cmap) && be.Uint16(cmap[off:]) == 4 {
			sub = off
			break
		}
	}
	if sub < 0 || sub+14 > len(cmap) {
		return errSfnt
	}
	t := cmap[sub:]
	segs := int(be.Uint16(t[6:])) / 2
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	if ranges+2*segs > len(t) {
		return errSfnt
	}
	s.glyph = make([]uint16, 0x10000)
	for i := 0; i < segs; i++ {
		end, start := int(be.Uint16(t[ends+2*i:])), int(be.Uint16(t[starts+2*i:]))
		delta, ro := be.Uint16(t[deltas+2*i:]), int(be.Uint16(t[ranges+2*i:]))
		for c := start; c <= end; c++ {
			g := uint16(c) + delta
			if ro != 0 {
				at := ranges + 2*i + ro + 2*(c-start)
				if at+2 > len(t) {
					g = 0
				} else if g = be.Uint16(t[at:]); g != 0 {
					g += delta
				}
			}
			if int(g) < len(s.loca)-1 {
				s.glyph[c] = g
			}
		}
	}
	return nil
}

// Composite glyph flags (TrueType glyf).
const (
	argWords     = 0x0001
	haveScale    = 0x0008
	moreGlyphs   = 0x0020
	haveXYScale  = 0x0040
	haveTwoByTwo = 0x0080
)

// glyphData is glyph g's outline.
func (s *sfnt) glyphData(g uint16) []byte {
	return s.glyf[s.loca[g]:s.loca[g+1]]
}

// components calls fn with the offset of each component glyph id of a
// composite glyph (none for a simple one).
func components(data []byte, fn func(at int)) {
	if len(data) < 10 || int16(be.Uint16(data)) >= 0 {
		return
	}
	for at := 10; at+4 <= len(data); {
		flags := be.Uint16(data[at:])
		fn(at + 2)
		at += 4
		switch {
		case flags&argWords != 0:
			at += 4
		default:
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreGlyphs == 0 {
			return
		}
	}
}

// subset is a TrueType font with only the glyphs of runes (and glyph 0, and
// the parts of composite glyphs), in their original order, with the
// original's metrics, hinting and names: what fpdf embeds from it is what it
// would have embedded from the whole font for these runes.
func (s *sfnt) subset(runes []rune) []byte {
	keep := map[uint16]bool{0: true}
	var add func(g uint16)
	add = func(g uint16) {
		if keep[g] {
			return
		}
		keep[g] = true
		data := s.glyphData(g)
		components(data, func(at int) {
			if c := be.Uint16(data[at:]); int(c) < len(s.loca)-1 {
				add(c)
			}
		})
	}
	for _, r := range runes {
		if r < 0x10000 && s.glyph[r] != 0 {
			add(s.glyph[r])
		}
	}
	old := make([]uint16, 0, len(keep))
	for g := range keep {
		old = append(old, g)
	}
	slices.Sort(old)
	renum := make(map[uint16]uint16, len(old))
	for i, g := range old {
		renum[g] = uint16(i)
	}
	glyf, loca, hmtx := s.glyphTables(old, renum)
	out := map[string][]byte{
		"glyf": glyf, "loca": loca, "hmtx": hmtx,
		"cmap": cmap4(runes, s.glyph, renum),
		"head": patch16(s.tables["head"], 50, 1),
		"hhea": patch16(s.tables["hhea"], 34, uint16(len(old))),
		"maxp": patch16(s.tables["maxp"], 4, uint16(len(old))),
	}
	for _, t := range []string{"name", "post", "OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if len(s.tables[t]) > 0 {
			out[t] = s.tables[t]
		}
	}
	return assemble(out)
}

// glyphTables copies the kept glyphs (composite parts renumbered), their
// long offsets and their full metrics.
func (s *sfnt) glyphTables(old []uint16, renum map[uint16]uint16) (glyf, loca, hmtx []byte) {
	src := s.tables["hmtx"]
	loca = make([]byte, 0, 4*len(old)+4)
	hmtx = make([]byte, 0, 4*len(old))
	for _, g := range old {
		loca = be.AppendUint32(loca, uint32(len(glyf)))
		at := len(glyf)
		glyf = append(glyf, s.glyphData(g)...)
		components(glyf[at:], func(c int) {
			be.PutUint16(glyf[at+c:], renum[be.Uint16(glyf[at+c:])])
		})
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		last := s.hMetrics - 1
		if int(g) <= last {
			hmtx = append(hmtx, src[4*int(g):4*int(g)+4]...)
		} else {
			hmtx = append(hmtx, src[4*last:4*last+2]...)
			lsb := 4*s.hMetrics + 2*(int(g)-s.hMetrics)
			hmtx = append(hmtx, src[lsb:lsb+2]...)
		}
	}
	return glyf, be.AppendUint32(loca, uint32(len(glyf))), hmtx
}

// cmap4 is a cmap with one format 4 subtable (platform 3, encoding 1): a
// segment per rune that has a glyph, and the closing 0xFFFF segment.
func cmap4(runes []rune, glyph []uint16, renum map[uint16]uint16) []byte {
	var codes []uint16
	for _, r := range runes {
		if r < 0xFFFF && glyph[r] != 0 {
			codes = append(codes, uint16(r))
		}
	}
	slices.Sort(codes)
	codes = slices.Compact(codes)
	segs := len(codes) + 1
	b := make([]byte, 0, 12+16+8*segs)
	b = be.AppendUint16(b, 0)
	b = be.AppendUint16(b, 1)
	b = be.AppendUint16(b, 3)
	b = be.AppendUint16(b, 1)
	b = be.AppendUint32(b, 12)
	search, sel := 1, 0
	for search*2 <= segs {
		search, sel = search*2, sel+1
	}
	for _, v := range []int{4, 16 + 8*segs, 0, 2 * segs, 2 * search, sel, 2*segs - 2*search} {
		b = be.AppendUint16(b, uint16(v))
	}
	for _, c := range codes { // endCode
		b = be.AppendUint16(b, c)
	}
	b = be.AppendUint16(b, 0xFFFF)
	b = be.AppendUint16(b, 0) // reservedPad
	for _, c := range codes { // startCode
		b = be.AppendUint16(b, c)
	}
	b = be.AppendUint16(b, 0xFFFF)
	for _, c := range codes { // idDelta
		b = be.AppendUint16(b, renum[glyph[c]]-c)
	}
	b = be.AppendUint16(b, 1)
	return append(b, make([]byte, 2*segs)...) // idRangeOffset
}

// patch16 is a copy of table with the 16-bit value at off set to v.
func patch16(table []byte, off int, v uint16) []byte {
	t := slices.Clone(table)
	be.PutUint16(t[off:], v)
	return t
}

// assemble writes the tables as a TrueType file: the directory in tag
// order, each table padded to 4 bytes with its checksum.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for t, data := range tables {
		tags = append(tags, t)
		size += (len(data) + 3) &^ 3
	}
	sort.Strings(tags)
	search, sel := 1, 0
	for search*2 <= len(tags) {
		search, sel = search*2, sel+1
	}
	b := make([]byte, 0, size)
	b = be.AppendUint32(b, 0x00010000)
	for _, v := range []int{len(tags), 16 * search, sel, 16*len(tags) - 16*search} {
		b = be.AppendUint16(b, uint16(v))
	}
	off := 12 + 16*len(tags)
	for _, t := range tags {
		data := tables[t]
		b = append(b, t...)
		b = be.AppendUint32(b, checksum(data))
		b = be.AppendUint32(b, uint32(off))
		b = be.AppendUint32(b, uint32(len(data)))
		off += (len(data) + 3) &^ 3
	}
	for _, t := range tags {
		b = append(b, tables[t]...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
	}
	return b
}

// checksum is the TrueType table checksum: the sum of its big-endian
// 32-bit words, the last padded with zeros.
func checksum(data []byte) uint32 {
	var sum uint32
	for i := 0; i < len(data); i += 4 {
		var w [4]byte
		copy(w[:], data[i:])
		sum += be.Uint32(w[:])
	}
	return sum
}
