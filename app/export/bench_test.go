package export

import (
	"io"
	"testing"
	"time"

	"leaveguard/leave"
)

// BenchmarkDigestCSV writes 12-cell rows through the content digest to CSV.
func BenchmarkDigestCSV(b *testing.B) {
	w := NewDigest(NewCSV(io.Discard))
	h := Header{Title: "t", From: leave.MustDate("2025-01-01"), To: leave.MustDate("2025-12-31"), GeneratedAt: time.Unix(0, 0)}
	if err := w.Begin(h); err != nil {
		b.Fatal(err)
	}
	if err := w.Section(Section{Sheet: "s", Title: "s"}); err != nil {
		b.Fatal(err)
	}
	row := []Cell{N(1), T("2025-08-10 10:00:00 +08:00"), T("e0d04643"), T("其其格"), T("E-103"), T("152201********0043"),
		T("解除劳动合同（第四十条）"), D(leave.MustDate("2025-08-15")), F("禁止"), D(leave.MustDate("2026-01-31")),
		T("未执行（无离职记录）"), T("生效日 2025-08-15 员工处于哺乳期（保护期至 2026-01-31）。女职工在孕期、产期、哺乳期内，用人单位不得依照《劳动合同法》第四十条解除劳动合同。")}
	b.ReportAllocs()
	for b.Loop() {
		if err := w.Row(row); err != nil {
			b.Fatal(err)
		}
	}
}
