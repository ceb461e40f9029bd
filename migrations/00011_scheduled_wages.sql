-- +goose Up
-- Wage changes a payroll system announces for a later day (wage.changed
-- with a future effective_date). The wage is not changed before that day:
-- the daily job applies the change on it, judged by the protected period on
-- that day, and records the outcome (applied, or refused as a violation
-- attempt). The application may insert rows and settle them, never edit
-- what was announced.

CREATE TABLE scheduled_wage_changes (
  tenant_id      uuid NOT NULL,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  employee_id    uuid NOT NULL,
  new_wage_fen   bigint NOT NULL CHECK (new_wage_fen >= 0),
  effective_date date NOT NULL,
  source         text NOT NULL,
  webhook_id     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  created_by     text NOT NULL,
  outcome        text CHECK (outcome IN ('applied', 'refused')),
  settled_at     timestamptz,
  CHECK ((outcome IS NULL) = (settled_at IS NULL)),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);
CREATE INDEX scheduled_wage_changes_due ON scheduled_wage_changes (tenant_id, effective_date)
  WHERE outcome IS NULL;
CREATE INDEX scheduled_wage_changes_employee ON scheduled_wage_changes (tenant_id, employee_id, effective_date);

ALTER TABLE scheduled_wage_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE scheduled_wage_changes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scheduled_wage_changes
  USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

GRANT SELECT, INSERT ON scheduled_wage_changes TO leaveguard_app;
GRANT UPDATE (outcome, settled_at) ON scheduled_wage_changes TO leaveguard_app;

-- +goose Down
DROP TABLE scheduled_wage_changes;
