package store_test

import (
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
	"testing"

	"github.com/lib/pq"

	"leaveguard/store"
)

func TestUnavailable(t *testing.T) {
	for name, c := range map[string]struct {
		err  error
		want bool
	}{
		"starting up":         {&pq.Error{Code: "57P03"}, true},
		"admin shutdown":      {fmt.Errorf("store: employees: %w", &pq.Error{Code: "57P01"}), true},
		"connection failure":  {&pq.Error{Code: "08006"}, true},
		"too many clients":    {&pq.Error{Code: "53300"}, true},
		"cut mid-answer":      {fmt.Errorf("store: audit: %w", io.ErrUnexpectedEOF), true},
		"broken pipe":         {&net.OpError{Op: "write", Err: syscall.EPIPE}, true},
		"refused":             {&net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}, true},
		"pool closed":         {fmt.Errorf("store: begin: %w", errors.New("sql: database is closed")), true},
		"unique violation":    {&pq.Error{Code: "23505"}, false},
		"syntax error":        {&pq.Error{Code: "42601"}, false},
		"not found":           {store.ErrNotFound, false},
		"an error of our own": {errors.New("cases: webhook left without an outcome"), false},
	} {
		if got := store.Unavailable(c.err); got != c.want {
			t.Errorf("%s: Unavailable = %v, want %v", name, got, c.want)
		}
	}
}
