package handlers

import (
	"errors"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cache"
)

// Over reports whether key has already used up its hits in the current
// window, without counting a hit (for limits that count only failures,
// such as login attempts: check Over first, call Allow on each failure).
func (l *Limiter) Over(c *fiber.Ctx, key string) bool {
	slot := time.Now().UnixNano() / int64(l.window)
	b, err := l.cache.Get(c.UserContext(), "rl:"+key+":"+strconv.FormatInt(slot, 10))
	if err == nil {
		n, _ := strconv.ParseInt(string(b), 10, 64)
		return n >= l.limit
	}
	if errors.Is(err, cache.ErrMiss) {
		return false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	w := l.local[key]
	return w != nil && time.Since(w.start) < l.window && w.n >= l.limit
}
