package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// Who is the actor of a change or read, for the audit log.
type Who struct {
	ActorType string // "user", "api_key", "webhook", "system"
	ActorID   string
	RequestID string
	Role      string // the role of the user or API key acting (not stored: it decides what a read returns)
}

// AuditLanes is how many hash chains each tenant's audit log has (see
// migration 00005): a transaction appends to one of them, so that
// concurrent transactions of a tenant seldom wait for the same chain head.
const AuditLanes = 8

// AuditEntry is one audit record: who did what to which object. Detail names
// fields, never their values. Seq orders the whole log; Lane and LaneSeq
// place the entry in its hash chain.
type AuditEntry struct {
	Seq        int64     `db:"seq" json:"seq"`
	Lane       int       `db:"lane" json:"-"`
	LaneSeq    int64     `db:"lane_seq" json:"-"`
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

// Audit appends an entry to the transaction's lane of the tenant's hash
// chains in one statement: it advances the lane's head (locking it until
// the transaction ends, so call it last) and inserts the entry whose hash
// links to the previous one.
func (t *Tx) Audit(ctx context.Context, tenant string, who Who, action, objectType, objectID string, detail any) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	e, err := t.newEntry(who, action, objectType, objectID, detail)
	if err != nil {
		return err
	}
	res, err := t.tx.ExecContext(ctx, t.auditSQL(""), auditArgs(tenant, e)...)
	if err != nil {
		return fmt.Errorf("store: audit: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("store: audit: tenant has no chain head")
	}
	return nil
}

// auditSQL is the statement that appends an audit entry to the
// transaction's lane (parameters $1 to $10, see auditArgs), after the
// data-modifying CTEs ctes (which use $11 on), so a change and its audit row
// travel in one round trip. The lane is written into the text (it is one of
// AuditLanes numbers), which keeps the parameters of every caller in place.
func (t *Tx) auditSQL(ctes string) string {
	lane := strconv.Itoa(t.lane)
	return `
		WITH ` + ctes + ` head AS (
			UPDATE audit_heads h SET seq = old.seq + 1, hash = sha256(old.hash || int8send(old.seq + 1) || $2)
			FROM (SELECT seq, hash FROM audit_heads WHERE tenant_id = $1 AND lane = ` + lane + ` FOR UPDATE) old
			WHERE h.tenant_id = $1 AND h.lane = ` + lane + `
			RETURNING h.seq, old.hash AS prev_hash, h.hash
		)
		INSERT INTO audit_log (tenant_id, seq, lane, lane_seq, at, actor_type, actor_id, action,
			object_type, object_id, detail, request_id, prev_hash, hash)
		SELECT $1, nextval('audit_seq'), ` + lane + `, head.seq, $3, $4, $5, $6, $7, $8, $9, $10, head.prev_hash, head.hash FROM head`
}

func auditArgs(tenant string, e AuditEntry) []any {
	return []any{tenant, canonical(tenant, e), e.At, e.ActorType, e.ActorID, e.Action,
		e.ObjectType, e.ObjectID, e.Detail, e.RequestID}
}

// newEntry builds the audit entry of an action now.
func (t *Tx) newEntry(who Who, action, objectType, objectID string, detail any) (AuditEntry, error) {
	if detail == nil {
		detail = map[string]any{}
	}
	d, err := json.Marshal(detail)
	if err != nil {
		return AuditEntry{}, fmt.Errorf("store: audit detail: %w", err)
	}
	return AuditEntry{
		At:        t.clock().UTC().Truncate(time.Microsecond),
		ActorType: who.ActorType, ActorID: who.ActorID, RequestID: who.RequestID,
		Action: action, ObjectType: objectType, ObjectID: objectID, Detail: string(d),
	}, nil
}

// ChainHash is the link of entry e in its lane of the tenant's chains:
// sha256(prev_hash || lane_seq as 8 big-endian bytes || canonical(e)).
func ChainHash(tenant string, e AuditEntry) []byte {
	h := sha256.New()
	h.Write(e.PrevHash)
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(e.LaneSeq))
	h.Write(n[:])
	h.Write(canonical(tenant, e))
	return h.Sum(nil)
}

// canonical is the length-prefixed serialisation of an entry's fields.
func canonical(tenant string, e AuditEntry) []byte {
	var out []byte
	var n [8]byte
	for _, s := range []string{tenant, e.At.UTC().Format(time.RFC3339Nano), e.ActorType, e.ActorID,
		e.Action, e.ObjectType, e.ObjectID, e.Detail, e.RequestID} {
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		out = append(out, n[:]...)
		out = append(out, s...)
	}
	return out
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
	q := `
		SELECT ` + auditCols + `
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

// VerifyAuditChain walks each of the tenant's chains and returns the seq of
// the first entry whose link does not hold, or 0 when every link holds.
func (t *Tx) VerifyAuditChain(ctx context.Context, tenant string) (int64, error) {
	if err := t.check(tenant); err != nil {
		return 0, err
	}
	q := `SELECT ` + auditCols + ` FROM audit_log WHERE tenant_id = $1 ORDER BY lane, lane_seq`
	rows, err := t.tx.QueryxContext(ctx, q, tenant)
	if err != nil {
		return 0, fmt.Errorf("store: audit chain: %w", err)
	}
	defer rows.Close()
	var prev []byte
	lane := -1
	for rows.Next() {
		var e AuditEntry
		if err := rows.StructScan(&e); err != nil {
			return 0, fmt.Errorf("store: audit chain scan: %w", err)
		}
		if e.Lane != lane {
			lane, prev = e.Lane, nil
		}
		if string(e.PrevHash) != string(prev) || string(ChainHash(tenant, e)) != string(e.Hash) {
			return e.Seq, nil
		}
		prev = e.Hash
	}
	return 0, rows.Err()
}

const auditCols = `seq, lane, lane_seq, at, actor_type, actor_id, action, object_type, object_id, detail,
	request_id, prev_hash, hash`
