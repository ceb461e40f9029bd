package portal

import (
	"encoding/base64"
	"strings"
	"time"

	"github.com/google/uuid"
)

// PageSize is the number of rows on one page of a list.
const PageSize = 50

// encodeCursor is an opaque keyset position: the (created_at, id) of the
// last row shown.
func encodeCursor(t time.Time, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(t.UTC().Format(time.RFC3339Nano) + "|" + id))
}

// decodeCursor reads a cursor; a malformed one means "from the start".
func decodeCursor(s string) (time.Time, string) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return time.Time{}, ""
	}
	ts, id, ok := strings.Cut(string(raw), "|")
	t, err := time.Parse(time.RFC3339Nano, ts)
	if !ok || err != nil || uuid.Validate(id) != nil {
		return time.Time{}, ""
	}
	return t, id
}

// validID returns id in canonical form, or "" when it is not a UUID.
func validID(id string) string {
	u, err := uuid.Parse(id)
	if err != nil {
		return ""
	}
	return u.String()
}

// cutPage keeps the first PageSize of rows read with a limit of PageSize+1
// and returns the cursor of the next page: the key of the last row kept, or
// "" when there is no more.
func cutPage[R any](rows []R, key func(R) (time.Time, string)) ([]R, string) {
	if len(rows) <= PageSize {
		return rows, ""
	}
	rows = rows[:PageSize]
	return rows, encodeCursor(key(rows[PageSize-1]))
}
