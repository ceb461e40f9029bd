package app

import (
	"log/slog"
	"time"

	"leaveguard/app/cache"
	"leaveguard/app/cases"
	"leaveguard/app/pii"
	"leaveguard/leave"
	"leaveguard/store"
)

// Deps are the long-lived parts the HTTP server is built from.
type Deps struct {
	Config   Config
	Log      *slog.Logger
	Store    *store.Store
	Cache    *cache.Cache
	Cipher   *pii.Cipher
	Rules    *leave.RuleBook
	Calendar leave.Calendar
	PDFFont  PDFFont          // the CJK font of PDF documents (LoadPDFFont); none: PDF routes answer 503
	Clock    func() time.Time // the one clock of use cases, handlers, workers and audit rows; nil: the wall clock
}

// Cases returns the use cases over the dependencies.
func (d Deps) Cases() *cases.Cases {
	st := d.Store
	if d.Clock != nil {
		st = st.WithClock(d.Clock)
	}
	return &cases.Cases{Store: st, Cipher: d.Cipher, Rules: d.Rules, Calendar: d.Calendar, Clock: d.Clock,
		Loopback: d.Config.AllowLoopbackWebhooks}
}
