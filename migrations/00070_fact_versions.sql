-- +goose Up
-- Corrections of pregnancies, miscarriages and marriages (issue 20): each
-- fact carries a version, and every version of its facts is kept in
-- fact_versions (a correction adds a row; nothing is rewritten silently).
ALTER TABLE pregnancies ADD COLUMN version int NOT NULL DEFAULT 1;
ALTER TABLE miscarriages ADD COLUMN version int NOT NULL DEFAULT 1;
ALTER TABLE marriages ADD COLUMN version int NOT NULL DEFAULT 1;

CREATE TABLE fact_versions (
  tenant_id   uuid NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('pregnancy', 'miscarriage', 'marriage')),
  fact_id     uuid NOT NULL,
  version     int NOT NULL,
  facts       jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL,
  PRIMARY KEY (tenant_id, kind, fact_id, version)
);

ALTER TABLE fact_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE fact_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON fact_versions USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

GRANT SELECT, INSERT ON fact_versions TO leaveguard_app;

-- +goose Down
DROP TABLE fact_versions;
ALTER TABLE marriages DROP COLUMN version;
ALTER TABLE miscarriages DROP COLUMN version;
ALTER TABLE pregnancies DROP COLUMN version;
