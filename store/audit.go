package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"
)

// Who is the actor of a change or read, for the audit log.
type Who struct {
	ActorType string // "user", "api_key", "webhook", "system"
	ActorID   string
	RequestID string
}

// AuditEntry is one audit record: who did what to which object. Detail names
// fields, never their values.
type AuditEntry struct {
	Seq        int64     `db:"seq" json:"seq"`
	At         time.Time `db:"at" json:"at"`
	ActorType  string    `db:"actor_type" json:"actor_type"`
	ActorID    string    `db:"actor_id" json:"actor_id"`
	Action     string    `db:"action" json:"action"`
	ObjectType string    `db:"object_type" json:"object_type"`
	ObjectID   string    `db:"object_id" json:"object_id"`
	Detail     string    `db:"detail" json:"-"` // JSON text, exactly as hashed
	RequestID  string    `db:"request_id" json:"request_id"`
	PrevHash   []byte    `db:"prev_hash" json:"-"`
	Hash       []byte    `db:"hash" json:"-"`
}

// Audit appends an entry to the tenant's hash chain. It locks the tenant's
// chain head until the transaction ends, so call it last in a transaction.
func (t *Tx) Audit(ctx context.Context, tenant string, who Who, action, objectType, objectID string, detail any) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	if detail == nil {
		detail = map[string]any{}
	}
	d, err := json.Marshal(detail)
	if err != nil {
		return fmt.Errorf("store: audit detail: %w", err)
	}
	const head = `
		INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, 0, '\x')
		ON CONFLICT (tenant_id) DO UPDATE SET seq = audit_heads.seq
		RETURNING seq, hash`
	var seq int64
	var prev []byte
	if err := t.tx.QueryRowxContext(ctx, head, tenant).Scan(&seq, &prev); err != nil {
		return fmt.Errorf("store: audit head: %w", err)
	}
	e := AuditEntry{
		Seq: seq + 1, At: time.Now().UTC().Truncate(time.Microsecond),
		ActorType: who.ActorType, ActorID: who.ActorID, RequestID: who.RequestID,
		Action: action, ObjectType: objectType, ObjectID: objectID, Detail: string(d), PrevHash: prev,
	}
	e.Hash = ChainHash(tenant, e)
	const ins = `
		INSERT INTO audit_log (tenant_id, seq, at, actor_type, actor_id, action,
			object_type, object_id, detail, request_id, prev_hash, hash)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`
	if _, err := t.tx.ExecContext(ctx, ins, tenant, e.Seq, e.At, e.ActorType, e.ActorID, e.Action,
		e.ObjectType, e.ObjectID, e.Detail, e.RequestID, e.PrevHash, e.Hash); err != nil {
		return fmt.Errorf("store: audit insert: %w", err)
	}
	const upd = `UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1`
	if _, err := t.tx.ExecContext(ctx, upd, tenant, e.Seq, e.Hash); err != nil {
		return fmt.Errorf("store: audit head update: %w", err)
	}
	return nil
}

// ChainHash is sha256(prev_hash || tenant || seq || at || actor || action ||
// object || detail): the link of entry e in its tenant's chain.
func ChainHash(tenant string, e AuditEntry) []byte {
	h := sha256.New()
	h.Write(e.PrevHash)
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(e.Seq))
	h.Write(n[:])
	for _, s := range []string{tenant, e.At.UTC().Format(time.RFC3339Nano), e.ActorType, e.ActorID,
		e.Action, e.ObjectType, e.ObjectID, e.Detail, e.RequestID} {
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	return h.Sum(nil)
}

// AuditFilter narrows an audit listing.
type AuditFilter struct {
	ObjectType string
	ObjectID   string
	BeforeSeq  int64 // 0 = from the newest
	Limit      int
}

// AuditLog lists the tenant's audit entries, newest first.
func (t *Tx) AuditLog(ctx context.Context, tenant string, f AuditFilter) ([]AuditEntry, error) {
	if err := t.check(tenant); err != nil {
		return nil, err
	}
	const q = `
		SELECT seq, at, actor_type, actor_id, action, object_type, object_id, detail, request_id, prev_hash, hash
		FROM audit_log
		WHERE tenant_id = $1
		  AND ($2 = '' OR object_type = $2) AND ($3 = '' OR object_id = $3)
		  AND ($4 = 0 OR seq < $4)
		ORDER BY seq DESC LIMIT $5`
	var out []AuditEntry
	if err := t.tx.SelectContext(ctx, &out, q, tenant, f.ObjectType, f.ObjectID, f.BeforeSeq, f.Limit); err != nil {
		return nil, fmt.Errorf("store: audit log: %w", err)
	}
	return out, nil
}

// VerifyAuditChain walks the tenant's whole chain and returns the first
// broken sequence number, or 0 when every link holds.
func (t *Tx) VerifyAuditChain(ctx context.Context, tenant string) (int64, error) {
	if err := t.check(tenant); err != nil {
		return 0, err
	}
	const q = `
		SELECT seq, at, actor_type, actor_id, action, object_type, object_id, detail, request_id, prev_hash, hash
		FROM audit_log WHERE tenant_id = $1 ORDER BY seq`
	rows, err := t.tx.QueryxContext(ctx, q, tenant)
	if err != nil {
		return 0, fmt.Errorf("store: audit chain: %w", err)
	}
	defer rows.Close()
	var prev []byte
	for rows.Next() {
		var e AuditEntry
		if err := rows.StructScan(&e); err != nil {
			return 0, fmt.Errorf("store: audit chain scan: %w", err)
		}
		if string(e.PrevHash) != string(prev) || string(ChainHash(tenant, e)) != string(e.Hash) {
			return e.Seq, nil
		}
		prev = e.Hash
	}
	return 0, rows.Err()
}
