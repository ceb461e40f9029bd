package store_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/google/uuid"

	"leaveguard/leave"
	"leaveguard/store"
	"leaveguard/store/dbtest"
)

var (
	testDB *dbtest.DB
	st     *store.Store
)

func TestMain(m *testing.M) {
	var err error
	testDB, err = dbtest.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "store tests need PostgreSQL (make test starts it):", err)
		os.Exit(1)
	}
	st = store.New(testDB.App)
	code := m.Run()
	testDB.Close()
	os.Exit(code)
}

// newTenant creates a tenant with n employees and returns its id.
func newTenant(t testing.TB, n int) string {
	t.Helper()
	ctx := context.Background()
	id := uuid.NewString()
	err := st.InTx(ctx, id, func(tx *store.Tx) error {
		if err := tx.CreateTenant(ctx, id, store.Tenant{Name: "单位" + id[:4], Region: "CN-NM-XAM"}); err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			e := store.Employee{ExternalID: fmt.Sprintf("E%03d", i), Name: "员工", Gender: "female",
				NationalIDEnc: []byte{1}, NationalIDHash: []byte(fmt.Sprintf("%s-%d", id, i)),
				NationalIDMasked: "x", HiredOn: leave.MustDate("2020-01-01"), MonthlyWageFen: 500000}
			if _, err := tx.CreateEmployee(ctx, id, e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}
