package store

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"strings"
	"syscall"

	"github.com/lib/pq"
)

// Unavailable reports a failure of the database rather than of the request
// — PostgreSQL restarting or shutting down, a connection refused, reset or
// cut mid-answer, no connection slot left — after which the same request
// may well succeed (the API answers 503 with Retry-After, not 500).
func Unavailable(err error) bool {
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		c := string(pqErr.Code)
		// 08: connection exception; 57P: operator intervention (admin
		// shutdown, crash shutdown, cannot connect now); 53300: too many
		// connections.
		return strings.HasPrefix(c, "08") || strings.HasPrefix(c, "57P") || c == "53300"
	}
	for _, target := range []error{driver.ErrBadConn, sql.ErrConnDone, io.EOF, io.ErrUnexpectedEOF,
		syscall.ECONNREFUSED, syscall.ECONNRESET, syscall.EPIPE} {
		if errors.Is(err, target) {
			return true
		}
	}
	// database/sql says so only in words (its error value is unexported).
	return strings.Contains(err.Error(), "sql: database is closed")
}
