package handlers

import (
	"context"
	"sync"
	"time"
)

// Slowdown delays requests of a key (a client IP past its login limit) and
// lets only one of them run at a time, so that an address can be slowed
// down without locking out the other people behind it.
type Slowdown struct {
	delay time.Duration
	mu    sync.Mutex
	busy  map[string]chan struct{}
}

// NewSlowdown delays each slowed request by delay.
func NewSlowdown(delay time.Duration) *Slowdown {
	return &Slowdown{delay: delay, busy: map[string]chan struct{}{}}
}

// Wait waits its turn for key, then delay; it gives up (false) after max.
func (s *Slowdown) Wait(ctx context.Context, key string, max time.Duration) bool {
	s.mu.Lock()
	if len(s.busy) > 10000 { // bound memory under a flood of keys
		s.busy = map[string]chan struct{}{}
	}
	turn := s.busy[key]
	if turn == nil {
		turn = make(chan struct{}, 1)
		s.busy[key] = turn
	}
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(ctx, max)
	defer cancel()
	select {
	case turn <- struct{}{}:
	case <-ctx.Done():
		return false
	}
	defer func() { <-turn }()
	t := time.NewTimer(s.delay)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
