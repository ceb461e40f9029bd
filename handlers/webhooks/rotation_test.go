package webhooks_test

import (
	"fmt"
	"testing"
)

// TestRotationGrace: after a rotation the old secret works until its grace
// period ends; a rotation with grace 0 retires the replaced one at once.
func TestRotationGrace(t *testing.T) {
	id, path, s1 := integration(t, env.A.Key)
	try := func(secret string) int {
		return post(t, path, secret, fmt.Sprintf("msg_rot_%d", seq.Add(1)), upsertBody(fmt.Sprintf("ROT-%d", seq.Add(1)))).Status
	}
	if got := try(s1); got != 202 {
		t.Fatalf("first secret: %d", got)
	}
	r := env.Do(t, "POST", "/api/v1/integrations/"+id+"/rotate-secret", env.A.Key, nil)
	s2, _ := r.JSON(t)["secret"].(string)
	if r.Status != 200 || s2 == "" || s2 == s1 || r.JSON(t)["previous_secret_valid_until"] == nil {
		t.Fatalf("rotate: %d %s", r.Status, r.Body)
	}
	if a, b := try(s1), try(s2); a != 202 || b != 202 {
		t.Fatalf("during grace: old %d, new %d (want 202, 202)", a, b)
	}
	r = env.Do(t, "POST", "/api/v1/integrations/"+id+"/rotate-secret", env.A.Key, map[string]any{"grace_hours": 0})
	s3, _ := r.JSON(t)["secret"].(string)
	if r.Status != 200 || s3 == "" {
		t.Fatalf("rotate without grace: %d %s", r.Status, r.Body)
	}
	if a, b, c := try(s1), try(s2), try(s3); a != 401 || b != 401 || c != 202 {
		t.Fatalf("after grace-0 rotation: first %d, second %d, third %d (want 401, 401, 202)", a, b, c)
	}
	if r := env.Do(t, "GET", "/api/v1/integrations/"+id, env.A.Key, nil); r.Status != 200 || r.JSON(t)["secret"] != nil {
		t.Fatalf("get must never show the secret: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "POST", "/api/v1/integrations/"+id+"/rotate-secret", env.A.Key, map[string]any{"grace_hours": 169}); r.Status != 400 {
		t.Fatalf("grace 169 h: %d %s", r.Status, r.Body)
	}
}
