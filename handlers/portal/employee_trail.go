package portal

import (
	"strconv"
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
// row that says how many. next is the cursor of the older page, 0 at the end.
func (p *Portal) employeeTrail(c *fiber.Ctx, employeeID string, before int64) (rows []auditRow, next int64, err error) {
	raw, more, err := p.auditRows(c, store.AuditFilter{ObjectType: "employee", ObjectID: employeeID, BeforeSeq: before, Limit: trailScan})
	if err != nil {
		return nil, 0, err
	}
	reads := 0 // entries folded into the last row
	for _, r := range raw {
		last := len(rows) - 1
		if last >= 0 && isRead(r.Action) && isRead(rows[last].Action) && r.Actor == rows[last].Actor {
			reads++
			rows[last].Detail = "连续查看 " + strconv.Itoa(reads) + " 项（档案、三期、假期等），最早 " + r.At.In(china).Format("01-02 15:04")
			next = r.Seq
			continue
		}
		if len(rows) == trailSize {
			return rows, next, nil
		}
		rows, reads, next = append(rows, r), 1, r.Seq
	}
	if !more {
		next = 0
	}
	return rows, next, nil
}

// isRead reports whether an audit action is a read ("employee.read", …).
func isRead(action string) bool { return strings.HasSuffix(action, ".read") }
