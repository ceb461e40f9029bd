package cases

import (
	"strings"
	"testing"

	"leaveguard/app/auth"
)

// TestKeyPrefix: the prefix is the first 8 characters of the secret part,
// even when the secret itself holds "_".
func TestKeyPrefix(t *testing.T) {
	for i := 0; i < 200; i++ {
		key, _, err := auth.NewAPIKey("0b6f2c1e-8a4d-4c3b-9e2f-1a2b3c4d5e6f")
		if err != nil {
			t.Fatal(err)
		}
		if p := KeyPrefix(key); len(p) != 8 || !strings.HasPrefix(key, "lg_0b6f2c1e8a4d4c3b9e2f1a2b3c4d5e6f_"+p) {
			t.Fatalf("KeyPrefix(%q) = %q", key, p)
		}
	}
}
