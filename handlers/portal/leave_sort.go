package portal

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/store"
)

// defaultLeaveSort lists the newest requests first.
const defaultLeaveSort = "-created"

// leaveOrder is how the leave list is ordered and what its date window
// holds: ?sort (a key of store.LeaveSorts) and ?dates ("start" or "end":
// leave starting, or ending, in the window; else leave overlapping it).
type leaveOrder struct {
	Sort, Dates string
}

func readLeaveOrder(c *fiber.Ctx) leaveOrder {
	o := leaveOrder{Sort: c.Query("sort"), Dates: c.Query("dates")}
	if _, ok := store.LeaveSorts[o.Sort]; !ok {
		o.Sort = defaultLeaveSort
	}
	if o.Dates != "start" && o.Dates != "end" {
		o.Dates = ""
	}
	return o
}

// key is the sort key of r, for the cursor of the next page (a day at
// 00:00 UTC when the list is sorted by a day).
func (o leaveOrder) key(r store.LeaveRequest) (time.Time, string) {
	switch strings.TrimPrefix(o.Sort, "-") {
	case "start":
		return r.Start.Time(), r.ID
	case "end":
		return r.End.Time(), r.ID
	}
	return r.CreatedAt, r.ID
}

// sortHead is a sortable column heading: its link and its aria-sort.
type sortHead struct {
	Label, Href, Aria, Arrow string
}

// Heads are the sortable headings of the leave list (开始, 结束, 提交时间):
// a heading's link sorts by it, the other way round when it is the order
// already; the current order is marked for assistive technology.
func (pg leaveListPage) Heads() map[string]sortHead {
	out := map[string]sortHead{}
	for key, label := range map[string]string{"start": "开始", "end": "结束", "created": "提交时间"} {
		h, next := sortHead{Label: label}, key
		switch pg.Sort {
		case key:
			h.Aria, h.Arrow, next = "ascending", "↑", "-"+key
		case "-" + key:
			h.Aria, h.Arrow = "descending", "↓"
		}
		h.Href = withQuery("/leave-requests", "status", pg.Status, "ext", pg.Ext, "employee", pg.EmployeeID,
			"from", pg.From, "to", pg.To, "dates", pg.Dates, "sort", next)
		out[key] = h
	}
	return out
}
