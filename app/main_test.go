package app_test

import (
	"fmt"
	"os"
	"testing"

	"leaveguard/app/apptest"
)

var env *apptest.Env

func TestMain(m *testing.M) {
	var err error
	env, err = apptest.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "app tests need PostgreSQL and Redis (make test starts them):", err)
		os.Exit(1)
	}
	code := m.Run()
	env.Close()
	os.Exit(code)
}
