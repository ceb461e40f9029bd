package portal

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"leaveguard/app/cache"
)

// Session lifetimes: a session ends after IdleTimeout without a request, and
// in any case MaxAge after login. The user behind it is re-checked in
// PostgreSQL (still there, still enabled, current role) every RecheckEvery.
const (
	IdleTimeout  = 8 * time.Hour
	MaxAge       = 24 * time.Hour
	RecheckEvery = time.Minute
)

// errNoSession means the cookie names no live session.
var errNoSession = errors.New("portal: no session")

// Session is a signed-in portal user, kept in Redis under the SHA-256 of its
// id (the id itself exists only in the user's cookie).
type Session struct {
	hash       string
	Tenant     string    `json:"tenant"`
	TenantName string    `json:"tenant_name"`
	UserID     string    `json:"user_id"`
	Email      string    `json:"email"`
	Name       string    `json:"name"`
	Role       string    `json:"role"`
	CSRF       string    `json:"csrf"`
	MustChange bool      `json:"must_change"`
	Created    time.Time `json:"created"`
	LastSeen   time.Time `json:"last_seen"`
	Checked    time.Time `json:"checked"`
}

// sessions is the Redis store of sessions, with a set of session hashes
// per user so that all of a user's sessions can end at once.
type sessions struct {
	kc *cache.Cache
}

func newSessions(kc *cache.Cache) *sessions { return &sessions{kc: kc} }

func sessionKey(hash string) string         { return "sess:" + hash }
func userSetKey(tenant, user string) string { return "usess:" + tenant + ":" + user }

func hashID(raw string) string {
	s := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(s[:])
}

// randomToken returns n random bytes, base64url-encoded.
func randomToken(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func (s *sessions) client() (*redis.Client, error) {
	if !s.kc.Healthy() {
		return nil, cache.ErrUnavailable
	}
	return s.kc.Client(), nil
}

// create stores sess under a fresh random id and returns the id for the
// cookie. Every login gets a new id (no fixation).
func (s *sessions) create(ctx context.Context, sess *Session) (string, error) {
	rdb, err := s.client()
	if err != nil {
		return "", err
	}
	raw := randomToken(32)
	sess.hash, sess.CSRF = hashID(raw), randomToken(32)
	now := time.Now()
	sess.Created, sess.LastSeen, sess.Checked = now, now, now
	b, err := json.Marshal(sess)
	if err != nil {
		return "", err
	}
	set := s.kc.Key(userSetKey(sess.Tenant, sess.UserID))
	pipe := rdb.TxPipeline()
	pipe.Set(ctx, s.kc.Key(sessionKey(sess.hash)), b, IdleTimeout)
	pipe.SAdd(ctx, set, sess.hash)
	pipe.Expire(ctx, set, MaxAge+time.Hour)
	if _, err := pipe.Exec(ctx); err != nil {
		return "", down("create session", err)
	}
	return raw, nil
}

// load returns the session named by the cookie value raw.
func (s *sessions) load(ctx context.Context, raw string) (*Session, error) {
	if len(raw) != 43 {
		return nil, errNoSession
	}
	rdb, err := s.client()
	if err != nil {
		return nil, err
	}
	b, err := rdb.Get(ctx, s.kc.Key(sessionKey(hashID(raw)))).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, errNoSession
	}
	if err != nil {
		return nil, down("load session", err)
	}
	var sess Session
	if err := json.Unmarshal(b, &sess); err != nil {
		return nil, errNoSession
	}
	sess.hash = hashID(raw)
	return &sess, nil
}

// save writes sess back only if it still exists (a session ended meanwhile
// stays ended), restarting its idle timeout.
func (s *sessions) save(ctx context.Context, sess *Session) error {
	rdb, err := s.client()
	if err != nil {
		return err
	}
	b, err := json.Marshal(sess)
	if err != nil {
		return err
	}
	ok, err := rdb.SetXX(ctx, s.kc.Key(sessionKey(sess.hash)), b, IdleTimeout).Result()
	if err != nil {
		return down("save session", err)
	}
	if !ok {
		return errNoSession
	}
	return nil
}

// delete ends one session.
func (s *sessions) delete(ctx context.Context, sess *Session) error {
	rdb, err := s.client()
	if err != nil {
		return err
	}
	pipe := rdb.TxPipeline()
	pipe.Del(ctx, s.kc.Key(sessionKey(sess.hash)))
	pipe.SRem(ctx, s.kc.Key(userSetKey(sess.Tenant, sess.UserID)), sess.hash)
	if _, err = pipe.Exec(ctx); err != nil {
		return down("delete session", err)
	}
	return nil
}

// endUser ends every session of a user at once. (Should Redis have lost the
// set, the per-minute PostgreSQL re-check still ends them.)
func (s *sessions) endUser(ctx context.Context, tenant, user string) error {
	rdb, err := s.client()
	if err != nil {
		return err
	}
	set := s.kc.Key(userSetKey(tenant, user))
	hashes, err := rdb.SMembers(ctx, set).Result()
	if err != nil {
		return down("end sessions", err)
	}
	keys := []string{set}
	for _, h := range hashes {
		keys = append(keys, s.kc.Key(sessionKey(h)))
	}
	if err := rdb.Del(ctx, keys...).Err(); err != nil {
		return down("end sessions", err)
	}
	return nil
}

// down reports a failed Redis operation as cache.ErrUnavailable: sessions
// fail closed and the login page explains.
func down(op string, err error) error {
	return fmt.Errorf("portal: %s: %w (%v)", op, cache.ErrUnavailable, err)
}
