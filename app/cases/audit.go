package cases

import (
	"context"
	"strconv"
	"time"

	"leaveguard/store"
)

// AuditVerification is the result of checking every link of a tenant's
// audit chains.
type AuditVerification struct {
	Intact         bool      `json:"intact"`
	FirstBrokenSeq *int64    `json:"first_broken_seq"` // the first entry whose link does not hold
	CheckedAt      time.Time `json:"checked_at"`
	Message        string    `json:"message"`
}

// VerifyAudit recomputes every hash of the tenant's audit chains and
// records (in the log itself) that it did.
func (c *Cases) VerifyAudit(ctx context.Context, tenant string, who store.Who) (AuditVerification, error) {
	out := AuditVerification{CheckedAt: c.Now().UTC().Truncate(time.Second)}
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		broken, err := tx.VerifyAuditChain(ctx, tenant)
		if err != nil {
			return err
		}
		out.Intact, out.FirstBrokenSeq = broken == 0, nil // from scratch: the store may run this again
		out.Message = "审计链完整：每一条记录的哈希都与链上前一条相符，未发现篡改"
		if !out.Intact {
			out.FirstBrokenSeq = &broken
			out.Message = "审计链在序号 " + strconv.FormatInt(broken, 10) + " 的记录处断开：这条记录或紧挨在它之前的记录在写入后被改动或删除。" +
				"请勿再操作相关数据，并联系 LeaveGuard 技术支持调查（请提供本次校验时间）"
		}
		return tx.Audit(ctx, tenant, who, "audit.verify", "audit_log", "", map[string]any{"intact": out.Intact})
	})
	return out, err
}
