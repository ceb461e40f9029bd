package cases

import (
	"context"

	"leaveguard/store"
)

// Reads of personal data are audited here, in the use cases, whatever asks
// (API, portal, export): one row per object read, and one row per list
// read that names how many rows it returned and which.

// auditList records one read of a list of objectType: the count, the ids
// returned (in order) and extra (the filter, say).
func auditList(ctx context.Context, tx *store.Tx, tenant string, who store.Who, action, objectType string, ids []string, extra map[string]any) error {
	detail := map[string]any{"count": len(ids), "ids": ids}
	for k, v := range extra {
		if v != "" && v != nil {
			detail[k] = v
		}
	}
	return tx.Audit(ctx, tenant, who, action, objectType, "", detail)
}
