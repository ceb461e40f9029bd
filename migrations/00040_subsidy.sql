-- +goose Up
-- Social-insurance cost-subsidy applications (rules.md §4): a period of
-- whole months (stored as the first day of the first and of the last month),
-- its employee-month lines computed with payroll.SubsidyLines from approved
-- leave, and its lifecycle draft → submitted → approved | rejected → paid.
--
-- A month belongs to at most one active (not rejected) application of a
-- tenant: subsidy_application_months holds one row per covered month, so an
-- identical or an overlapping period is refused by its primary key (409).
-- Rejecting an application frees its months.

CREATE TABLE subsidy_applications (
  tenant_id           uuid NOT NULL,
  id                  uuid NOT NULL DEFAULT gen_random_uuid(),
  period_from         date NOT NULL CHECK (extract(day FROM period_from) = 1),
  period_to           date NOT NULL CHECK (extract(day FROM period_to) = 1),
  status              text NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'paid')),
  total_claimable_fen bigint NOT NULL CHECK (total_claimable_fen >= 0),
  line_count          int NOT NULL DEFAULT 0,
  result              jsonb NOT NULL,
  submitted_on        date,
  decided_on          date,
  reject_reason       text NOT NULL DEFAULT '',
  paid_fen            bigint CHECK (paid_fen >= 0),
  paid_on             date,
  difference_fen      bigint,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  created_by          text NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (period_to >= period_from AND period_to < period_from + interval '12 months')
);
CREATE INDEX subsidy_applications_list ON subsidy_applications (tenant_id, created_at, id);

CREATE TABLE subsidy_application_months (
  tenant_id      uuid NOT NULL,
  month          date NOT NULL,
  application_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, month),
  FOREIGN KEY (tenant_id, application_id) REFERENCES subsidy_applications (tenant_id, id)
);
CREATE INDEX subsidy_application_months_app ON subsidy_application_months (tenant_id, application_id);

CREATE TABLE subsidy_lines (
  tenant_id                 uuid NOT NULL,
  application_id            uuid NOT NULL,
  line_no                   int NOT NULL,
  employee_id               uuid NOT NULL,
  month                     date NOT NULL,
  leave_type                text NOT NULL,
  leave_days                int NOT NULL,
  days_in_month             int NOT NULL,
  wage_fen                  bigint NOT NULL,
  base_fen                  bigint NOT NULL,
  employer_rate_bp          bigint NOT NULL,
  ratio_bp                  bigint NOT NULL,
  employer_contribution_fen bigint NOT NULL,
  claimable_fen             bigint NOT NULL,
  eligible                  boolean NOT NULL,
  reasons                   jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (tenant_id, application_id, line_no),
  FOREIGN KEY (tenant_id, application_id) REFERENCES subsidy_applications (tenant_id, id),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);

CREATE TABLE subsidy_application_transitions (
  tenant_id      uuid NOT NULL,
  application_id uuid NOT NULL,
  seq            bigint GENERATED ALWAYS AS IDENTITY,
  action         text NOT NULL,
  from_status    text NOT NULL,
  to_status      text NOT NULL,
  on_date        date,
  detail         jsonb NOT NULL DEFAULT '{}',
  at             timestamptz NOT NULL DEFAULT now(),
  by             text NOT NULL,
  PRIMARY KEY (tenant_id, application_id, seq),
  FOREIGN KEY (tenant_id, application_id) REFERENCES subsidy_applications (tenant_id, id)
);

-- The payroll feed reads approved leave per page of employees.
CREATE INDEX leave_requests_feed ON leave_requests (tenant_id, employee_id, end_date) WHERE status = 'approved';

-- +goose StatementBegin
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['subsidy_applications', 'subsidy_application_months', 'subsidy_lines',
    'subsidy_application_transitions']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END
$$;
-- +goose StatementEnd

GRANT SELECT, INSERT, UPDATE ON subsidy_applications TO leaveguard_app;
GRANT SELECT, INSERT, DELETE ON subsidy_application_months, subsidy_lines TO leaveguard_app;
GRANT SELECT, INSERT ON subsidy_application_transitions TO leaveguard_app;

-- +goose Down
DROP INDEX leave_requests_feed;
DROP TABLE subsidy_application_transitions, subsidy_lines, subsidy_application_months, subsidy_applications;
