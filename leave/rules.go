package leave

import (
	"fmt"
	"sort"
)

// Confidence says how sure LeaveGuard is of a parameter's value and source.
type Confidence string

// Confidence marks.
const (
	ConfidenceHigh   Confidence = "high"   // text of the law read and cited
	ConfidenceMedium Confidence = "medium" // a settled reading or a secondary source
	ConfidenceLow    Confidence = "low"    // no figure found; a placeholder the tenant must set
)

// Param is one rule parameter of one jurisdiction, in force from
// EffectiveFrom to EffectiveTo (inclusive; zero = open-ended).
type Param struct {
	Key            string     `json:"key"`
	Jurisdiction   string     `json:"jurisdiction"`
	Value          int        `json:"value"`
	Unit           string     `json:"unit"` // days, weeks, hours, years, children
	EffectiveFrom  Date       `json:"effective_from"`
	EffectiveTo    Date       `json:"effective_to,omitzero"`
	Source         string     `json:"source"` // document + article, Chinese
	Confidence     Confidence `json:"confidence,omitempty"`
	Note           string     `json:"note,omitempty"`
	TenantOverride bool       `json:"tenant_override"`
}

// ID returns the parameter's stable rule id, e.g.
// "CN/maternity.base@2012-04-28".
func (p Param) ID() string {
	return p.Jurisdiction + "/" + p.Key + "@" + p.EffectiveFrom.String()
}

// InForce reports whether p applies on day d.
func (p Param) InForce(d Date) bool {
	return !d.Before(p.EffectiveFrom) && (p.EffectiveTo.IsZero() || !d.After(p.EffectiveTo))
}

// Basis returns p as the basis of a decision.
func (p Param) Basis() Basis {
	v := p.Value
	return Basis{
		RuleID: p.ID(), Source: p.Source, Jurisdiction: p.Jurisdiction,
		Value: &v, Unit: p.Unit, EffectiveFrom: p.EffectiveFrom,
		Confidence: p.Confidence, TenantOverride: p.TenantOverride, Note: p.Note,
	}
}

// Basis is one reason a decision was taken: the rule (or statute or tenant
// setting) applied, where it comes from, and whether the tenant overrode it.
type Basis struct {
	RuleID         string     `json:"rule_id"`
	Source         string     `json:"source"`
	Jurisdiction   string     `json:"jurisdiction"`
	Value          *int       `json:"value,omitempty"`
	Unit           string     `json:"unit,omitempty"`
	EffectiveFrom  Date       `json:"effective_from,omitzero"`
	Confidence     Confidence `json:"confidence,omitempty"`
	TenantOverride bool       `json:"tenant_override"`
	Note           string     `json:"note,omitempty"`
}

// Jurisdiction is a node of the region tree: CN → CN-NM → CN-NM-XAM.
type Jurisdiction struct {
	Code   string `json:"code"`
	Parent string `json:"parent,omitempty"` // "" for the root (CN)
	Name   string `json:"name"`
}

// RuleBook holds the jurisdictions and all their dated parameters. It is
// immutable once built; share one across goroutines.
type RuleBook struct {
	jurisdictions map[string]Jurisdiction
	params        map[string][]Param // by jurisdiction
}

// NewRuleBook validates jurisdictions and parameters and builds a RuleBook.
// Adding a province is adding data here: no code changes.
func NewRuleBook(js []Jurisdiction, ps []Param) (*RuleBook, error) {
	b := &RuleBook{jurisdictions: map[string]Jurisdiction{}, params: map[string][]Param{}}
	for _, j := range js {
		if j.Code == "" {
			return nil, fmt.Errorf("%w: jurisdiction without code", ErrInvalid)
		}
		b.jurisdictions[j.Code] = j
	}
	for _, j := range js {
		if _, err := b.chain(j.Code); err != nil {
			return nil, err
		}
	}
	for _, p := range ps {
		if err := b.addParam(p); err != nil {
			return nil, err
		}
	}
	return b, nil
}

func (b *RuleBook) addParam(p Param) error {
	if _, ok := b.jurisdictions[p.Jurisdiction]; !ok {
		return fmt.Errorf("%w: param %s: unknown jurisdiction", ErrUnknownRegion, p.ID())
	}
	if p.Key == "" || p.EffectiveFrom.IsZero() || p.Source == "" {
		return fmt.Errorf("%w: param %s: key, effective_from and source are required", ErrInvalid, p.ID())
	}
	if !p.EffectiveTo.IsZero() && p.EffectiveTo.Before(p.EffectiveFrom) {
		return fmt.Errorf("%w: param %s: effective_to before effective_from", ErrInvalid, p.ID())
	}
	for _, q := range b.params[p.Jurisdiction] {
		if q.Key == p.Key && overlapsInTime(p, q) {
			return fmt.Errorf("%w: params %s and %s overlap in time", ErrInvalid, p.ID(), q.ID())
		}
	}
	b.params[p.Jurisdiction] = append(b.params[p.Jurisdiction], p)
	return nil
}

func overlapsInTime(p, q Param) bool {
	pEndsBefore := !p.EffectiveTo.IsZero() && p.EffectiveTo.Before(q.EffectiveFrom)
	qEndsBefore := !q.EffectiveTo.IsZero() && q.EffectiveTo.Before(p.EffectiveFrom)
	return !pEndsBefore && !qEndsBefore
}

// chain returns region, its parent, ..., the root.
func (b *RuleBook) chain(region string) ([]string, error) {
	if region == "" {
		return nil, fmt.Errorf("%w: empty region", ErrUnknownRegion)
	}
	var out []string
	for code := region; code != ""; {
		j, ok := b.jurisdictions[code]
		if !ok {
			return nil, fmt.Errorf("%w: %q", ErrUnknownRegion, code)
		}
		if len(out) > len(b.jurisdictions) {
			return nil, fmt.Errorf("%w: jurisdiction cycle at %q", ErrInvalid, code)
		}
		out = append(out, code)
		code = j.Parent
	}
	return out, nil
}

// Jurisdictions returns the known jurisdictions sorted by code.
func (b *RuleBook) Jurisdictions() []Jurisdiction {
	out := make([]Jurisdiction, 0, len(b.jurisdictions))
	for _, j := range b.jurisdictions {
		out = append(out, j)
	}
	sort.Slice(out, func(i, k int) bool { return out[i].Code < out[k].Code })
	return out
}

// Resolve returns the parameters in force in region on day on: for each key,
// the lowest jurisdiction of the chain that has it in force wins. The pack
// carries DefaultSettings; apply the tenant's with RulePack.WithSettings.
func (b *RuleBook) Resolve(region string, on Date) (RulePack, error) {
	if on.IsZero() {
		return RulePack{}, fail(ErrInvalid, "date", "缺少判断规则所依据的日期")
	}
	chain, err := b.chain(region)
	if err != nil {
		return RulePack{}, fail(ErrUnknownRegion, "region", "未知地区代码 %q", region)
	}
	params := map[string]Param{}
	for i := len(chain) - 1; i >= 0; i-- { // root first, lower levels override
		for _, p := range b.params[chain[i]] {
			if p.InForce(on) {
				params[p.Key] = p
			}
		}
	}
	return RulePack{Region: region, On: on, Chain: chain, Params: params, Settings: DefaultSettings()}, nil
}
