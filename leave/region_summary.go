package leave

import "sort"

// RegionSummary describes one jurisdiction of a rule book for the regions
// list: its own parameters (not the inherited ones) counted by confidence,
// and the first day any of them is in force.
type RegionSummary struct {
	Code        string             `json:"code"`
	Name        string             `json:"name"`
	Parent      string             `json:"parent,omitempty"`
	Params      int                `json:"params"`
	Confidence  map[Confidence]int `json:"confidence"`
	CoveredFrom Date               `json:"covered_from,omitzero"`
	Inherits    bool               `json:"inherits"` // no parameters of its own: its parent's rules apply
}

// Summaries returns every jurisdiction sorted by code with its summary.
func (b *RuleBook) Summaries() []RegionSummary {
	js := b.Jurisdictions()
	out := make([]RegionSummary, len(js))
	for i, j := range js {
		s := RegionSummary{Code: j.Code, Name: j.Name, Parent: j.Parent,
			Confidence: map[Confidence]int{ConfidenceHigh: 0, ConfidenceMedium: 0, ConfidenceLow: 0}}
		for _, p := range b.params[j.Code] {
			s.Params++
			s.Confidence[p.Confidence]++
			if s.CoveredFrom.IsZero() || p.EffectiveFrom.Before(s.CoveredFrom) {
				s.CoveredFrom = p.EffectiveFrom
			}
		}
		s.Inherits = s.Params == 0
		out[i] = s
	}
	return out
}

// Own returns the parameters set by jurisdiction code itself (every
// version), by key and then by effective date.
func (b *RuleBook) Own(code string) []Param {
	out := append([]Param(nil), b.params[code]...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Key != out[j].Key {
			return out[i].Key < out[j].Key
		}
		return out[i].EffectiveFrom.Before(out[j].EffectiveFrom)
	})
	return out
}
