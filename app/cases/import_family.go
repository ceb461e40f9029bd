package cases

import (
	"context"
	"errors"
	"io"
	"slices"

	"leaveguard/app/sheet"
	"leaveguard/store"
)

// FamilyColumns are the columns of the family history template: one row
// per fact an employee's open case rests on.
var FamilyColumns = []ImportColumn{
	{"员工编号", "external_id", "必填：已导入或已登记的员工编号。", "XA-101", nil},
	{"事件", "event", "必填：怀孕、生育、结婚 或 已休假（下拉选择）。同一员工的行按时间先后排列：先生育，再填已休的产假。", "生育", []string{"怀孕", "生育", "结婚", "已休假"}},
	{"日期", "date", "必填：怀孕填报告日期，生育填分娩日期，结婚填登记日期，已休假填假期开始日。", "2026-10-08", nil},
	{"预产期", "expected_due_date", "怀孕必填：医院证明的预产期。", "", nil},
	{"胎次", "child_order", "生育必填：第几个孩子（1、2、3…）。", "1", nil},
	{"胎数", "babies", "生育选填：一次分娩的婴儿数，默认 1。", "1", nil},
	{"难产", "dystocia", "生育选填：是 或 否，默认 否。", "否", []string{"是", "否"}},
	{"死产数", "stillborn", "生育选填：死产的婴儿数，默认 0。", "0", nil},
	{"假期类型", "leave_type", "已休假必填：产假、流产假、护理假、育儿假、婚假 或 独生子女护理假（下拉选择）。", "", []string{"产假", "流产假", "护理假", "育儿假", "婚假", "独生子女护理假"}},
	{"天数", "days", "已休假必填：已休的天数（产假等按自然日，婚假等按工作日，同 API）。", "", nil},
}

// leaveTypes maps the template's leave names to the API's.
var leaveTypes = map[string]string{"产假": "maternity", "流产假": "miscarriage", "护理假": "spousal_nursing",
	"育儿假": "parental", "婚假": "marriage", "独生子女护理假": "only_child_care"}

// familyFields maps the use cases' field names to the template's columns.
var familyFields = map[string]string{"reported_on": "日期", "birth_date": "日期", "registered_on": "日期", "start": "日期",
	"expected_due_date": "预产期", "child_order": "胎次", "babies": "胎数", "dystocia": "难产", "stillborn": "死产数",
	"leave_type": "假期类型", "days": "天数"}

// ImportFamily imports a file of the family history template: each row
// is recorded by the use case that records that fact from the API (so
// protections, leave plans, balances and claims follow), in its own
// transaction, in the file's order. A fact already recorded (same
// employee, event and date) is unchanged, so a file may be imported again.
// A dry run checks the file, the employees and the cells; the rules that
// need the employee's history (an entitlement, say) are applied on import.
func (c *Cases) ImportFamily(ctx context.Context, tenant string, who store.Who, f ImportFile) (ImportReport, error) {
	rows, err := checkFile(f, FamilyColumns)
	if err != nil {
		return ImportReport{}, err
	}
	rep := ImportReport{DryRun: f.DryRun, Rows: rows, Errors: []RowError{}}
	if !f.DryRun {
		err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
			im, err := tx.CreateImport(ctx, tenant, store.Import{Kind: "family", FileName: fileName(f.Name), Rows: rows, CreatedBy: actor(who)})
			rep.ID = im.ID
			return err
		})
		if err != nil {
			return ImportReport{}, err
		}
	}
	fi := familyImport{c: c, tenant: tenant, who: who, dry: f.DryRun, ids: map[string]string{}}
	if err := fi.readAll(ctx, f, &rep); err != nil {
		if !f.DryRun {
			ctx := context.WithoutCancel(ctx)
			_ = c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
				return tx.SaveImportProgress(ctx, tenant, progress(rep, "failed"))
			})
		}
		return ImportReport{}, err
	}
	rep.Message = summary(rep)
	if f.DryRun {
		return rep, nil
	}
	return rep, c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		if err := tx.SaveImportProgress(ctx, tenant, progress(rep, "done")); err != nil {
			return err
		}
		return tx.Audit(ctx, tenant, who, "import.family", "import", rep.ID, map[string]any{
			"rows": rep.Rows, "created": rep.Created, "unchanged": rep.Unchanged, "failed": rep.Failed})
	})
}

// readAll records the file's rows in order, adding each outcome to rep.
func (fi *familyImport) readAll(ctx context.Context, f ImportFile, rep *ImportReport) error {
	r, err := sheet.Open(f.Name, f.Data)
	if err != nil {
		return fileError(err)
	}
	defer r.Close()
	_, _, _ = r.Next() // the header, checked
	for {
		cells, row, err := r.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fileError(err)
		}
		if sheet.Blank(cells) {
			continue
		}
		re := &rowErrors{row: row, cells: cells, cols: FamilyColumns}
		done, err := fi.row(ctx, cells, re)
		if err != nil {
			return err
		}
		switch {
		case len(re.errs) > 0:
			slices.SortStableFunc(re.errs, func(a, b RowError) int {
				return columnIndex(FamilyColumns, a.Field) - columnIndex(FamilyColumns, b.Field)
			})
			rep.Failed++
			rep.Errors = append(rep.Errors, re.errs...)
		case done:
			rep.Created++
		default:
			rep.Unchanged++
		}
	}
}

// familyImport is one run of ImportFamily.
type familyImport struct {
	c      *Cases
	tenant string
	who    store.Who
	dry    bool
	ids    map[string]string // 员工编号 → employee id
}

// row records one fact; it reports whether it recorded it (false: already
// recorded, or refused with re's errors).
func (fi *familyImport) row(ctx context.Context, cells []string, re *rowErrors) (bool, error) {
	cell := func(i int) string {
		if i < len(cells) {
			return cells[i]
		}
		return ""
	}
	emp, err := fi.employee(ctx, cell(0))
	if errors.Is(err, store.ErrNotFound) {
		re.add("员工编号", "未找到该员工编号：请先导入员工信息")
		return false, nil
	}
	if err != nil {
		return false, err
	}
	date := cellDate(cell(2))
	if date == "" {
		re.add("日期", "必填，格式 YYYY-MM-DD")
		return false, nil
	}
	fact, err := fi.fact(cell(1), date, cell, re)
	if err != nil || len(re.errs) > 0 {
		return false, err
	}
	seen, err := fi.recorded(ctx, emp, fact)
	if err != nil || seen || fi.dry {
		return !seen && err == nil, err // a dry run counts what it would record
	}
	err = fact.record(ctx, fi, emp)
	if re.fromFamilyErr(err) {
		return false, nil
	}
	return err == nil, err
}

// employee finds the employee with that external id (cached for the run).
func (fi *familyImport) employee(ctx context.Context, ext string) (string, error) {
	if id, ok := fi.ids[ext]; ok || ext == "" {
		if ext == "" {
			return "", store.ErrNotFound
		}
		return id, nil
	}
	err := fi.c.Store.ReadTx(ctx, fi.tenant, func(tx *store.Tx) error {
		e, err := tx.EmployeeByExternalID(ctx, fi.tenant, ext)
		fi.ids[ext] = e.ID
		return err
	})
	return fi.ids[ext], err
}
