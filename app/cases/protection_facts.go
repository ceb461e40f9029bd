package cases

import (
	"encoding/json"
	"fmt"

	"leaveguard/leave"
	"leaveguard/store"
)

// protectionFacts turns the one-query protection facts into domain facts.
func protectionFacts(p store.ProtectionFacts) (leave.Facts, error) {
	f := leave.Facts{Gender: leave.Gender(p.Gender)}
	if p.ContractEnd != nil {
		f.ContractEnd = *p.ContractEnd
	}
	for _, x := range []struct {
		raw json.RawMessage
		dst any
	}{{p.Pregnancies, &f.Pregnancies}, {p.Births, &f.Births}, {p.Miscarriages, &f.Miscarriages}, {p.Deaths, &f.Deaths}} {
		if len(x.raw) == 0 {
			continue
		}
		if err := json.Unmarshal(x.raw, x.dst); err != nil {
			return leave.Facts{}, fmt.Errorf("cases: protection facts: %w", err)
		}
	}
	return f, nil
}
