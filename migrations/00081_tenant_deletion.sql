-- +goose Up
-- Deleting a whole tenant (a customer leaving): an admin asks for it, the
-- tenant's data can be exported during a grace period in which an admin may
-- cancel, then the daily job removes every row of the tenant. The request
-- is itself a row of the tenant and goes with it.

CREATE TABLE tenant_deletions (
  tenant_id    uuid NOT NULL REFERENCES tenants (id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  requested_on date NOT NULL,
  purge_on     date NOT NULL,
  requested_by text NOT NULL,
  cancelled_on date,
  cancelled_by text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CHECK (purge_on >= requested_on) -- the same day only for the operator's --now
);
-- At most one request in force per tenant.
CREATE UNIQUE INDEX tenant_deletions_open ON tenant_deletions (tenant_id) WHERE cancelled_on IS NULL;

ALTER TABLE tenant_deletions ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_deletions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_deletions USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

GRANT SELECT, INSERT ON tenant_deletions TO leaveguard_app;
GRANT UPDATE (cancelled_on, cancelled_by) ON tenant_deletions TO leaveguard_app;

-- tenant_purge removes every row of the tenant the calling transaction is
-- bound to (app.tenant_id), only when that tenant has a deletion request in
-- force whose purge day is p_today or earlier. The application may delete
-- almost nothing itself (the audit log is append-only), so this function,
-- owned by the table owner, does it; row-level security still confines
-- every DELETE to the bound tenant. Tables are found in the catalogue (every
-- table of the schema with a tenant_id column, so tables added later are
-- covered) and deleted in whatever order the foreign keys allow. It returns
-- the number of rows removed.
-- +goose StatementBegin
CREATE FUNCTION tenant_purge(p_tenant uuid, p_today date) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  left_over text[];
  still     text[];
  tbl       text;
  n         bigint;
  total     bigint := 0;
BEGIN
  IF p_tenant IS NULL OR p_tenant IS DISTINCT FROM app_tenant() THEN
    RAISE EXCEPTION 'tenant_purge: not the bound tenant';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM tenant_deletions d WHERE d.tenant_id = p_tenant
                 AND d.cancelled_on IS NULL AND d.purge_on <= p_today) THEN
    RAISE EXCEPTION 'tenant_purge: no deletion due';
  END IF;
  SELECT array_agg(c.table_name::text ORDER BY c.table_name) INTO left_over
  FROM information_schema.columns c JOIN information_schema.tables t
    ON t.table_schema = c.table_schema AND t.table_name = c.table_name
  WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE';
  WHILE cardinality(left_over) > 0 LOOP
    still := '{}';
    FOREACH tbl IN ARRAY left_over LOOP
      BEGIN
        EXECUTE format('DELETE FROM %I WHERE tenant_id = $1', tbl) USING p_tenant;
        GET DIAGNOSTICS n = ROW_COUNT;
        total := total + n;
      EXCEPTION WHEN foreign_key_violation THEN
        still := still || tbl;
      END;
    END LOOP;
    IF cardinality(still) = cardinality(left_over) THEN
      RAISE EXCEPTION 'tenant_purge: foreign keys block %', still;
    END IF;
    left_over := still;
  END LOOP;
  DELETE FROM tenants WHERE id = p_tenant;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN total + n;
END
$$;
-- +goose StatementEnd
REVOKE ALL ON FUNCTION tenant_purge(uuid, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_purge(uuid, date) TO leaveguard_app;

-- +goose Down
DROP FUNCTION tenant_purge(uuid, date);
DROP TABLE tenant_deletions;
