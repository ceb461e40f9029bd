package handlers

import (
	"math"
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
	n, _ := l.hit(c, key)
	return n <= l.limit
}

// hit counts one hit for key and returns the count so far in its window
// and when the window ends.
func (l *Limiter) hit(c *fiber.Ctx, key string) (int64, time.Time) {
	now := l.now()
	slot := now.UnixNano() / int64(l.window)
	n, err := l.cache.Incr(c.UserContext(), "rl:"+key+":"+strconv.FormatInt(slot, 10), l.window)
	if err != nil {
		return l.allowLocal(key)
	}
	return n, time.Unix(0, (slot+1)*int64(l.window))
}

// allowLocal counts a hit in key's in-process window: the count and the
// window's end.
func (l *Limiter) allowLocal(key string) (int64, time.Time) {
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
			return 1, now.Add(l.window)
		}
		w = &localWindow{start: now}
		l.local[key] = w
	}
	w.n++
	return w.n, w.start.Add(l.window)
}

// Rate-limit headers on every limited response: the hits allowed per
// window, those left in the current one, and the Unix time it ends.
const (
	HeaderRateLimit     = "X-RateLimit-Limit"
	HeaderRateRemaining = "X-RateLimit-Remaining"
	HeaderRateReset     = "X-RateLimit-Reset"
)

// PerPrincipal limits each authenticated caller: every response carries the
// X-RateLimit-* headers; past the limit, 429 with Retry-After = the seconds
// left in the window.
func (l *Limiter) PerPrincipal() fiber.Handler {
	return func(c *fiber.Ctx) error {
		p, _ := PrincipalOf(c)
		n, reset := l.hit(c, p.ActorType+":"+p.ActorID)
		c.Set(HeaderRateLimit, strconv.FormatInt(l.limit, 10))
		c.Set(HeaderRateRemaining, strconv.FormatInt(max(l.limit-n, 0), 10))
		c.Set(HeaderRateReset, strconv.FormatInt(int64(math.Ceil(float64(reset.UnixNano())/1e9)), 10))
		if n > l.limit {
			left := int(math.Ceil(reset.Sub(l.now()).Seconds()))
			c.Set(fiber.HeaderRetryAfter, strconv.Itoa(min(max(left, 1), int(l.window.Seconds()))))
			return fiber.ErrTooManyRequests
		}
		return c.Next()
	}
}
