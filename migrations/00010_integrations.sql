-- +goose Up
-- Payroll integration: integrations with their webhook secrets, the inbound
-- delivery log (its unique key is the dedupe key, inserted in the same
-- transaction as the effect), the outbound attempt log, and idempotency keys
-- of the JSON API. Every table leads its keys with tenant_id and is guarded
-- by RLS. Three narrow SECURITY DEFINER functions, owned by the migration
-- owner, do the only cross-tenant work: find the tenant of an integration id,
-- claim due outbox events with a lease, purge expired idempotency keys.

CREATE TABLE integrations (
  tenant_id            uuid NOT NULL REFERENCES tenants (id),
  id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  secret_enc           bytea NOT NULL,   -- AES-GCM (pii.Cipher) of the whsec_ secret
  previous_secret_enc  bytea,            -- the secret before the last rotation
  previous_valid_until timestamptz,      -- ... accepted (and signed with) until then
  outbound_url         text NOT NULL DEFAULT '',
  outbound_disabled_at timestamptz,      -- set when the endpoint answered 410 Gone
  disabled_at          timestamptz,      -- set by DELETE: the integration is gone
  created_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
-- integration_tenant() looks integrations up by id alone (ids are random UUIDs).
CREATE INDEX integrations_by_id ON integrations (id);

CREATE TABLE webhook_deliveries (
  tenant_id         uuid NOT NULL,
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  integration_id    uuid NOT NULL,
  webhook_id        text NOT NULL,
  type              text NOT NULL DEFAULT '',
  status            text NOT NULL CHECK (status IN ('processed', 'duplicate', 'ignored', 'invalid')),
  errors            jsonb NOT NULL DEFAULT '{}',
  result            jsonb NOT NULL DEFAULT '{}',
  duplicates        int NOT NULL DEFAULT 0,  -- later receipts of the same webhook-id
  last_duplicate_at timestamptz,
  received_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, integration_id) REFERENCES integrations (tenant_id, id)
);
-- The dedupe key. Invalid receipts are logged (each one) but take no slot, so a
-- corrected retry of the same webhook-id is still processed.
CREATE UNIQUE INDEX webhook_deliveries_dedupe ON webhook_deliveries (tenant_id, integration_id, webhook_id)
  WHERE status <> 'invalid';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (tenant_id, integration_id, received_at DESC, id DESC);

ALTER TABLE outbox_events ADD COLUMN target_integration uuid; -- a manual redelivery to one integration

CREATE TABLE outbox_attempts (
  tenant_id      uuid NOT NULL,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  event_id       uuid NOT NULL,
  integration_id uuid NOT NULL,
  attempt        int NOT NULL,
  status_code    int NOT NULL DEFAULT 0, -- 0: no HTTP response
  error          text NOT NULL DEFAULT '',
  at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, event_id) REFERENCES outbox_events (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, integration_id) REFERENCES integrations (tenant_id, id)
);
CREATE INDEX outbox_attempts_log ON outbox_attempts (tenant_id, integration_id, at DESC, id DESC);
CREATE INDEX outbox_attempts_event ON outbox_attempts (tenant_id, event_id);

CREATE TABLE idempotency_keys (
  tenant_id       uuid NOT NULL REFERENCES tenants (id),
  key             text NOT NULL,
  fingerprint     bytea NOT NULL, -- sha256(method, path, body)
  status          text NOT NULL CHECK (status IN ('in_flight', 'done')),
  response_status int NOT NULL DEFAULT 0,
  response_body   bytea NOT NULL DEFAULT '\x',
  content_type    text NOT NULL DEFAULT '',
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);

-- +goose StatementBegin
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['integrations', 'webhook_deliveries', 'outbox_attempts', 'idempotency_keys']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END
$$;
-- +goose StatementEnd

-- FORCE applies RLS to the owner too, so the SECURITY DEFINER functions
-- below (run as the owner, the role running this file) get policies of their
-- own, for exactly the rows and commands they need.
CREATE POLICY definer_lookup ON integrations FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY definer_claim_read ON outbox_events FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY definer_claim ON outbox_events FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY definer_purge_read ON idempotency_keys FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY definer_purge ON idempotency_keys FOR DELETE TO CURRENT_USER USING (true);

-- integration_tenant returns only the tenant of an active integration: the
-- webhook endpoint knows nothing else before it opens the tenant transaction.
CREATE FUNCTION integration_tenant(p_id uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT i.tenant_id FROM integrations i WHERE i.id = p_id AND i.disabled_at IS NULL $$;

-- outbox_claim leases up to p_limit due events of all tenants (the delivery
-- workers record results per tenant, under RLS). SKIP LOCKED lets several
-- workers claim at once; an expired lease makes the event claimable again.
CREATE FUNCTION outbox_claim(p_limit int, p_lease interval)
  RETURNS TABLE (tenant_id uuid, id uuid, type text, payload jsonb, attempts int,
                 created_at timestamptz, target_integration uuid, locked_until timestamptz)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
  WITH due AS MATERIALIZED (
    SELECT e.tenant_id, e.id FROM outbox_events e
    WHERE e.status = 'pending' AND e.next_at <= now()
      AND (e.locked_until IS NULL OR e.locked_until < now())
    ORDER BY e.next_at
    LIMIT least(greatest(p_limit, 1), 1000)
    FOR UPDATE SKIP LOCKED)
  UPDATE outbox_events o SET locked_until = now() + least(greatest(p_lease, interval '1 second'), interval '1 hour')
  FROM due WHERE o.tenant_id = due.tenant_id AND o.id = due.id
  RETURNING o.tenant_id, o.id, o.type, o.payload, o.attempts, o.created_at, o.target_integration, o.locked_until
$$;

-- idempotency_purge deletes keys older than p_age (never younger than 24 h).
CREATE FUNCTION idempotency_purge(p_age interval) RETURNS bigint
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
  WITH d AS (DELETE FROM idempotency_keys k
             WHERE k.created_at < now() - greatest(p_age, interval '24 hours') RETURNING 1)
  SELECT count(*) FROM d
$$;

REVOKE ALL ON FUNCTION integration_tenant(uuid), outbox_claim(int, interval), idempotency_purge(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION integration_tenant(uuid), outbox_claim(int, interval), idempotency_purge(interval) TO leaveguard_app;

GRANT SELECT, INSERT ON integrations TO leaveguard_app;
GRANT UPDATE (name, secret_enc, previous_secret_enc, previous_valid_until, outbound_url,
  outbound_disabled_at, disabled_at) ON integrations TO leaveguard_app;
GRANT SELECT, INSERT ON webhook_deliveries TO leaveguard_app;
GRANT UPDATE (result, duplicates, last_duplicate_at) ON webhook_deliveries TO leaveguard_app;
GRANT SELECT, INSERT ON outbox_attempts TO leaveguard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO leaveguard_app;

-- +goose Down
DROP FUNCTION idempotency_purge(interval);
DROP FUNCTION outbox_claim(int, interval);
DROP FUNCTION integration_tenant(uuid);
DROP TABLE idempotency_keys, outbox_attempts, webhook_deliveries, integrations;
ALTER TABLE outbox_events DROP COLUMN target_integration;
DROP POLICY IF EXISTS definer_claim_read ON outbox_events;
DROP POLICY IF EXISTS definer_claim ON outbox_events;
