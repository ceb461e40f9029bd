package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/lib/pq"
)

// AuditRecord is one entry for AuditMany.
type AuditRecord struct {
	Who        Who
	Action     string
	ObjectType string
	ObjectID   string
	Detail     any // names fields, never their values
}

// AuditMany appends recs to the transaction's lane of the tenant's hash
// chains, in order, exactly as that many calls of Audit would (same links,
// same hashes), in two statements whatever their number. Like Audit, it
// locks the lane's head until the transaction ends: call it last.
func (t *Tx) AuditMany(ctx context.Context, tenant string, recs []AuditRecord) error {
	if err := t.check(tenant); err != nil {
		return err
	}
	if len(recs) == 0 {
		return nil
	}
	const head = `SELECT seq, hash FROM audit_heads WHERE tenant_id = $1 AND lane = $2 FOR UPDATE`
	var seq int64
	var prev []byte
	if err := t.tx.QueryRowxContext(ctx, head, tenant, t.lane).Scan(&seq, &prev); err != nil {
		return fmt.Errorf("store: audit head: %w", err)
	}
	n := len(recs)
	seqs, ats := make([]int64, n), make([]string, n)
	actorTypes, actorIDs, actions, objTypes, objIDs, details, reqIDs := make([]string, n), make([]string, n),
		make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	prevs, hashes := make([][]byte, n), make([][]byte, n)
	for i, r := range recs {
		detail := r.Detail
		if detail == nil {
			detail = map[string]any{}
		}
		d, err := json.Marshal(detail)
		if err != nil {
			return fmt.Errorf("store: audit detail: %w", err)
		}
		e := AuditEntry{Lane: t.lane, LaneSeq: seq + int64(i) + 1, At: t.clock().UTC().Truncate(time.Microsecond),
			ActorType: r.Who.ActorType, ActorID: r.Who.ActorID, RequestID: r.Who.RequestID, Action: r.Action,
			ObjectType: r.ObjectType, ObjectID: r.ObjectID, Detail: string(d), PrevHash: prev}
		e.Hash = ChainHash(tenant, e)
		seqs[i], ats[i], actorTypes[i], actorIDs[i], actions[i] = e.LaneSeq, e.At.Format(time.RFC3339Nano), e.ActorType, e.ActorID, e.Action
		objTypes[i], objIDs[i], details[i], reqIDs[i], prevs[i], hashes[i] = e.ObjectType, e.ObjectID, e.Detail, e.RequestID, e.PrevHash, e.Hash
		prev = e.Hash
	}
	const ins = `
		WITH log AS (
			INSERT INTO audit_log (tenant_id, seq, lane, lane_seq, at, actor_type, actor_id, action,
				object_type, object_id, detail, request_id, prev_hash, hash)
			SELECT $1, nextval('audit_seq'), $15::smallint, * FROM unnest($2::bigint[], $3::timestamptz[], $4::text[], $5::text[],
				$6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bytea[], $12::bytea[]))
		UPDATE audit_heads SET seq = $13, hash = $14 WHERE tenant_id = $1 AND lane = $15::smallint`
	if _, err := t.tx.ExecContext(ctx, ins, tenant, pq.Array(seqs), pq.Array(ats), pq.Array(actorTypes),
		pq.Array(actorIDs), pq.Array(actions), pq.Array(objTypes), pq.Array(objIDs), pq.Array(details),
		pq.Array(reqIDs), pq.Array(prevs), pq.Array(hashes), seqs[n-1], prev, t.lane); err != nil {
		return fmt.Errorf("store: audit insert: %w", err)
	}
	return nil
}
