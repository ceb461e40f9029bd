package app_test

import (
	"testing"
)

// newKey adds an API key with role to tenant and returns it.
func newKey(t *testing.T, tenant, role string) string { return env.NewKey(t, tenant, role) }
