package portal

import (
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/store"
)

// trailSize is how many rows of the trail the employee page shows; trailScan
// how many audit entries it reads to fill them once reads are folded.
const (
	trailSize = 20
	trailScan = 200
)

// employeeTrail is one page of who viewed or changed an employee, newest
// first, from before (an audit seq; 0 = the newest). Consecutive reads by the
// same person (one page view writes several: 档案, 三期, 假期…) fold into one
// row that says what was viewed. next is the cursor of the older page, 0 at the end.
func (p *Portal) employeeTrail(c *fiber.Ctx, employeeID string, before int64) (rows []auditRow, next int64, err error) {
	raw, more, err := p.auditRows(c, store.AuditFilter{ObjectType: "employee", ObjectID: employeeID, BeforeSeq: before, Limit: trailScan})
	if err != nil {
		return nil, 0, err
	}
	var seen []string // what the last row's folded reads were, by label
	for _, r := range raw {
		last := len(rows) - 1
		if last >= 0 && isRead(r.Action) && isRead(rows[last].Action) && r.Actor == rows[last].Actor {
			if label := orRaw(p.actions[r.Action], r.Action); !slices.Contains(seen, label) {
				seen = append(seen, label)
			}
			rows[last].Detail = "连续查看：" + strings.Join(seen, "、") + "；最早 " + r.At.In(china).Format("01-02 15:04")
			next = r.Seq
			continue
		}
		if len(rows) == trailSize {
			return rows, next, nil
		}
		rows, seen, next = append(rows, r), []string{orRaw(p.actions[r.Action], r.Action)}, r.Seq
	}
	if !more {
		next = 0
	}
	return rows, next, nil
}

// isRead reports whether an audit action is a read ("employee.read", …).
func isRead(action string) bool { return strings.HasSuffix(action, ".read") }
