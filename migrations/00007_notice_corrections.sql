-- +goose Up
-- Protected-period notices can be corrected (rules.md §2, revised
-- 2026-12-07: the pregnancy is protected from its estimated start and the
-- 1st birthday is the last protected day, so dates of notices already
-- raised move). A notice is never rewritten: the daily job marks it
-- superseded and raises its correction as a new row (next version) with its
-- own outbox event, so exactly one answer per employee, kind and protected
-- period stands (superseded_at IS NULL).

ALTER TABLE protection_notices ADD COLUMN version int NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE protection_notices ADD COLUMN superseded_at timestamptz;
ALTER TABLE protection_notices DROP CONSTRAINT protection_notices_pkey;
ALTER TABLE protection_notices ADD PRIMARY KEY (tenant_id, employee_id, kind, period_from, version);
CREATE INDEX protection_notices_current ON protection_notices (tenant_id, employee_id) WHERE superseded_at IS NULL;

GRANT UPDATE (superseded_at) ON protection_notices TO leaveguard_app;

-- +goose Down
REVOKE UPDATE (superseded_at) ON protection_notices FROM leaveguard_app;
DROP INDEX protection_notices_current;
DELETE FROM protection_notices WHERE version > 1;
ALTER TABLE protection_notices DROP CONSTRAINT protection_notices_pkey;
ALTER TABLE protection_notices ADD PRIMARY KEY (tenant_id, employee_id, kind, period_from);
ALTER TABLE protection_notices DROP COLUMN superseded_at;
ALTER TABLE protection_notices DROP COLUMN version;
