-- +goose Up
-- Filings: every generated PDF document (allowance claim, subsidy
-- application, leave notice, contract-extension notice, compliance report)
-- is kept with the exact data it was rendered from, its SHA-256 and its
-- bytes, so the same document can be produced again exactly. Regenerating
-- after a change adds a version; nothing is overwritten (the application
-- may only SELECT and INSERT). Document numbers (LG-SYJT-2026-000123) come
-- from a per-tenant counter per prefix and year.

CREATE TABLE filings (
  tenant_id   uuid NOT NULL REFERENCES tenants (id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  kind        text NOT NULL CHECK (kind IN ('allowance_claim', 'subsidy_application', 'leave_notice',
                'contract_extension', 'compliance_report')),
  subject_id  text NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 80),
  version     int NOT NULL CHECK (version >= 1),
  document_no text NOT NULL,
  data        jsonb NOT NULL,
  sha256      bytea NOT NULL CHECK (length(sha256) = 32),
  bytes       bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  text NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX filings_version ON filings (tenant_id, kind, subject_id, version);
CREATE UNIQUE INDEX filings_document_no ON filings (tenant_id, document_no);
CREATE INDEX filings_list ON filings (tenant_id, created_at, id);

CREATE TABLE filing_counters (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  prefix    text NOT NULL,
  year      int NOT NULL,
  last      bigint NOT NULL,
  PRIMARY KEY (tenant_id, prefix, year)
);

-- +goose StatementBegin
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['filings', 'filing_counters']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END
$$;
-- +goose StatementEnd

GRANT SELECT, INSERT ON filings TO leaveguard_app;
GRANT SELECT, INSERT, UPDATE ON filing_counters TO leaveguard_app;

-- +goose Down
DROP TABLE filing_counters, filings;
