-- +goose Up
-- Several audit chains ("lanes") per tenant. A transaction appends to one
-- lane, picked at random, and holds that lane's head until it commits, so
-- concurrent requests of one tenant no longer all queue on a single head.
-- Each lane is a hash chain of its own: lane_seq numbers it, prev_hash and
-- hash link it (hash = sha256(prev_hash || lane_seq || record)). seq, now
-- drawn from one sequence, orders the whole log and pages it. The chains
-- so far become lane 0 unchanged (their seq is their lane_seq).
ALTER TABLE audit_heads NO FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tenants NO FORCE ROW LEVEL SECURITY;

ALTER TABLE audit_heads ADD COLUMN lane smallint NOT NULL DEFAULT 0 CHECK (lane BETWEEN 0 AND 7);
ALTER TABLE audit_heads DROP CONSTRAINT audit_heads_pkey, ADD PRIMARY KEY (tenant_id, lane);
ALTER TABLE audit_heads ALTER COLUMN lane DROP DEFAULT;
INSERT INTO audit_heads (tenant_id, lane, seq, hash)
SELECT t.id, l, 0, '\x' FROM tenants t, generate_series(1, 7) l;

ALTER TABLE audit_log ADD COLUMN lane smallint NOT NULL DEFAULT 0, ADD COLUMN lane_seq bigint;
UPDATE audit_log SET lane_seq = seq;
ALTER TABLE audit_log ALTER COLUMN lane_seq SET NOT NULL, ALTER COLUMN lane DROP DEFAULT;
CREATE UNIQUE INDEX audit_log_lane ON audit_log (tenant_id, lane, lane_seq);

CREATE SEQUENCE audit_seq;
SELECT setval('audit_seq', COALESCE((SELECT max(seq) FROM audit_log), 0) + 1, false);
GRANT USAGE ON SEQUENCE audit_seq TO leaveguard_app;

ALTER TABLE audit_heads FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;

-- +goose Down
SELECT 1;
