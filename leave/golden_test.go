package leave_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"leaveguard/leave"
)

// The golden table (testdata/golden.json) holds named legal cases: the
// facts (a fixture), the question (a dismissal check, a protection status,
// a birth plan or a leave request), the expected answer and the deciding
// article, which must appear in the answer's basis.

type goldenFacts struct {
	Gender       leave.Gender        `json:"gender"`
	Settings     leave.Settings      `json:"settings"`
	Pregnancies  []leave.Pregnancy   `json:"pregnancies"`
	Births       []leave.Birth       `json:"births"`
	Miscarriages []leave.Miscarriage `json:"miscarriages"`
	Deaths       []leave.Death       `json:"deaths"`
	Marriages    []leave.Date        `json:"marriages"`
	Extra        map[string]any      `json:"-"`
	_            map[string]json.RawMessage
}

type goldenCase struct {
	Name       string         `json:"name"`
	Fixture    string         `json:"fixture"`
	Kind       string         `json:"kind"`
	Article    string         `json:"article"`
	Action     leave.Action   `json:"action"`
	Ground     leave.Ground   `json:"ground"`
	On         string         `json:"on"`
	LeaveStart string         `json:"leave_start"`
	Stillborn  *int           `json:"stillborn"`
	Request    *leave.Request `json:"request"`
	Want       map[string]any `json:"want"`
}

type goldenFile struct {
	Fixtures map[string]goldenFacts `json:"fixtures"`
	Cases    []goldenCase           `json:"cases"`
}

func loadGolden(t *testing.T) goldenFile {
	t.Helper()
	b, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var g goldenFile
	dec := json.NewDecoder(strings.NewReader(string(b)))
	if err := dec.Decode(&g); err != nil {
		t.Fatalf("golden.json: %v", err)
	}
	return g
}

// facts plans the fixture's births and miscarriages under its settings.
func (gf goldenFacts) facts(t *testing.T) (leave.Facts, leave.Rules) {
	t.Helper()
	r := rulesIn("CN-NM-XAM", gf.Settings)
	f := leave.Facts{Gender: gf.Gender, Pregnancies: gf.Pregnancies, Deaths: gf.Deaths, Marriages: gf.Marriages}
	for _, b := range gf.Births {
		b.Parent = leave.Mother
		if gf.Gender == leave.Male {
			b.Parent = leave.Father
		}
		f.Births = append(f.Births, mustPlan(t, r, b))
	}
	for _, m := range gf.Miscarriages {
		f.Miscarriages = append(f.Miscarriages, mustMiscarriage(t, r, m))
	}
	return f, r
}

func TestGoldenCases(t *testing.T) {
	g := loadGolden(t)
	if len(g.Cases) < 120 {
		t.Errorf("golden table has %d cases, want at least 120", len(g.Cases))
	}
	seen := map[string]bool{}
	for _, tc := range g.Cases {
		if seen[tc.Name] {
			t.Errorf("duplicate case %s", tc.Name)
		}
		seen[tc.Name] = true
		t.Run(tc.Name, func(t *testing.T) {
			fx, ok := g.Fixtures[tc.Fixture]
			if !ok {
				t.Fatalf("unknown fixture %q", tc.Fixture)
			}
			if tc.Article == "" {
				t.Fatal("case without a deciding article")
			}
			var got map[string]any
			var basis []leave.Basis
			switch tc.Kind {
			case "dismissal":
				got, basis = goldenDismissal(t, fx, tc)
			case "protection":
				got, basis = goldenProtection(t, fx, tc)
			case "plan":
				got, basis = goldenPlan(t, fx, tc)
			case "request":
				got, basis = goldenRequest(t, fx, tc)
			default:
				t.Fatalf("unknown kind %q", tc.Kind)
			}
			compareGolden(t, tc.Want, got)
			if _, isErr := got["error"]; !isErr && !strings.HasPrefix(tc.Article, "rules.md") && !citesArticle(basis, tc.Article) {
				t.Errorf("deciding article %q not in the basis %v", tc.Article, ruleIDs(basis))
			}
		})
	}
}

func compareGolden(t *testing.T, want, got map[string]any) {
	t.Helper()
	for k, w := range want {
		switch k {
		case "code", "code2":
			codes, _ := got["codes"].([]string)
			if !contains(codes, fmt.Sprint(w)) {
				t.Errorf("reason %v missing from %v", w, codes)
			}
		case "message":
			msg := fmt.Sprint(got["message"])
			for _, part := range w.([]any) {
				if !strings.Contains(msg, fmt.Sprint(part)) {
					t.Errorf("message lacks %q: %s", part, msg)
				}
			}
		case "note", "note_text":
			notes := fmt.Sprint(got["notes"])
			if !strings.Contains(notes, fmt.Sprint(w)) {
				t.Errorf("%s %v missing from %s", k, w, notes)
			}
		default:
			g, ok := got[k]
			if !ok {
				t.Errorf("%s: not computed for this kind", k)
				continue
			}
			if fmt.Sprint(norm(w)) != fmt.Sprint(norm(g)) {
				t.Errorf("%s = %v, want %v", k, norm(g), norm(w))
			}
		}
	}
}

// norm makes JSON numbers, nulls, zero dates and dates comparable.
func norm(v any) any {
	switch x := v.(type) {
	case nil:
		return "null"
	case float64:
		return int(x)
	case *leave.Date:
		if x == nil {
			return "null"
		}
		return x.String()
	case leave.Date:
		if x.IsZero() {
			return "null"
		}
		return x.String()
	case leave.Phase:
		if x == leave.PhaseNone {
			return "null"
		}
		return string(x)
	case leave.Outcome:
		return string(x)
	}
	return v
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func citesArticle(bs []leave.Basis, article string) bool {
	for _, b := range bs {
		if strings.Contains(b.RuleID, article) {
			return true
		}
	}
	return false
}

func ruleIDs(bs []leave.Basis) []string {
	var out []string
	for _, b := range bs {
		out = append(out, b.RuleID)
	}
	return out
}

func errName(err error) string {
	for name, e := range map[string]error{"overlaps": leave.ErrOverlaps, "not_eligible": leave.ErrNotEligible,
		"exceeds_entitlement": leave.ErrExceedsEntitlement, "leave_start_too_early": leave.ErrLeaveStartTooEarly} {
		if errors.Is(err, e) {
			return name
		}
	}
	if errors.Is(err, leave.ErrInvalid) {
		return "invalid"
	}
	return err.Error()
}
