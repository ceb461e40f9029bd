package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"leaveguard/app"
)

// TestTenantCreatePasswordPolicy: `tenant create` refuses an admin password
// shorter than 12 characters or easily guessed, and says why in Chinese.
func TestTenantCreatePasswordPolicy(t *testing.T) {
	for pw, why := range map[string]string{
		"Short-2026":             "至少需要12个字符",
		"password1234":           "常用密码",
		"pw.admin@example.com":   "邮箱",
		"LeaveGuard-2026":        "太容易被猜中",
		"aaaaaaaaaaaaaaaaaaaaaa": "重复",
	} {
		_, err := app.CreateTenant(context.Background(), env.DB.App, app.NewTenant{Name: "口令测试单位", Region: "CN-NM-XAM",
			AdminEmail: "pw.admin@example.com", AdminPassword: pw})
		if !errors.Is(err, app.ErrUsage) || !strings.Contains(err.Error(), "--admin-password") || !strings.Contains(err.Error(), why) {
			t.Errorf("admin password %q: %v, want a usage error saying %q", pw, err, why)
		}
	}
	if _, err := app.CreateTenant(context.Background(), env.DB.App, app.NewTenant{Name: "口令测试单位", Region: "CN-NM-XAM",
		AdminEmail: "pw.admin@example.com", AdminPassword: "Grassland-Horse-2026"}); err != nil {
		t.Fatalf("strong password refused: %v", err)
	}
}
