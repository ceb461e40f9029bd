package handlers

import (
	"fmt"
	"syscall"
	"testing"

	"leaveguard/app/cache"
	"leaveguard/app/cases"
	"leaveguard/store"
)

// TestClassify: the one table from errors to answers that the API and the
// portal share.
func TestClassify(t *testing.T) {
	for err, want := range map[error]int{
		fmt.Errorf("x: %w", store.ErrNotFound):         404,
		fmt.Errorf("x: %w", store.ErrConflict):         409,
		fmt.Errorf("x: %w", syscall.ECONNREFUSED):      503,
		fmt.Errorf("x: %w", cache.ErrUnavailable):      503,
		fmt.Errorf("x: %w", cases.ErrBusy):             503,
		cases.Fail(cases.Unprocessable, "no", "不符合规则"): 422,
		fmt.Errorf("something else"):                   500,
	} {
		if got := Classify(err).Status; got != want {
			t.Errorf("%v: %d, want %d", err, got, want)
		}
	}
}
