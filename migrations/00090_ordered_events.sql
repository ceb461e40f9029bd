-- +goose Up
-- Ordered, self-describing outbound events (issue 23). Every event row
-- carries the employee it is about (from its payload's employee_id), her
-- external_id, when it happened (occurred_at: the writer's clock), a
-- per-employee sequence assigned at insert in the writer's transaction
-- (the counter row is locked until that transaction ends, so sequences of
-- one employee commit in order). The pull API orders a tenant's events by
-- pos, given to committed events only, after the fact, by one sequencer at
-- a time per tenant (the tenant's counter row, employee_id = the nil UUID):
-- an event committed late gets a later position, so a reader's cursor never
-- skips it, and writers never wait for each other.

CREATE TABLE outbox_sequences (
  tenant_id   uuid NOT NULL,
  employee_id uuid NOT NULL,
  last_seq    bigint NOT NULL,
  PRIMARY KEY (tenant_id, employee_id)
);
ALTER TABLE outbox_sequences ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_sequences FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox_sequences USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
GRANT SELECT, INSERT, UPDATE ON outbox_sequences TO leaveguard_app;

ALTER TABLE outbox_events
  ADD COLUMN employee_id    uuid,
  ADD COLUMN external_id    text NOT NULL DEFAULT '',
  ADD COLUMN sequence       bigint,
  ADD COLUMN occurred_at    timestamptz,
  ADD COLUMN schema_version int NOT NULL DEFAULT 1,
  ADD COLUMN pos            bigint,
  ADD COLUMN ins            bigserial; -- insertion order (within a transaction too)
GRANT USAGE ON SEQUENCE outbox_events_ins_seq TO leaveguard_app;

-- Rows written before this migration: ordered by when they were written.
UPDATE outbox_events o SET occurred_at = created_at, pos = n.pos,
  employee_id = CASE WHEN payload->>'employee_id' ~ '^[0-9a-f-]{36}$' THEN (payload->>'employee_id')::uuid END
  FROM (SELECT tenant_id, id, row_number() OVER (PARTITION BY tenant_id ORDER BY created_at, id) AS pos FROM outbox_events) n
  WHERE n.tenant_id = o.tenant_id AND n.id = o.id;
INSERT INTO outbox_sequences (tenant_id, employee_id, last_seq)
  SELECT tenant_id, '00000000-0000-0000-0000-000000000000', max(pos) FROM outbox_events GROUP BY tenant_id;
ALTER TABLE outbox_events ALTER COLUMN occurred_at SET NOT NULL;

-- +goose StatementBegin
CREATE FUNCTION outbox_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.occurred_at := COALESCE(NEW.occurred_at, now());
  IF NEW.employee_id IS NULL AND NEW.payload->>'employee_id' ~ '^[0-9a-f-]{36}$' THEN
    NEW.employee_id := (NEW.payload->>'employee_id')::uuid;
  END IF;
  IF NEW.employee_id IS NOT NULL THEN
    INSERT INTO outbox_sequences AS s (tenant_id, employee_id, last_seq) VALUES (NEW.tenant_id, NEW.employee_id, 1)
      ON CONFLICT (tenant_id, employee_id) DO UPDATE SET last_seq = s.last_seq + 1
      RETURNING last_seq INTO NEW.sequence;
    SELECT e.external_id INTO NEW.external_id FROM employees e
      WHERE e.tenant_id = NEW.tenant_id AND e.id = NEW.employee_id;
    NEW.external_id := COALESCE(NEW.external_id, '');
  END IF;
  RETURN NEW;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER outbox_stamp BEFORE INSERT ON outbox_events FOR EACH ROW EXECUTE FUNCTION outbox_stamp();

CREATE INDEX outbox_employee_pending ON outbox_events (tenant_id, employee_id, sequence) WHERE status = 'pending';
CREATE UNIQUE INDEX outbox_pull ON outbox_events (tenant_id, pos);
CREATE INDEX outbox_unsequenced ON outbox_events (tenant_id, ins) WHERE pos IS NULL;
CREATE INDEX outbox_status ON outbox_events (tenant_id, status, created_at);

-- outbox_claim now leases only the head of each employee's queue: an event
-- is not claimed while an earlier event of the same employee is still
-- pending (waiting, being sent or being retried), so a receiver gets one
-- employee's events in sequence order. Other employees keep flowing; a
-- failed event stops blocking (it is settled).
DROP FUNCTION outbox_claim(int, interval, timestamptz);
CREATE FUNCTION outbox_claim(p_limit int, p_lease interval, p_now timestamptz)
  RETURNS TABLE (tenant_id uuid, id uuid, type text, payload jsonb, attempts int,
                 created_at timestamptz, target_integration uuid, locked_until timestamptz,
                 employee_id uuid, external_id text, sequence bigint, occurred_at timestamptz, schema_version int)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
  WITH due AS MATERIALIZED (
    SELECT e.tenant_id, e.id FROM outbox_events e
    WHERE e.status = 'pending' AND e.next_at <= p_now
      AND (e.locked_until IS NULL OR e.locked_until < p_now)
      AND (e.employee_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM outbox_events p
        WHERE p.tenant_id = e.tenant_id AND p.employee_id = e.employee_id
          AND p.status = 'pending' AND p.sequence < e.sequence))
    ORDER BY e.next_at
    LIMIT least(greatest(p_limit, 1), 1000)
    FOR UPDATE SKIP LOCKED)
  UPDATE outbox_events o SET locked_until = p_now + least(greatest(p_lease, interval '1 second'), interval '1 hour')
  FROM due WHERE o.tenant_id = due.tenant_id AND o.id = due.id
  RETURNING o.tenant_id, o.id, o.type, o.payload, o.attempts, o.created_at, o.target_integration, o.locked_until,
    o.employee_id, o.external_id, o.sequence, o.occurred_at, o.schema_version
$$;
REVOKE ALL ON FUNCTION outbox_claim(int, interval, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_claim(int, interval, timestamptz) TO leaveguard_app;


-- +goose Down
DROP FUNCTION outbox_claim(int, interval, timestamptz);
-- +goose StatementBegin
CREATE FUNCTION outbox_claim(p_limit int, p_lease interval, p_now timestamptz)
  RETURNS TABLE (tenant_id uuid, id uuid, type text, payload jsonb, attempts int,
                 created_at timestamptz, target_integration uuid, locked_until timestamptz)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
  WITH due AS MATERIALIZED (
    SELECT e.tenant_id, e.id FROM outbox_events e
    WHERE e.status = 'pending' AND e.next_at <= p_now
      AND (e.locked_until IS NULL OR e.locked_until < p_now)
    ORDER BY e.next_at
    LIMIT least(greatest(p_limit, 1), 1000)
    FOR UPDATE SKIP LOCKED)
  UPDATE outbox_events o SET locked_until = p_now + least(greatest(p_lease, interval '1 second'), interval '1 hour')
  FROM due WHERE o.tenant_id = due.tenant_id AND o.id = due.id
  RETURNING o.tenant_id, o.id, o.type, o.payload, o.attempts, o.created_at, o.target_integration, o.locked_until
$$;
-- +goose StatementEnd
REVOKE ALL ON FUNCTION outbox_claim(int, interval, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_claim(int, interval, timestamptz) TO leaveguard_app;
DROP TRIGGER outbox_stamp ON outbox_events;
DROP FUNCTION outbox_stamp();
DROP INDEX outbox_employee_pending, outbox_pull, outbox_unsequenced, outbox_status;
ALTER TABLE outbox_events DROP COLUMN employee_id, DROP COLUMN external_id, DROP COLUMN sequence,
  DROP COLUMN occurred_at, DROP COLUMN schema_version, DROP COLUMN pos, DROP COLUMN ins;
DROP TABLE outbox_sequences;
