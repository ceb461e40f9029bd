package portal

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"leaveguard/leave"
)

// listQuery is the filter of the leave and claim lists as the page shows
// it: status, employee (员工编号 or id), date window, and paging.
type listQuery struct {
	Status, Ext, EmployeeID, From, To string
	DateError                         string
	Next                              string
	Paged, Filtered                   bool
}

// listWhere is what a listQuery selects, for the store filter.
type listWhere struct {
	From, To   leave.Date
	EmployeeID string // "-": no employee of the tenant matches
	AfterTime  time.Time
	AfterID    string
}

// readListQuery reads ?status (dropped unless known), from, to, ext or
// employee, and after. A bad date window is dropped with a message.
func (p *Portal) readListQuery(c *fiber.Ctx, known func(status string) bool) (listQuery, listWhere, error) {
	q := listQuery{Status: c.Query("status"), From: c.Query("from"), To: c.Query("to")}
	if !known(q.Status) {
		q.Status = ""
	}
	var w listWhere
	var err error
	if w.From, w.To, q.DateError = dateWindow(q.From, q.To); q.DateError != "" {
		q.From, q.To = "", ""
	}
	if w.EmployeeID, err = p.employeeFilter(c, &q.Ext, &q.EmployeeID); err != nil {
		return q, w, err
	}
	w.AfterTime, w.AfterID = decodeCursor(c.Query("after"))
	q.Paged = w.AfterID != ""
	q.Filtered = q.Status != "" || q.Ext != "" || q.EmployeeID != "" || q.From != "" || q.To != ""
	return q, w, nil
}
