package cases

import (
	"context"
	"encoding/json"
	"fmt"

	"leaveguard/payroll"
	"leaveguard/store"
)

// FeedChangesPage is a page of published feed lines and adjustments that
// changed after a change number, of every month, in change order. Next is
// the change number to pass next time (the given one when nothing changed).
type FeedChangesPage struct {
	Items []FeedItem
	Next  int64
}

// PayrollFeedChanges lists the lines (of open months: as they are now; of
// closed months: as they were closed) and adjustments published or changed
// after change number after, across months, up to limit.
func (c *Cases) PayrollFeedChanges(ctx context.Context, tenant string, after int64, limit int) (FeedChangesPage, error) {
	page := FeedChangesPage{Items: []FeedItem{}, Next: after}
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		fs, err := c.openFeed(ctx, tx, tenant)
		if err != nil {
			return err
		}
		lines, adjs, err := tx.FeedChanges(ctx, tenant, after, limit)
		if err != nil {
			return err
		}
		for len(page.Items) < limit && (len(lines) > 0 || len(adjs) > 0) {
			var raw json.RawMessage
			closed, rev := false, 0
			if len(adjs) == 0 || (len(lines) > 0 && lines[0].ChangeSeq < adjs[0].ChangeSeq) {
				r := lines[0]
				lines = lines[1:]
				raw, page.Next, rev = r.Current, r.ChangeSeq, r.Revision
				if closed = fs.closed[payroll.MustMonth(r.Month)]; closed {
					raw = r.Published
				}
			} else {
				raw, page.Next = adjs[0].Body, adjs[0].ChangeSeq
				adjs = adjs[1:]
			}
			var it FeedItem
			if err := json.Unmarshal(raw, &it); err != nil {
				return fmt.Errorf("cases: feed change: %w", err)
			}
			if closed && it.Revision != rev {
				continue // a closed line that changed since: its adjustment is the change
			}
			it.MonthClosed = closed
			page.Items = append(page.Items, it)
		}
		return nil
	})
	return page, err
}
