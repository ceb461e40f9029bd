-- +goose Up
-- Closable payroll months (issue 23). A tenant closes a month; what each
-- line of that month said at the close is kept (published), and a later
-- change to the month's facts becomes an adjustment line in the next open
-- month instead of a rewrite. Lines once published (read through the feed
-- or frozen by a close) are kept with a revision, so a change is noticed,
-- counted and announced (payroll.feed.changed).

CREATE TABLE payroll_months (
  tenant_id uuid NOT NULL,
  month     text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  closed_at timestamptz NOT NULL,
  closed_by text NOT NULL,
  PRIMARY KEY (tenant_id, month)
);

-- One row per employee and month once her line was published: revision
-- counts its versions (adjustments included), published is what the feed
-- said (frozen once the month is closed), current is the line as last
-- computed; change_seq orders changes for ?changed_since.
CREATE TABLE payroll_feed_lines (
  tenant_id   uuid NOT NULL,
  employee_id uuid NOT NULL,
  month       text NOT NULL,
  line_id     uuid NOT NULL,
  revision    int NOT NULL,
  published   jsonb NOT NULL,
  current     jsonb NOT NULL,
  updated_at  timestamptz NOT NULL,
  change_seq  bigint NOT NULL,
  PRIMARY KEY (tenant_id, employee_id, month),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);
CREATE INDEX payroll_feed_lines_changes ON payroll_feed_lines (tenant_id, change_seq);

-- An adjustment: the difference between what a closed month's line said
-- (plus earlier adjustments) and what its facts say now, paid in month.
CREATE TABLE payroll_adjustments (
  tenant_id     uuid NOT NULL,
  id            uuid NOT NULL,
  employee_id   uuid NOT NULL,
  month         text NOT NULL,
  adjusts_month text NOT NULL,
  adjustment_of uuid NOT NULL,
  revision      int NOT NULL,
  body          jsonb NOT NULL,
  created_at    timestamptz NOT NULL,
  change_seq    bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);
CREATE INDEX payroll_adjustments_month ON payroll_adjustments (tenant_id, month, employee_id);
CREATE INDEX payroll_adjustments_changes ON payroll_adjustments (tenant_id, change_seq);

-- Employees whose feed facts changed since their published lines were
-- last compared; filled by triggers on the facts' tables, emptied by the
-- feed's sync.
CREATE TABLE payroll_feed_dirty (
  tenant_id   uuid NOT NULL,
  employee_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, employee_id)
);

CREATE SEQUENCE payroll_feed_change_seq;

-- +goose StatementBegin
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['payroll_months', 'payroll_feed_lines', 'payroll_adjustments', 'payroll_feed_dirty']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END
$$;
-- +goose StatementEnd
GRANT SELECT, INSERT, DELETE ON payroll_months TO leaveguard_app;
GRANT SELECT, INSERT, UPDATE ON payroll_feed_lines TO leaveguard_app;
GRANT SELECT, INSERT ON payroll_adjustments TO leaveguard_app;
GRANT SELECT, INSERT, DELETE ON payroll_feed_dirty TO leaveguard_app;
GRANT USAGE ON SEQUENCE payroll_feed_change_seq TO leaveguard_app;

-- +goose StatementBegin
CREATE FUNCTION payroll_feed_mark() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE emp uuid;
BEGIN
  IF TG_TABLE_NAME = 'employees' THEN emp := NEW.id; ELSE emp := NEW.employee_id; END IF;
  IF EXISTS (SELECT 1 FROM payroll_feed_lines l WHERE l.tenant_id = NEW.tenant_id AND l.employee_id = emp) THEN
    INSERT INTO payroll_feed_dirty (tenant_id, employee_id) VALUES (NEW.tenant_id, emp) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER payroll_feed_mark AFTER INSERT OR UPDATE ON leave_requests FOR EACH ROW EXECUTE FUNCTION payroll_feed_mark();
CREATE TRIGGER payroll_feed_mark AFTER INSERT OR UPDATE ON allowance_claims FOR EACH ROW EXECUTE FUNCTION payroll_feed_mark();
CREATE TRIGGER payroll_feed_mark AFTER INSERT OR UPDATE ON children FOR EACH ROW EXECUTE FUNCTION payroll_feed_mark();
CREATE TRIGGER payroll_feed_mark AFTER UPDATE ON employees FOR EACH ROW EXECUTE FUNCTION payroll_feed_mark();

-- +goose Down
DROP TRIGGER payroll_feed_mark ON leave_requests;
DROP TRIGGER payroll_feed_mark ON allowance_claims;
DROP TRIGGER payroll_feed_mark ON children;
DROP TRIGGER payroll_feed_mark ON employees;
DROP FUNCTION payroll_feed_mark();
DROP SEQUENCE payroll_feed_change_seq;
DROP TABLE payroll_feed_dirty, payroll_adjustments, payroll_feed_lines, payroll_months;
