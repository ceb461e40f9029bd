package seed

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"strings"
)

// Password is the portal password of every seeded admin user.
const Password = "bench-password-2026"

// APIKey is the admin API key of a seeded tenant. It is derived from the
// tenant id (not random) so a benchmark can find the keys of a data set it
// did not seed itself; never do this outside a throwaway bench database.
func APIKey(tenant string) string {
	sum := sha256.Sum256([]byte("lgbench api key " + tenant))
	return "lg_" + strings.ReplaceAll(tenant, "-", "") + "_" + base64.RawURLEncoding.EncodeToString(sum[:])
}

// AdminEmail is the portal login of tenant number i's admin.
func AdminEmail(i int) string { return fmt.Sprintf("admin%04d@bench.example.com", i) }

// newUUID draws a version-4 UUID from rng.
func newUUID(rng *rand.Rand) string {
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], rng.Uint64())
	binary.LittleEndian.PutUint64(b[8:], rng.Uint64())
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	const hx = "0123456789abcdef"
	out := make([]byte, 36)
	j := 0
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out[j] = '-'
			j++
		}
		out[j], out[j+1] = hx[c>>4], hx[c&0xf]
		j += 2
	}
	return string(out)
}

// TenantID is the id of tenant number i of a plan with seed.
func TenantID(seed uint64, i int) string {
	return newUUID(rand.New(rand.NewPCG(seed, uint64(i)<<1|1)))
}
