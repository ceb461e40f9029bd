package app_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"leaveguard/app"
)

// lockedBuffer is a bytes.Buffer safe for the flusher and the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestLogBuffer: records written concurrently come out whole, each
// writer's in order, within the flush interval, and all of them at the end.
func TestLogBuffer(t *testing.T) {
	var out lockedBuffer
	b := app.NewLogBuffer(&out)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { b.Run(ctx); close(done) }()
	log := app.NewLogger(b)
	log.Info("first")
	deadline := time.Now().Add(2 * time.Second)
	for !strings.Contains(out.String(), `"msg":"first"`) {
		if time.Now().After(deadline) {
			t.Fatal("a record was not flushed within 2 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				log.Info("line", "writer", w, "i", i, "pad", strings.Repeat("x", 50))
			}
		}()
	}
	wg.Wait()
	cancel()
	<-done
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 1+8*2000 {
		t.Fatalf("%d lines, want %d", len(lines), 1+8*2000)
	}
	next := map[string]int{}
	for _, l := range lines[1:] {
		var w, i int
		if _, err := fmt.Sscanf(l[strings.Index(l, `"writer":`):], `"writer":%d,"i":%d`, &w, &i); err != nil || !strings.HasSuffix(l, "}") {
			t.Fatalf("broken line %q", l)
		}
		if key := fmt.Sprint(w); i != next[key] {
			t.Fatalf("writer %d: line %d after %d", w, i, next[key]-1)
		} else {
			next[key]++
		}
	}
}
