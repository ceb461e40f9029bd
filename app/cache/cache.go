// Package cache is LeaveGuard's thin layer over Redis: short timeouts, a
// health flag refreshed by a pinger, and a fast "unavailable" answer while
// Redis is down, so callers fall back to PostgreSQL or in-process state.
// Nothing durable lives only here.
package cache

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// ErrUnavailable means Redis is down (or was at the last health check).
var ErrUnavailable = errors.New("cache: redis unavailable")

// ErrMiss means the key is absent.
var ErrMiss = errors.New("cache: miss")

// HealthInterval is how often the pinger checks Redis.
const HealthInterval = 2 * time.Second

// Cache wraps a Redis client with a key prefix and a health flag.
type Cache struct {
	rdb     *redis.Client
	prefix  string
	healthy atomic.Bool
}

// New connects lazily to the Redis at url (redis://host:port/db).
func New(url, prefix string) (*Cache, error) {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return nil, err
	}
	opt.ContextTimeoutEnabled = true
	opt.DialTimeout = 300 * time.Millisecond
	opt.ReadTimeout = 300 * time.Millisecond
	opt.WriteTimeout = 300 * time.Millisecond
	opt.MaxRetries = 0
	opt.DialerRetries = 1 // a dead Redis must fail fast, not after five backoffs
	c := &Cache{rdb: redis.NewClient(opt), prefix: prefix}
	c.healthy.Store(true)
	return c, nil
}

// Client returns the underlying client, keyed with Prefix by the caller.
func (c *Cache) Client() *redis.Client { return c.rdb }

// Key returns the prefixed key for name.
func (c *Cache) Key(name string) string { return c.prefix + name }

// Healthy reports Redis's state at the last check or call.
func (c *Cache) Healthy() bool { return c.healthy.Load() }

// Ping checks Redis now and records the result.
func (c *Cache) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
	defer cancel()
	err := c.rdb.Ping(ctx).Err()
	c.healthy.Store(err == nil)
	return err
}

// Run pings Redis until ctx ends: every HealthInterval while it is healthy,
// and four times as often while it is down, so a recovered Redis is back in
// use well within one interval.
func (c *Cache) Run(ctx context.Context) {
	for {
		wait := HealthInterval
		if !c.Healthy() {
			wait = HealthInterval / 4
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
			_ = c.Ping(ctx)
		}
	}
}

// Close closes the client.
func (c *Cache) Close() error { return c.rdb.Close() }

// Get returns the value of key.
func (c *Cache) Get(ctx context.Context, key string) ([]byte, error) {
	if !c.Healthy() {
		return nil, ErrUnavailable
	}
	b, err := c.rdb.Get(ctx, c.Key(key)).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, ErrMiss
	}
	return b, c.note(err)
}

// Set stores key=value for ttl.
func (c *Cache) Set(ctx context.Context, key string, value []byte, ttl time.Duration) error {
	if !c.Healthy() {
		return ErrUnavailable
	}
	return c.note(c.rdb.Set(ctx, c.Key(key), value, ttl).Err())
}

// Del removes keys.
func (c *Cache) Del(ctx context.Context, keys ...string) error {
	if !c.Healthy() {
		return ErrUnavailable
	}
	full := make([]string, len(keys))
	for i, k := range keys {
		full[i] = c.Key(k)
	}
	return c.note(c.rdb.Del(ctx, full...).Err())
}

// Incr increments a counter that expires ttl after its first increment.
func (c *Cache) Incr(ctx context.Context, key string, ttl time.Duration) (int64, error) {
	if !c.Healthy() {
		return 0, ErrUnavailable
	}
	pipe := c.rdb.TxPipeline()
	n := pipe.Incr(ctx, c.Key(key))
	pipe.ExpireNX(ctx, c.Key(key), ttl)
	if _, err := pipe.Exec(ctx); err != nil {
		return 0, c.note(err)
	}
	return n.Val(), nil
}

// note marks Redis unhealthy on a connection-level failure.
func (c *Cache) note(err error) error {
	if err == nil {
		return nil
	}
	var rerr redis.Error
	if !errors.As(err, &rerr) { // not a server reply: the connection failed
		c.healthy.Store(false)
		return ErrUnavailable
	}
	return err
}
