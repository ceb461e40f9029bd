-- +goose Up
-- The labor-bureau report's numbers and hashes: one document number per
-- distinct content (the same in CSV, XLSX and PDF), and each file issued
-- under it with its own number and SHA-256, so anyone holding a file can ask
-- whether this employer issued it.
CREATE TABLE report_documents (
  tenant_id      uuid NOT NULL REFERENCES tenants (id),
  document_no    text NOT NULL,
  period         text NOT NULL,
  content_sha256 bytea NOT NULL CHECK (length(content_sha256) = 32),
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, document_no)
);
CREATE UNIQUE INDEX report_documents_content ON report_documents (tenant_id, content_sha256);

CREATE TABLE report_files (
  tenant_id   uuid NOT NULL REFERENCES tenants (id),
  file_no     text NOT NULL,
  document_no text NOT NULL,
  format      text NOT NULL CHECK (format IN ('csv', 'xlsx', 'pdf')),
  sha256      bytea NOT NULL CHECK (length(sha256) = 32),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, file_no),
  FOREIGN KEY (tenant_id, document_no) REFERENCES report_documents (tenant_id, document_no)
);
CREATE INDEX report_files_sha256 ON report_files (tenant_id, sha256);

-- +goose StatementBegin
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['report_documents', 'report_files']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END
$$;
-- +goose StatementEnd

GRANT SELECT, INSERT ON report_documents, report_files TO leaveguard_app;

-- +goose Down
DROP TABLE report_files, report_documents;
