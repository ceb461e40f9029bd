-- +goose Up
-- The leave engine: tenant settings, family events (pregnancies, births
-- with their frozen plans and correction history, children, miscarriages,
-- marriages), leave requests and the append-only leave ledger; plus the
-- official holiday calendar (global data, not per tenant).

CREATE TABLE settings (
  tenant_id  uuid NOT NULL REFERENCES tenants (id),
  key        text NOT NULL,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, key)
);

CREATE TABLE pregnancies (
  tenant_id         uuid NOT NULL,
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  employee_id       uuid NOT NULL,
  reported_on       date NOT NULL,
  expected_due_date date,
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);
CREATE INDEX pregnancies_employee ON pregnancies (tenant_id, employee_id);

CREATE TABLE births (
  tenant_id   uuid NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  employee_id uuid NOT NULL,
  birth_date  date NOT NULL,
  child_order int NOT NULL CHECK (child_order BETWEEN 1 AND 20),
  babies      int NOT NULL CHECK (babies BETWEEN 1 AND 9),
  dystocia    boolean NOT NULL,
  leave_start date,
  plan        jsonb NOT NULL,
  version     int NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);
CREATE INDEX births_employee ON births (tenant_id, employee_id);

-- Every version of a birth's facts and plan: a correction adds a row.
CREATE TABLE birth_versions (
  tenant_id   uuid NOT NULL,
  birth_id    uuid NOT NULL,
  version     int NOT NULL,
  input       jsonb NOT NULL,
  plan        jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL,
  PRIMARY KEY (tenant_id, birth_id, version),
  FOREIGN KEY (tenant_id, birth_id) REFERENCES births (tenant_id, id)
);

CREATE TABLE children (
  tenant_id         uuid NOT NULL,
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  employee_id       uuid NOT NULL,
  birth_id          uuid,
  birth_date        date NOT NULL,
  child_order       int NOT NULL DEFAULT 0,
  iit_share_percent int NOT NULL DEFAULT 100 CHECK (iit_share_percent IN (0, 50, 100)),
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id),
  FOREIGN KEY (tenant_id, birth_id) REFERENCES births (tenant_id, id)
);
CREATE INDEX children_employee ON children (tenant_id, employee_id);

CREATE TABLE miscarriages (
  tenant_id       uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  employee_id     uuid NOT NULL,
  date            date NOT NULL,
  gestation_weeks int NOT NULL CHECK (gestation_weeks BETWEEN 1 AND 45),
  plan            jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);
CREATE INDEX miscarriages_employee ON miscarriages (tenant_id, employee_id);

CREATE TABLE marriages (
  tenant_id     uuid NOT NULL,
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  employee_id   uuid NOT NULL,
  registered_on date NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);
CREATE INDEX marriages_employee ON marriages (tenant_id, employee_id);

CREATE TABLE leave_requests (
  tenant_id    uuid NOT NULL,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  employee_id  uuid NOT NULL,
  leave_type   text NOT NULL,
  start_date   date NOT NULL,
  end_date     date NOT NULL,
  days         int NOT NULL CHECK (days > 0),
  unit         text NOT NULL,
  bucket       text NOT NULL,
  child_id     text NOT NULL DEFAULT '',
  status       text NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected', 'cancelled')),
  decision     jsonb NOT NULL,
  note         text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT now(),
  decided_at   timestamptz,
  decided_by   text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);
CREATE INDEX leave_requests_employee ON leave_requests (tenant_id, employee_id, start_date);
CREATE INDEX leave_requests_dates ON leave_requests (tenant_id, start_date, end_date) WHERE status = 'approved';

-- The leave ledger is append-only for the application.
CREATE TABLE ledger_entries (
  tenant_id   uuid NOT NULL,
  employee_id uuid NOT NULL,
  seq         bigint GENERATED ALWAYS AS IDENTITY,
  kind        text NOT NULL CHECK (kind IN ('credit', 'debit', 'reversal')),
  posted_on   date NOT NULL,
  leave_type  text NOT NULL,
  bucket      text NOT NULL,
  days        int NOT NULL CHECK (days > 0),
  unit        text NOT NULL DEFAULT '',
  request_id  text NOT NULL DEFAULT '',
  start_date  date,
  end_date    date,
  note        text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, employee_id, seq),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);

-- Official holiday schedules (国务院办公厅 notices) loaded beyond the
-- built-in years with `leaveguard calendar import`. Global, not per tenant.
CREATE TABLE calendar_days (
  day     date PRIMARY KEY,
  off_day boolean NOT NULL,
  name    text NOT NULL DEFAULT ''
);

-- +goose StatementBegin
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['settings', 'pregnancies', 'births', 'birth_versions', 'children',
    'miscarriages', 'marriages', 'leave_requests', 'ledger_entries']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END
$$;
-- +goose StatementEnd

GRANT SELECT, INSERT, UPDATE, DELETE ON settings, pregnancies, births, children, miscarriages,
  marriages, leave_requests TO leaveguard_app;
GRANT SELECT, INSERT ON birth_versions, ledger_entries TO leaveguard_app;
GRANT SELECT ON calendar_days TO leaveguard_app;

-- +goose Down
DROP TABLE calendar_days, ledger_entries, leave_requests, marriages, miscarriages, children,
  birth_versions, births, pregnancies, settings;
