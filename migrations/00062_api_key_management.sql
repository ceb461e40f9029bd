-- +goose Up
-- API key management (api.md "API keys"): a display prefix to tell keys
-- apart (never enough to use one), an optional expiry, and who made it.
-- The table keeps its row-level security and grants (00001).
ALTER TABLE api_keys
  ADD COLUMN prefix     text NOT NULL DEFAULT '',
  ADD COLUMN expires_at timestamptz,
  ADD COLUMN created_by text NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE api_keys DROP COLUMN prefix, DROP COLUMN expires_at, DROP COLUMN created_by;
