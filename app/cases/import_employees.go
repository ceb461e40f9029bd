package cases

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"leaveguard/app/sheet"
	"leaveguard/store"
)

// importBatch is how many rows one transaction writes.
const importBatch = 1000

// storedErrors is how many row errors the history keeps.
const storedErrors = 1000

// ImportReport is what an import did (or, dry, would do) with a file.
type ImportReport struct {
	ID        string     `json:"id,omitempty"` // the history entry of a real run
	DryRun    bool       `json:"dry_run"`
	Rows      int        `json:"rows"`
	Created   int        `json:"created"`
	Updated   int        `json:"updated"`
	Unchanged int        `json:"unchanged"`
	Failed    int        `json:"failed"` // rows refused
	Message   string     `json:"message"`
	Errors    []RowError `json:"errors"`
}

// ImportFile is an uploaded file and how to import it.
type ImportFile struct {
	Name   string
	Data   []byte
	DryRun bool
}

// ImportEmployees imports a file of the employee template: the file is
// read through once to refuse it whole (format, size, header, formulas,
// no data), then its rows are validated as the API validates an employee
// and, unless dry, upserted by 员工编号 in batches of one transaction each;
// rows that fail are reported, not stored. A real run is kept in the
// import history and audited as one entry with its counts, plus one per
// employee created or changed.
func (c *Cases) ImportEmployees(ctx context.Context, tenant string, who store.Who, f ImportFile) (ImportReport, error) {
	run, err := c.BeginEmployeeImport(ctx, tenant, who, f)
	if err != nil {
		return ImportReport{}, err
	}
	return run.Run(ctx)
}

// ImportRun is a file that passed the checks of the whole file, ready to
// import (a real run is already in the history, as running).
type ImportRun struct {
	imp  *employeeImport
	file ImportFile
}

// ID is the run's history entry ("" for a dry run).
func (r *ImportRun) ID() string { return r.imp.report.ID }

// BeginEmployeeImport refuses a file that must not be imported at all and,
// for a real run, records its start in the history.
func (c *Cases) BeginEmployeeImport(ctx context.Context, tenant string, who store.Who, f ImportFile) (*ImportRun, error) {
	rows, err := checkFile(f, EmployeeColumns)
	if err != nil {
		return nil, err
	}
	run := &employeeImport{c: c, tenant: tenant, who: who, dry: f.DryRun,
		report: ImportReport{DryRun: f.DryRun, Rows: rows, Errors: []RowError{}}, extRows: map[string]int{}, idRows: map[string]int{}}
	if !f.DryRun {
		err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
			im, err := tx.CreateImport(ctx, tenant, store.Import{Kind: "employees", FileName: fileName(f.Name), Rows: rows, CreatedBy: actor(who)})
			run.report.ID = im.ID
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return &ImportRun{imp: run, file: f}, nil
}

// Run imports the rows, batch by batch, and records the end.
func (r *ImportRun) Run(ctx context.Context) (ImportReport, error) {
	run := r.imp
	if err := run.readAll(ctx, r.file); err != nil {
		run.fail(ctx)
		return ImportReport{}, err
	}
	run.report.Message = summary(run.report)
	return run.report, run.finish(ctx)
}

// checkFile opens f and refuses it whole when it must not be imported; it
// returns its number of data rows.
func checkFile(f ImportFile, cols []ImportColumn) (int, error) {
	r, err := sheet.Open(f.Name, f.Data)
	if err != nil {
		return 0, fileError(err)
	}
	defer r.Close()
	n, err := sheet.Check(r, headers(cols))
	return n, fileError(err)
}

// fileError turns a refusal of the file into a use-case error.
func fileError(err error) error {
	var se *sheet.Error
	if errors.As(err, &se) {
		return &Error{Kind: Invalid, Code: se.Code, Message: se.Message}
	}
	return err
}

// readAll streams the rows (the header skipped) in batches.
func (run *employeeImport) readAll(ctx context.Context, f ImportFile) error {
	r, err := sheet.Open(f.Name, f.Data)
	if err != nil {
		return fileError(err)
	}
	defer r.Close()
	if _, _, err := r.Next(); err != nil {
		return fileError(err)
	}
	batch := make([]sheetRow, 0, importBatch)
	for {
		cells, row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fileError(err)
		}
		if sheet.Blank(cells) {
			continue
		}
		if batch = append(batch, sheetRow{row: row, cells: cells}); len(batch) == importBatch {
			if err := run.batch(ctx, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		return run.batch(ctx, batch)
	}
	return nil
}

// sheetRow is one data row of a file.
type sheetRow struct {
	row   int
	cells []string
}

// finish records the end of a real run with its counts, audited.
func (run *employeeImport) finish(ctx context.Context) error {
	if run.dry {
		return nil
	}
	return run.c.Store.InTx(ctx, run.tenant, func(tx *store.Tx) error {
		if err := tx.SaveImportProgress(ctx, run.tenant, progress(run.report, "done")); err != nil {
			return err
		}
		r := run.report
		return tx.Audit(ctx, run.tenant, run.who, "import.employees", "import", r.ID, map[string]any{
			"rows": r.Rows, "created": r.Created, "updated": r.Updated, "unchanged": r.Unchanged, "failed": r.Failed})
	})
}

// fail marks a real run that stopped midway (its committed batches stay).
func (run *employeeImport) fail(ctx context.Context) {
	if run.dry {
		return
	}
	ctx = context.WithoutCancel(ctx) // a cancelled request still leaves its history entry right
	_ = run.c.Store.InTx(ctx, run.tenant, func(tx *store.Tx) error {
		return tx.SaveImportProgress(ctx, run.tenant, progress(run.report, "failed"))
	})
}

// progress is the history entry of a run that stands at r.
func progress(r ImportReport, status string) store.Import {
	errs, _ := json.Marshal(r.Errors[:min(len(r.Errors), storedErrors)])
	return store.Import{ID: r.ID, Status: status, Processed: r.Created + r.Updated + r.Unchanged + r.Failed,
		Created: r.Created, Updated: r.Updated, Unchanged: r.Unchanged, Failed: r.Failed, Errors: errs}
}

// summary says in a sentence what the import did, or would do.
func summary(r ImportReport) string {
	verb := "已导入"
	if r.DryRun {
		verb = "试运行（未保存）："
	}
	if r.Created+r.Updated == 0 && r.Failed == 0 {
		return fmt.Sprintf("%s共 %d 行，全部与系统中的记录一致，没有任何变更", verb, r.Rows)
	}
	return fmt.Sprintf("%s共 %d 行：新建 %d，更新 %d，无变化 %d，有误 %d", verb, r.Rows, r.Created, r.Updated, r.Unchanged, r.Failed)
}

// fileName keeps a short name of the uploaded file, without its folders.
func fileName(name string) string {
	r := []rune(path.Base(strings.ReplaceAll(name, "\\", "/")))
	if len(r) > 200 {
		r = r[:200]
	}
	if len(r) == 0 || string(r) == "." || string(r) == "/" {
		return "未命名文件"
	}
	return string(r)
}
