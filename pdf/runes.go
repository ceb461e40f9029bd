package pdf

import "slices"

// runeSet is the runes a document draws with the CJK font.
type runeSet map[rune]struct{}

// add adds the runes of s that the CJK font draws.
func (rs runeSet) add(s string) {
	for _, r := range s {
		if !isLatin(r) {
			rs[r] = struct{}{}
		}
	}
}

// sorted lists the set in rune order.
func (rs runeSet) sorted() []rune {
	out := make([]rune, 0, len(rs))
	for r := range rs {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}
