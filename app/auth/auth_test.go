package auth

import "testing"

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
