-- +goose Up
-- A pregnancy is protected from its start (rules.md §2): the expected due
-- date − 280 days, or an earlier medically confirmed start when the
-- employer has one. pregnancies keeps its tenant_isolation policy.

ALTER TABLE pregnancies ADD COLUMN confirmed_start date;
ALTER TABLE pregnancies ADD CONSTRAINT pregnancies_confirmed_start
  CHECK (confirmed_start IS NULL OR confirmed_start <= reported_on);

-- +goose Down
ALTER TABLE pregnancies DROP CONSTRAINT pregnancies_confirmed_start;
ALTER TABLE pregnancies DROP COLUMN confirmed_start;
