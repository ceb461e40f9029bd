package signature

import (
	"testing"
	"time"
)

// FuzzParseSignatures feeds arbitrary signature and timestamp headers to the
// parser and Verify, which must never panic.
func FuzzParseSignatures(f *testing.F) {
	for _, s := range []string{vecSig, vecSig + " v1,AAAA", "v1,", ",", "v1a,xyz v1,=== v2,abc", "  v1,g0hM  "} {
		f.Add(s, vecTS)
	}
	f.Fuzz(func(t *testing.T, header, timestamp string) {
		sigs := parseSignatures(header)
		if len(sigs) > maxSignatures {
			t.Fatalf("%d signatures", len(sigs))
		}
		_ = Verify([]string{vecSecret}, Headers{ID: vecID, Timestamp: timestamp, Signature: header}, []byte(vecBody), time.Unix(1614265330, 0))
	})
}
