-- +goose Up
-- Retention (劳动合同法第五十条; PIPL 第十九、四十七条): once the tenant's
-- retention period after a separation has passed and nothing is still open
-- for her, the daily job anonymises a former employee. Her encrypted ID
-- number and its lookup hash are deleted (NULL), so they may be absent, but
-- only on an anonymised employee.

ALTER TABLE employees ALTER COLUMN national_id_enc DROP NOT NULL;
ALTER TABLE employees ALTER COLUMN national_id_hash DROP NOT NULL;
ALTER TABLE employees ADD COLUMN anonymised_on date;
ALTER TABLE employees ADD CONSTRAINT employees_national_id_held
  CHECK (anonymised_on IS NOT NULL OR (national_id_enc IS NOT NULL AND national_id_hash IS NOT NULL));

-- Her stored filings keep their number, version and SHA-256 (what was
-- issued stays provable); their data loses her name and masked ID number
-- and their PDF bytes are deleted.
GRANT UPDATE (data, bytes) ON filings TO leaveguard_app;

-- +goose Down
REVOKE UPDATE (data, bytes) ON filings FROM leaveguard_app;
ALTER TABLE employees DROP CONSTRAINT employees_national_id_held;
ALTER TABLE employees DROP COLUMN anonymised_on;
