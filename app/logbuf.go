package app

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"time"
)

// Log buffering: lines are collected for up to logFlushEvery (or until
// logBufferSize bytes) and written out together, so a request does not make
// a write of its own to the log's destination, and does not wait when that
// destination stalls for a moment (a pipe the container runtime drains
// late, a file on a disk busy with a checkpoint). If the process dies, the
// lines of the last logFlushEvery at most are lost; a normal exit flushes.
const (
	logFlushEvery = 100 * time.Millisecond
	logBufferSize = 64 << 10
)

// LogBuffer is an io.Writer for a slog handler (which writes each record
// in one call, so a record is never split between two writes).
type LogBuffer struct {
	out   io.Writer
	mu    sync.Mutex // guards buf
	buf   []byte
	spare []byte
	wmu   sync.Mutex // one write to out at a time, in order
}

// NewLogBuffer buffers writes to out; run Run, and Flush before exiting.
func NewLogBuffer(out io.Writer) *LogBuffer {
	return &LogBuffer{out: out, buf: make([]byte, 0, logBufferSize), spare: make([]byte, 0, logBufferSize)}
}

// Write keeps p until the next flush (at once when the buffer is full).
func (b *LogBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	b.buf = append(b.buf, p...)
	full := len(b.buf) >= logBufferSize
	b.mu.Unlock()
	if full {
		return len(p), b.Flush()
	}
	return len(p), nil
}

// Flush writes out what is buffered. Writers go on buffering meanwhile.
func (b *LogBuffer) Flush() error {
	b.wmu.Lock()
	defer b.wmu.Unlock()
	b.mu.Lock()
	data := b.buf
	b.buf, b.spare = b.spare[:0], nil
	b.mu.Unlock()
	var err error
	if len(data) > 0 {
		_, err = b.out.Write(data)
	}
	b.mu.Lock()
	b.spare = data[:0]
	b.mu.Unlock()
	return err
}

// Run flushes every logFlushEvery until ctx ends, then once more.
func (b *LogBuffer) Run(ctx context.Context) {
	t := time.NewTicker(logFlushEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			_ = b.Flush()
			return
		case <-t.C:
			_ = b.Flush()
		}
	}
}

// NewLogger returns the JSON logger every component shares, writing to w
// (a LogBuffer over stderr in the binary).
func NewLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
}
