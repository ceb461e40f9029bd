-- +goose Up
-- The SHA-256 of a claimed inbound webhook's raw body (issue 23, item 8), so
-- that a repeat of its webhook-id with a different body is refused
-- (webhook_id_reused) instead of answered as a duplicate. Rows received
-- before this migration have none and keep being answered as duplicates.
ALTER TABLE webhook_deliveries ADD COLUMN body_sha256 bytea;

-- +goose Down
ALTER TABLE webhook_deliveries DROP COLUMN body_sha256;
