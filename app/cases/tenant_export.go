package cases

import (
	"archive/zip"
	"context"
	"encoding/json"
	"io"
	"time"

	"leaveguard/store"
)

// TenantExportManifest is manifest.json of a tenant's full export: what
// it holds, table by table, and which columns were left out.
type TenantExportManifest struct {
	TenantID    string                       `json:"tenant_id"`
	GeneratedAt time.Time                    `json:"generated_at"`
	Tables      map[string]TenantExportTable `json:"tables"`
	Note        string                       `json:"note"`
}

// TenantExportTable is one file of the export.
type TenantExportTable struct {
	File    string   `json:"file"`
	Rows    int      `json:"rows"`
	Omitted []string `json:"omitted_columns"`
}

const tenantExportNote = "每个数据表一个 JSON 文件（行的数组）。二进制列未导出：密码和密钥的哈希、加密的身份证号和密钥、已存 PDF 的字节；" +
	"身份证号以脱敏形式（national_id_masked）导出。"

// ExportTenant writes to w a zip archive of everything the tenant holds:
// one JSON array per table with a tenant_id column (the catalogue lists
// them, so none is forgotten), the tenant itself and a manifest, read from
// one snapshot. It is audited as tenant.export once written.
func (c *Cases) ExportTenant(ctx context.Context, tenant string, who store.Who, w io.Writer) error {
	m := TenantExportManifest{TenantID: tenant, GeneratedAt: c.Now().UTC().Truncate(time.Second),
		Tables: map[string]TenantExportTable{}, Note: tenantExportNote}
	tx, done, err := c.Store.OpenSnapshot(ctx, tenant)
	if err != nil {
		return err
	}
	defer done()
	tables, err := tx.TenantTables(ctx, tenant)
	if err != nil {
		return err
	}
	z := zip.NewWriter(w)
	for _, t := range append([]store.ExportTable{{Name: "tenants"}}, tables...) {
		n, err := exportTable(ctx, tx, tenant, z, t)
		if err != nil {
			return err
		}
		m.Tables[t.Name] = TenantExportTable{File: t.Name + ".json", Rows: n, Omitted: orEmpty([]string(t.Omitted))}
	}
	f, err := z.Create("manifest.json")
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return err
	}
	if err := z.Close(); err != nil {
		return err
	}
	done()
	return c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		return tx.Audit(ctx, tenant, who, "tenant.export", "tenant", tenant, map[string]any{"tables": len(m.Tables)})
	})
}

// exportTable writes table t as a JSON array file of z and returns its rows.
func exportTable(ctx context.Context, tx *store.Tx, tenant string, z *zip.Writer, t store.ExportTable) (int, error) {
	f, err := z.Create(t.Name + ".json")
	if err != nil {
		return 0, err
	}
	n := 0
	if _, err := io.WriteString(f, "["); err != nil {
		return 0, err
	}
	err = tx.EachTenantRow(ctx, tenant, t, func(row json.RawMessage) error {
		sep := ",\n"
		if n == 0 {
			sep = "\n"
		}
		n++
		if _, err := io.WriteString(f, sep); err != nil {
			return err
		}
		_, err := f.Write(row)
		return err
	})
	if err != nil {
		return 0, err
	}
	_, err = io.WriteString(f, "\n]\n")
	return n, err
}
