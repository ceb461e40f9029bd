-- +goose Up
-- The employee's rights over her data (《个人信息保护法》):
-- correction requests (第四十六条) recorded with their outcome, and the
-- record of whether she was told the purpose and necessity of processing a
-- sensitive fact — pregnancy, birth, miscarriage (第二十八至三十条). Both
-- are append-only history: an outcome is set once; a later notice record of
-- the same fact supersedes the earlier by being newer.

CREATE TABLE correction_requests (
  tenant_id    uuid NOT NULL,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  employee_id  uuid NOT NULL,
  subject      text NOT NULL CHECK (length(subject) BETWEEN 1 AND 2000),
  received_on  date NOT NULL,
  channel      text NOT NULL CHECK (channel IN ('in_person', 'written', 'email', 'phone', 'other')),
  outcome      text CHECK (outcome IN ('corrected', 'partially_corrected', 'rejected')),
  outcome_note text NOT NULL DEFAULT '',
  decided_on   date,
  decided_by   text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   text NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id),
  CHECK ((outcome IS NULL) = (decided_on IS NULL))
);
CREATE INDEX correction_requests_employee ON correction_requests (tenant_id, employee_id, received_on);

CREATE TABLE sensitive_notices (
  tenant_id   uuid NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  employee_id uuid NOT NULL,
  fact_type   text NOT NULL CHECK (fact_type IN ('pregnancy', 'birth', 'miscarriage')),
  fact_id     uuid NOT NULL,
  status      text NOT NULL CHECK (status IN ('informed', 'not_informed', 'not_recorded')),
  informed_on date,
  method      text NOT NULL DEFAULT '' CHECK (method IN ('', 'written', 'electronic', 'oral')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  text NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id),
  CHECK ((status = 'informed') = (informed_on IS NOT NULL))
);
CREATE INDEX sensitive_notices_employee ON sensitive_notices (tenant_id, employee_id, created_at);

ALTER TABLE correction_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE correction_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON correction_requests USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
ALTER TABLE sensitive_notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE sensitive_notices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sensitive_notices USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

GRANT SELECT, INSERT ON correction_requests, sensitive_notices TO leaveguard_app;
-- subject and outcome_note are also cleared when she is anonymised (they
-- are free text about her).
GRANT UPDATE (subject, outcome, outcome_note, decided_on, decided_by) ON correction_requests TO leaveguard_app;

-- +goose Down
DROP TABLE sensitive_notices;
DROP TABLE correction_requests;
