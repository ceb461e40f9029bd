-- +goose Up
-- Stillbirth and infant death (rules.md §2), and the IIT infant-care share
-- as the employee declares it (rules.md §5).
--
-- births.stillborn: how many of the babies were born dead (0..babies).
-- children.died_on: the day a live-born child died (never before its birth).
-- children.iit_share_percent: NULL until the employee declares her share
-- (100, 50 or 0); the payroll feed carries none while it is NULL. Rows
-- written before this migration keep the value they had.
-- No new table: births and children keep their tenant_isolation policies.

ALTER TABLE births ADD COLUMN stillborn int NOT NULL DEFAULT 0;
ALTER TABLE births ADD CONSTRAINT births_stillborn CHECK (stillborn BETWEEN 0 AND babies);

ALTER TABLE children ADD COLUMN died_on date;
ALTER TABLE children ADD CONSTRAINT children_died_on CHECK (died_on IS NULL OR died_on >= birth_date);

ALTER TABLE children ALTER COLUMN iit_share_percent DROP NOT NULL;
ALTER TABLE children ALTER COLUMN iit_share_percent DROP DEFAULT;

-- +goose Down
UPDATE children SET iit_share_percent = 100 WHERE iit_share_percent IS NULL;
ALTER TABLE children ALTER COLUMN iit_share_percent SET DEFAULT 100;
ALTER TABLE children ALTER COLUMN iit_share_percent SET NOT NULL;
ALTER TABLE children DROP CONSTRAINT children_died_on;
ALTER TABLE children DROP COLUMN died_on;
ALTER TABLE births DROP CONSTRAINT births_stillborn;
ALTER TABLE births DROP COLUMN stillborn;
