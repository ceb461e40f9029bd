package app_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"leaveguard/app"
)

// TestImportCLI runs `leaveguard import employees` on an XLSX and a
// GB18030 CSV: the same use case, row report and history as the API.
func TestImportCLI(t *testing.T) {
	tn := freshTenant(t)
	key := make([]byte, 32)
	for i := range key {
		key[i] = byte(i * 7) // the test environment's key: the API and the CLI read each other's ID numbers
	}
	t.Setenv("LEAVEGUARD_ENV", "dev")
	t.Setenv("LEAVEGUARD_DATABASE_URL", env.DB.AppURL)
	t.Setenv("LEAVEGUARD_SECRET_KEY", base64.StdEncoding.EncodeToString(key))
	dir := t.TempDir()
	bad := importRow("CLI-3")
	bad[2] = "未知"
	xlsx, csv := filepath.Join(dir, "员工.xlsx"), filepath.Join(dir, "员工.csv")
	_ = os.WriteFile(xlsx, xlsxFile(t, [][]string{importRow("CLI-1"), importRow("CLI-2"), bad}), 0o600)
	run := func(args ...string) string {
		t.Helper()
		var out bytes.Buffer
		if err := app.Main(context.Background(), args, &out, nil); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out.String())
		}
		return out.String()
	}
	out := run("import", "employees", xlsx, "--tenant", tn.ID, "--dry-run")
	if !strings.Contains(out, "试运行（未保存）：共 3 行：新建 2，更新 0，无变化 0，有误 1") || !strings.Contains(out, "第 4 行 性别：须为 女 或 男") {
		t.Fatalf("dry run:\n%s", out)
	}
	if employeeCount(t, tn.ID) != 0 {
		t.Fatal("the CLI's dry run stored employees")
	}
	out = run("import", "employees", xlsx, "--tenant", tn.ID)
	if !strings.Contains(out, "已导入共 3 行：新建 2") || !strings.Contains(out, "导入记录：") {
		t.Fatalf("import:\n%s", out)
	}
	_ = os.WriteFile(csv, csvFile(t, [][]string{importRow("CLI-4")}, true), 0o600)
	out = run("import", "employees", csv, "--tenant", tn.ID)
	if !strings.Contains(out, "新建 1") {
		t.Fatalf("GB18030 CSV:\n%s", out)
	}
	list := mustDo(t, 200, "GET", "/api/v1/imports", tn.Key, nil)["items"].([]any)
	// Each CLI run starts its own pinned clock, so the two runs' times do
	// not order them: find the CSV's entry by name.
	files := map[any]any{}
	for _, it := range list {
		files[it.(map[string]any)["file_name"]] = it.(map[string]any)["created_by"]
	}
	if len(list) != 2 || files["员工.csv"] != "system:cli" || files["员工.xlsx"] != "system:cli" {
		t.Fatalf("history: %v", list)
	}
	var out2 bytes.Buffer
	err := app.Main(context.Background(), []string{"import", "employees", filepath.Join(dir, "none.csv"), "--tenant", tn.ID}, &out2, nil)
	if err == nil {
		t.Fatal("a missing file is an error")
	}
	_ = os.WriteFile(csv, []byte("姓名,员工编号\n"), 0o600)
	err = app.Main(context.Background(), []string{"import", "employees", csv, "--tenant", tn.ID}, &out2, nil)
	if err == nil || !strings.Contains(err.Error(), "表头第 1 列应为「员工编号」") {
		t.Fatalf("header out of order: %v", err)
	}
}
