-- +goose Up
-- Separation (离职): every recorded separation and every withdrawal
-- (rehire) is a row of its own, never rewritten; the employee's current
-- last day of employment is kept on employees.separated_on (NULL while
-- employed) so lists, the payroll feed and the protection job can filter
-- on it cheaply.

ALTER TABLE employees ADD COLUMN separated_on date;
CREATE INDEX employees_separated_on ON employees (tenant_id, separated_on) WHERE separated_on IS NOT NULL;

CREATE TABLE separations (
  tenant_id          uuid NOT NULL,
  id                 uuid NOT NULL DEFAULT gen_random_uuid(),
  employee_id        uuid NOT NULL,
  event              text NOT NULL CHECK (event IN ('recorded', 'withdrawn')),
  last_day           date NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('resignation', 'mutual_agreement', 'termination', 'non_renewal',
                       'retirement', 'death', 'bankruptcy', 'closure')),
  ground             text NOT NULL DEFAULT '',
  dismissal_check_id uuid,
  overridden         boolean NOT NULL DEFAULT false,
  override_reason    text NOT NULL DEFAULT '',
  reviewed_by        text NOT NULL DEFAULT '',
  review_note        text NOT NULL DEFAULT '',
  findings           jsonb NOT NULL DEFAULT '[]',
  created_at         timestamptz NOT NULL DEFAULT now(),
  created_by         text NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id),
  FOREIGN KEY (tenant_id, dismissal_check_id) REFERENCES dismissal_checks (tenant_id, id)
);
CREATE INDEX separations_employee ON separations (tenant_id, employee_id, created_at);

ALTER TABLE separations ENABLE ROW LEVEL SECURITY;
ALTER TABLE separations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON separations USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

GRANT SELECT, INSERT ON separations TO leaveguard_app;

-- +goose Down
DROP TABLE separations;
DROP INDEX employees_separated_on;
ALTER TABLE employees DROP COLUMN separated_on;
