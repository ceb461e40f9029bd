-- +goose Up
-- The foundation: tenants, staff users, API keys, employees, the audit log and
-- the outbox. Every tenant table leads its primary key, unique indexes and
-- foreign keys with tenant_id, and is guarded by row-level security (ENABLE +
-- FORCE) on the transaction-local setting app.tenant_id. The application
-- connects as a member of leaveguard_app, which owns nothing.

-- +goose StatementBegin
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'leaveguard_app') THEN
    CREATE ROLE leaveguard_app NOLOGIN;
  END IF;
END
$$;
-- +goose StatementEnd

CREATE FUNCTION app_tenant() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE TABLE tenants (
  id          uuid PRIMARY KEY,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  credit_code text NOT NULL DEFAULT '',
  region      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants
  USING (id = app_tenant()) WITH CHECK (id = app_tenant());

CREATE TABLE users (
  tenant_id     uuid NOT NULL REFERENCES tenants (id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  email         text NOT NULL,
  name          text NOT NULL DEFAULT '',
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'hr', 'auditor', 'payroll')),
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX users_email ON users (tenant_id, lower(email));

CREATE TABLE api_keys (
  tenant_id    uuid NOT NULL REFERENCES tenants (id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  name         text NOT NULL DEFAULT '',
  key_hash     bytea NOT NULL,
  role         text NOT NULL CHECK (role IN ('admin', 'hr', 'auditor', 'payroll')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX api_keys_hash ON api_keys (tenant_id, key_hash);

CREATE TABLE employees (
  tenant_id          uuid NOT NULL REFERENCES tenants (id),
  id                 uuid NOT NULL DEFAULT gen_random_uuid(),
  external_id        text NOT NULL,
  name               text NOT NULL,
  gender             text NOT NULL CHECK (gender IN ('female', 'male')),
  national_id_enc    bytea NOT NULL,
  national_id_hash   bytea NOT NULL,
  national_id_masked text NOT NULL,
  hired_on           date NOT NULL,
  contract_end       date,
  monthly_wage_fen   bigint NOT NULL CHECK (monthly_wage_fen >= 0),
  maternity_insured  boolean NOT NULL,
  region             text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX employees_external_id ON employees (tenant_id, external_id);
CREATE UNIQUE INDEX employees_national_id ON employees (tenant_id, national_id_hash);
CREATE INDEX employees_list ON employees (tenant_id, created_at, id);

-- The audit log is append-only for the application (no UPDATE or DELETE
-- grant) and hash-chained per tenant: hash = sha256(prev_hash || record).
CREATE TABLE audit_log (
  tenant_id   uuid NOT NULL REFERENCES tenants (id),
  seq         bigint NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_type  text NOT NULL,
  actor_id    text NOT NULL,
  action      text NOT NULL,
  object_type text NOT NULL,
  object_id   text NOT NULL,
  detail      text NOT NULL DEFAULT '{}', -- exact JSON text: it is hashed
  request_id  text NOT NULL DEFAULT '',
  prev_hash   bytea NOT NULL,
  hash        bytea NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_log_object ON audit_log (tenant_id, object_type, object_id, seq);

CREATE TABLE audit_heads (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
  seq       bigint NOT NULL,
  hash      bytea NOT NULL
);

CREATE TABLE outbox_events (
  tenant_id     uuid NOT NULL REFERENCES tenants (id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  type          text NOT NULL,
  payload       jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts      int NOT NULL DEFAULT 0,
  next_at       timestamptz NOT NULL DEFAULT now(),
  locked_until  timestamptz,
  last_error    text NOT NULL DEFAULT '',
  delivered_at  timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX outbox_due ON outbox_events (next_at) WHERE status = 'pending';

-- +goose StatementBegin
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users', 'api_keys', 'employees', 'audit_log', 'audit_heads', 'outbox_events']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END
$$;
-- +goose StatementEnd

GRANT USAGE ON SCHEMA public TO leaveguard_app;
GRANT EXECUTE ON FUNCTION app_tenant() TO leaveguard_app;
GRANT SELECT ON goose_db_version TO leaveguard_app;
GRANT SELECT, INSERT ON tenants TO leaveguard_app;
GRANT UPDATE (name, credit_code, region) ON tenants TO leaveguard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON users, api_keys, employees, audit_heads, outbox_events TO leaveguard_app;
GRANT SELECT, INSERT ON audit_log TO leaveguard_app;

-- +goose Down
DROP TABLE outbox_events, audit_heads, audit_log, employees, api_keys, users, tenants;
DROP FUNCTION app_tenant();
