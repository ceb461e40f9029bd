-- +goose Up
-- Imports (issue 19): an employee's department (部门, free text from the
-- employer's spreadsheet), and the history of file imports: who imported
-- which file when, how many rows it had, what became of them and the first
-- rows refused (row number, column, message; never a cell's value).

ALTER TABLE employees ADD COLUMN department text NOT NULL DEFAULT '';

CREATE TABLE imports (
  tenant_id   uuid NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  kind        text NOT NULL CHECK (kind IN ('employees', 'family')),
  file_name   text NOT NULL,
  status      text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  rows        integer NOT NULL DEFAULT 0,
  processed   integer NOT NULL DEFAULT 0,
  created     integer NOT NULL DEFAULT 0,
  updated     integer NOT NULL DEFAULT 0,
  unchanged   integer NOT NULL DEFAULT 0,
  failed      integer NOT NULL DEFAULT 0,
  errors      jsonb NOT NULL DEFAULT '[]',
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL,
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);
CREATE INDEX imports_list ON imports (tenant_id, created_at DESC, id);

ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE imports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON imports USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

GRANT SELECT, INSERT, UPDATE ON imports TO leaveguard_app;

-- +goose Down
DROP TABLE imports;
ALTER TABLE employees DROP COLUMN department;
