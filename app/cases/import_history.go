package cases

import (
	"context"
	"encoding/json"
	"time"

	"leaveguard/store"
)

// ImportView is the public shape of an import of the history.
type ImportView struct {
	ID         string          `json:"id"`
	Kind       string          `json:"kind"`
	FileName   string          `json:"file_name"`
	Status     string          `json:"status"`
	Rows       int             `json:"rows"`
	Processed  int             `json:"processed"`
	Created    int             `json:"created"`
	Updated    int             `json:"updated"`
	Unchanged  int             `json:"unchanged"`
	Failed     int             `json:"failed"`
	Errors     json.RawMessage `json:"errors"`
	CreatedBy  string          `json:"created_by"`
	CreatedAt  time.Time       `json:"created_at"`
	FinishedAt *time.Time      `json:"finished_at"`
}

// ViewImport is im's public shape.
func ViewImport(im store.Import) ImportView {
	return ImportView{ID: im.ID, Kind: im.Kind, FileName: im.FileName, Status: im.Status, Rows: im.Rows,
		Processed: im.Processed, Created: im.Created, Updated: im.Updated, Unchanged: im.Unchanged, Failed: im.Failed,
		Errors: im.Errors, CreatedBy: im.CreatedBy, CreatedAt: im.CreatedAt, FinishedAt: im.FinishedAt}
}

// Imports lists the tenant's latest 200 imports, newest first.
func (c *Cases) Imports(ctx context.Context, tenant string) ([]store.Import, error) {
	var out []store.Import
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		out, err = tx.Imports(ctx, tenant, 200)
		return err
	})
	return out, err
}

// Import loads one import of the history (another tenant's is not found).
func (c *Cases) Import(ctx context.Context, tenant, id string) (store.Import, error) {
	var out store.Import
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		var err error
		out, err = tx.Import(ctx, tenant, id)
		return err
	})
	return out, err
}
