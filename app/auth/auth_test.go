package auth

import (
	"strings"
	"testing"
)

func TestAPIKeyRoundTrip(t *testing.T) {
	tenant := "0b6f2c1e-8a4d-4c3b-9e2f-1a2b3c4d5e6f"
	key, hash, err := NewAPIKey(tenant)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseAPIKey(key)
	if err != nil || got != tenant {
		t.Fatalf("ParseAPIKey = %q, %v; want %q", got, err, tenant)
	}
	if string(HashAPIKey(key)) != string(hash) {
		t.Fatal("hash differs")
	}
	for _, bad := range []string{"", "lg_", "lg_zz_x", "xx_" + key[3:], key + "x", key[:len(key)-1]} {
		if _, err := ParseAPIKey(bad); err == nil {
			t.Errorf("ParseAPIKey(%q) accepted", bad)
		}
	}
}

func TestPassword(t *testing.T) {
	h, err := HashPassword("正确的密码 horse")
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := CheckPassword(h, "正确的密码 horse"); !ok || err != nil {
		t.Fatalf("right password rejected: %v", err)
	}
	if ok, _ := CheckPassword(h, "wrong"); ok {
		t.Fatal("wrong password accepted")
	}
	if _, err := CheckPassword("$bcrypt$x", "x"); err == nil {
		t.Fatal("malformed hash accepted")
	}
}

func TestPasswordProblem(t *testing.T) {
	for pw, want := range map[string]string{
		"":                        "请输入密码",
		"short pw":                "至少需要12个字符",
		"password1234":            "常用密码",
		"zxcvbnm,./lkjhgf":        "键盘",
		"aaaaaaaaaaaaaaa":         "重复",
		"wulan.admin@example.com": "邮箱",
		"LeaveGuard-2026":         "太容易被猜中",
		"correct horse battery":   "",
		"Xing'an League 2026":     "",
		"ABCD-efgh-2345-jkmn":     "",
	} {
		got := PasswordProblem(pw, "wulan.admin@example.com")
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("PasswordProblem(%q) = %q, want %q", pw, got, want)
		}
	}
}
