package api

import (
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"leaveguard/handlers"
)

// pathID returns the :id path parameter; a malformed id is simply not found.
func pathID(c *fiber.Ctx) (string, error) {
	return uuidParam(c.Params("id"))
}

// idAndBody reads the :id path parameter and decodes the JSON body into an In.
func idAndBody[In any](c *fiber.Ctx) (string, In, error) {
	var in In
	id, err := pathID(c)
	if err != nil {
		return "", in, err
	}
	return id, in, decode(c, &in)
}

func uuidParam(s string) (string, error) {
	u, err := uuid.Parse(s)
	if err != nil {
		return "", handlers.NotFound()
	}
	return u.String(), nil
}

// limit reads ?limit= (default 50, 1..200).
func limit(c *fiber.Ctx) (int, error) {
	s := c.Query("limit")
	if s == "" {
		return 50, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 200 {
		return 0, handlers.Invalid(map[string]string{"limit": "须为 1 到 200 之间的整数"})
	}
	return n, nil
}

// cursor is an opaque keyset position: the (created_at, id) of a row.
func encodeCursor(t time.Time, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(t.UTC().Format(time.RFC3339Nano) + "|" + id))
}

func decodeCursor(s string) (time.Time, string, error) {
	if s == "" {
		return time.Time{}, "", nil
	}
	bad := handlers.Invalid(map[string]string{"cursor": "分页游标无效，请使用上一页返回的 next_cursor"})
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return time.Time{}, "", bad
	}
	ts, id, ok := strings.Cut(string(b), "|")
	t, err := time.Parse(time.RFC3339Nano, ts)
	if !ok || err != nil {
		return time.Time{}, "", bad
	}
	if _, err := uuid.Parse(id); err != nil {
		return time.Time{}, "", bad
	}
	return t, id, nil
}

// keyset is a list's ?limit and ?cursor: up to N rows past the row at
// (At, ID), or from the start when ID is "".
type keyset struct {
	N  int
	At time.Time
	ID string
}

// readKeyset reads ?limit and ?cursor.
func readKeyset(c *fiber.Ctx) (keyset, error) {
	n, err := limit(c)
	if err != nil {
		return keyset{}, err
	}
	at, id, err := decodeCursor(c.Query("cursor"))
	return keyset{N: n, At: at, ID: id}, err
}

// page is the envelope of every paginated list.
type page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// pageOf makes a page of at most n views from rows fetched with limit n+1:
// an extra row means there is more, and next_cursor is then the key of the
// last row shown.
func pageOf[T, R any](rows []R, n int, view func(R) T, key func(R) (time.Time, string)) page[T] {
	out := page[T]{Items: make([]T, 0, min(len(rows), n))}
	for i, r := range rows {
		if i == n {
			out.NextCursor = encodeCursor(key(rows[n-1]))
			break
		}
		out.Items = append(out.Items, view(r))
	}
	return out
}

// same is the view of a row that is already its own view.
func same[T any](v T) T { return v }
