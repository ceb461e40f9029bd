package portal

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"
)

// stash keeps a short-lived value (a pending login) under a random token.
func (s *sessions) stash(ctx context.Context, v any, ttl time.Duration) (string, error) {
	rdb, err := s.client()
	if err != nil {
		return "", err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	tok := randomToken(32)
	if err := rdb.Set(ctx, s.kc.Key("plogin:"+hashID(tok)), b, ttl).Err(); err != nil {
		return "", down("stash", err)
	}
	return tok, nil
}

// unstash reads and removes the value stashed under tok.
func (s *sessions) unstash(ctx context.Context, tok string, v any) error {
	rdb, err := s.client()
	if err != nil {
		return err
	}
	b, err := rdb.GetDel(ctx, s.kc.Key("plogin:"+hashID(tok))).Bytes()
	if errors.Is(err, redis.Nil) {
		return errNoSession
	}
	if err != nil {
		return down("unstash", err)
	}
	return json.Unmarshal(b, v)
}
