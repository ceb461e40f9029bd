package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"leaveguard/app/cases"
	"leaveguard/app/netguard"
	"leaveguard/app/signature"
	"leaveguard/store"
)

// sent is the result of one POST to one integration.
type sent struct {
	target     string
	code       int // 0: no response
	err        string
	retryAfter time.Duration
}

func (s sent) ok() bool   { return s.code >= 200 && s.code < 300 }
func (s sent) gone() bool { return s.code == http.StatusGone }

// deliver sends ev to every target that has not accepted it yet and
// records the round.
func (w *OutboxWorker) deliver(ctx context.Context, ev store.ClaimedEvent, all []target) error {
	ts, err := w.pending(ctx, ev, all)
	if err != nil {
		w.release(ev)
		return err
	}
	body, err := json.Marshal(cases.Envelope(ev.ID, ev.Type, ev.CreatedAt, ev.EventMeta, ev.Payload))
	if err != nil {
		return fmt.Errorf("outbox: encode %s: %w", ev.ID, err)
	}
	results := make([]sent, 0, len(ts))
	for _, t := range ts {
		results = append(results, w.send(ctx, ev.ID, t, body))
	}
	return w.record(ctx, ev, results, len(ts) == 0)
}

// pending narrows targets to the one a redelivery names, or to those that
// have not yet answered 2xx to this event (on a retry).
func (w *OutboxWorker) pending(ctx context.Context, ev store.ClaimedEvent, all []target) ([]target, error) {
	if ev.Target != nil {
		return slices.DeleteFunc(slices.Clone(all), func(t target) bool { return t.id != *ev.Target }), nil
	}
	if ev.Attempts == 0 || len(all) == 0 {
		return all, nil
	}
	var done []string
	err := w.Store.ReadTx(ctx, ev.Tenant, func(tx *store.Tx) error {
		var err error
		done, err = tx.DeliveredTo(ctx, ev.Tenant, ev.ID)
		return err
	})
	return slices.DeleteFunc(slices.Clone(all), func(t target) bool { return slices.Contains(done, t.id) }), err
}

// send POSTs body, signed with every secret of t, and never follows a
// redirect (the client returns 3xx as is).
func (w *OutboxWorker) send(ctx context.Context, eventID string, t target, body []byte) sent {
	now := w.Now()
	sigs := make([]string, 0, len(t.secrets))
	for _, s := range t.secrets {
		sig, err := signature.Sign(s, eventID, now, body)
		if err != nil {
			return sent{target: t.id, err: "签名密钥无效"}
		}
		sigs = append(sigs, sig)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.url, bytes.NewReader(body))
	if err != nil {
		return sent{target: t.id, err: "推送地址无效"}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "LeaveGuard-Webhooks/1")
	req.Header.Set(signature.HeaderID, eventID)
	req.Header.Set(signature.HeaderTimestamp, strconv.FormatInt(now.Unix(), 10))
	req.Header.Set(signature.HeaderSignature, strings.Join(sigs, " "))
	res, err := w.Client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) { // its text repeats the URL, which may hold a token
			err = ue.Err
		}
		w.Log.Info("outbox: delivery failed", "event", eventID, "integration", t.id, "error", truncate(err.Error(), 300))
		return sent{target: t.id, err: deliveryError(err)}
	}
	defer res.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	s := sent{target: t.id, code: res.StatusCode, retryAfter: retryAfter(res.Header.Get("Retry-After"), now)}
	if !s.ok() {
		s.err = "HTTP " + strconv.Itoa(res.StatusCode)
	}
	return s
}

// deliveryError is what the tenant sees of a failed connection: a generic
// reason, never the address it resolved to (the log has the detail).
func deliveryError(err error) string {
	var dnsErr *net.DNSError
	var netErr net.Error
	switch {
	case errors.Is(err, netguard.ErrForbiddenAddress):
		return "推送失败：地址不被允许（只能推送到公网地址）"
	case errors.As(err, &dnsErr):
		return "推送失败：域名无法解析"
	case errors.As(err, &netErr) && netErr.Timeout():
		return "推送失败：连接或响应超时"
	}
	return "推送失败：无法连接推送地址"
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "")
}
