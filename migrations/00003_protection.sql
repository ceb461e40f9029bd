-- +goose Up
-- Protected periods (三期): stored dismissal checks, notices raised once per
-- employee and period by the daily job, refused wage cuts, and the per-tenant
-- job bookkeeping that lets several instances share the daily work.

CREATE TABLE dismissal_checks (
  tenant_id             uuid NOT NULL,
  id                    uuid NOT NULL,
  employee_id           uuid NOT NULL,
  action                text NOT NULL,
  ground                text NOT NULL DEFAULT '',
  effective_date        date NOT NULL,
  verdict               text NOT NULL CHECK (verdict IN ('prohibited', 'requires_review', 'allowed', 'extend_contract')),
  protected_until       date,
  extended_contract_end date,
  result                jsonb NOT NULL,
  facts                 jsonb NOT NULL,
  source                text NOT NULL DEFAULT 'api',
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            text NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);
CREATE INDEX dismissal_checks_employee ON dismissal_checks (tenant_id, employee_id, created_at);
CREATE INDEX dismissal_checks_list ON dismissal_checks (tenant_id, created_at, id);

-- One row per employee, kind and protected interval: the unique key makes
-- each notice (and its outbox event) happen exactly once.
CREATE TABLE protection_notices (
  tenant_id   uuid NOT NULL,
  employee_id uuid NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('protection.started', 'protection.ended', 'contract.extension_required')),
  period_from date NOT NULL,
  detail      jsonb NOT NULL DEFAULT '{}',
  raised_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, employee_id, kind, period_from),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);

CREATE TABLE wage_violation_attempts (
  tenant_id      uuid NOT NULL,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  employee_id    uuid NOT NULL,
  old_wage_fen   bigint NOT NULL,
  new_wage_fen   bigint NOT NULL,
  source         text NOT NULL,
  overridden     boolean NOT NULL DEFAULT false,
  reason         text NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL DEFAULT now(),
  created_by     text NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);

CREATE TABLE tenant_jobs (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  job       text NOT NULL,
  last_day  date,
  PRIMARY KEY (tenant_id, job)
);

-- +goose StatementBegin
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['dismissal_checks', 'protection_notices', 'wage_violation_attempts', 'tenant_jobs']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END
$$;
-- +goose StatementEnd

-- Background jobs must visit every tenant before any tenant is set: this
-- narrow function returns tenant ids only, through a read policy that only
-- the table owner (the function's owner) has.
CREATE POLICY owner_lists_tenants ON tenants FOR SELECT TO CURRENT_USER USING (true);

CREATE FUNCTION tenant_ids() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT id FROM tenants ORDER BY id $$;
REVOKE ALL ON FUNCTION tenant_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_ids() TO leaveguard_app;

GRANT SELECT, INSERT ON dismissal_checks, protection_notices, wage_violation_attempts TO leaveguard_app;
GRANT SELECT, INSERT, UPDATE ON tenant_jobs TO leaveguard_app;

-- +goose Down
DROP FUNCTION tenant_ids();
DROP POLICY owner_lists_tenants ON tenants;
DROP TABLE tenant_jobs, wage_violation_attempts, protection_notices, dismissal_checks;
