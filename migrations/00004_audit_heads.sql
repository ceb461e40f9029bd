-- +goose Up
-- Every tenant has an audit chain head from its creation on. Tenants made
-- before that rule get theirs here, continuing from their last entry.
ALTER TABLE audit_heads NO FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tenants NO FORCE ROW LEVEL SECURITY;
INSERT INTO audit_heads (tenant_id, seq, hash)
SELECT t.id, COALESCE(last.seq, 0), COALESCE(last.hash, '\x')
FROM tenants t
LEFT JOIN LATERAL (
  SELECT seq, hash FROM audit_log WHERE tenant_id = t.id ORDER BY seq DESC LIMIT 1
) last ON true
WHERE NOT EXISTS (SELECT 1 FROM audit_heads h WHERE h.tenant_id = t.id);
ALTER TABLE audit_heads FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;

-- +goose Down
SELECT 1;
