package app

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"leaveguard/app/cases"
	"leaveguard/store"
)

// importCmd is `leaveguard import employees|family FILE --tenant ID
// [--dry-run]`: the import of POST /api/v1/imports/employees (or /family),
// by an operator (audited as system:cli), printing the row report.
func importCmd(ctx context.Context, cfg Config, args []string, out io.Writer) error {
	if len(args) < 2 || (args[0] != "employees" && args[0] != "family") {
		return fmt.Errorf("%w: leaveguard import employees|family FILE --tenant ID [--dry-run]", ErrUsage)
	}
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(out)
	tenant := fs.String("tenant", "", "tenant id (required)")
	dry := fs.Bool("dry-run", false, "validate only, store nothing")
	file := args[1]
	if err := fs.Parse(args[2:]); err != nil || *tenant == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: leaveguard import employees|family FILE --tenant ID [--dry-run]", ErrUsage)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("读取文件失败：%w", err)
	}
	db, cs, err := openCases(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	who := store.Who{ActorType: "system", ActorID: "cli"}
	in := cases.ImportFile{Name: filepath.Base(file), Data: data, DryRun: *dry}
	imp := cs.ImportEmployees
	if args[0] == "family" {
		imp = cs.ImportFamily
	}
	rep, err := imp(ctx, *tenant, who, in)
	if err != nil {
		return cliError(err)
	}
	fmt.Fprintln(out, rep.Message)
	for _, e := range rep.Errors {
		fmt.Fprintf(out, "第 %d 行 %s：%s\n", e.Row, e.Field, e.Message)
	}
	if rep.ID != "" {
		fmt.Fprintf(out, "导入记录：%s\n", rep.ID)
	}
	return nil
}

// cliError gives a use case's refusal as its Chinese message.
func cliError(err error) error {
	if ce, ok := err.(*cases.Error); ok {
		return fmt.Errorf("%s（%s）", ce.Message, ce.Code)
	}
	return err
}
