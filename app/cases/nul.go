package cases

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// NULMessage is the field message for text holding a NUL character, which
// PostgreSQL cannot store in text or jsonb.
const NULMessage = "不能包含 NUL 字符（\\u0000）"

// NULField returns the path ("data.name", "items.0") of the first string or
// object key in the JSON document raw that holds a NUL character, and
// whether there is one. Malformed JSON has none (the decoder says why).
func NULField(raw []byte) (string, bool) {
	if !bytes.Contains(raw, []byte(`\u0000`)) {
		return "", false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return "", false
	}
	return nulIn(v, "")
}

func nulIn(v any, path string) (string, bool) {
	join := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	switch x := v.(type) {
	case string:
		return path, strings.ContainsRune(x, 0)
	case map[string]any:
		for k, e := range x {
			if strings.ContainsRune(k, 0) {
				return join(strings.ReplaceAll(k, "\x00", `\u0000`)), true
			}
			if p, ok := nulIn(e, join(k)); ok {
				return p, true
			}
		}
	case []any:
		for i, e := range x {
			if p, ok := nulIn(e, join(strconv.Itoa(i))); ok {
				return p, true
			}
		}
	}
	return "", false
}
