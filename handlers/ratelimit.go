package handlers

import (
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cache"
)

// Limiter is a fixed-window rate limiter kept in Redis, falling back to an
// in-process window per instance while Redis is down.
type Limiter struct {
	cache  *cache.Cache
	limit  int64
	window time.Duration

	mu    sync.Mutex
	local map[string]*localWindow
	swept time.Time        // when expired local windows were last dropped
	now   func() time.Time // the local windows' clock
}

// maxLocalKeys bounds the local windows kept while Redis is down; a key
// past it, during a flood of distinct keys, is let through uncounted
// rather than wiping every other key's window.
const maxLocalKeys = 100000

type localWindow struct {
	start time.Time
	n     int64
}

// NewLimiter allows limit hits per window for each key.
func NewLimiter(c *cache.Cache, limit int, window time.Duration) *Limiter {
	return &Limiter{cache: c, limit: int64(limit), window: window, local: map[string]*localWindow{}, now: time.Now}
}

// Allow counts one hit for key and reports whether it is within the limit.
func (l *Limiter) Allow(c *fiber.Ctx, key string) bool {
	slot := time.Now().UnixNano() / int64(l.window)
	n, err := l.cache.Incr(c.UserContext(), "rl:"+key+":"+strconv.FormatInt(slot, 10), l.window)
	if err != nil {
		n = l.allowLocal(key)
	}
	return n <= l.limit
}

func (l *Limiter) allowLocal(key string) int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if now.Sub(l.swept) >= l.window { // at most once a window: drop the windows that ended
		for k, w := range l.local {
			if now.Sub(w.start) >= l.window {
				delete(l.local, k)
			}
		}
		l.swept = now
	}
	w := l.local[key]
	if w == nil || now.Sub(w.start) >= l.window {
		if w == nil && len(l.local) >= maxLocalKeys {
			return 1
		}
		w = &localWindow{start: now}
		l.local[key] = w
	}
	w.n++
	return w.n
}

// PerPrincipal limits each authenticated caller (429 past the limit).
func (l *Limiter) PerPrincipal() fiber.Handler {
	return func(c *fiber.Ctx) error {
		p, _ := PrincipalOf(c)
		if !l.Allow(c, p.ActorType+":"+p.ActorID) {
			c.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(l.window.Seconds())))
			return fiber.ErrTooManyRequests
		}
		return c.Next()
	}
}
