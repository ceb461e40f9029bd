-- +goose Up
-- outbox_claim takes the delivery worker's clock: the worker decides what
-- is due and how long a lease lasts by the same clock that sets retry
-- times (so tests can move it instead of sleeping).
CREATE FUNCTION outbox_claim(p_limit int, p_lease interval, p_now timestamptz)
  RETURNS TABLE (tenant_id uuid, id uuid, type text, payload jsonb, attempts int,
                 created_at timestamptz, target_integration uuid, locked_until timestamptz)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
  WITH due AS MATERIALIZED (
    SELECT e.tenant_id, e.id FROM outbox_events e
    WHERE e.status = 'pending' AND e.next_at <= p_now
      AND (e.locked_until IS NULL OR e.locked_until < p_now)
    ORDER BY e.next_at
    LIMIT least(greatest(p_limit, 1), 1000)
    FOR UPDATE SKIP LOCKED)
  UPDATE outbox_events o SET locked_until = p_now + least(greatest(p_lease, interval '1 second'), interval '1 hour')
  FROM due WHERE o.tenant_id = due.tenant_id AND o.id = due.id
  RETURNING o.tenant_id, o.id, o.type, o.payload, o.attempts, o.created_at, o.target_integration, o.locked_until
$$;
REVOKE ALL ON FUNCTION outbox_claim(int, interval, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_claim(int, interval, timestamptz) TO leaveguard_app;
DROP FUNCTION outbox_claim(int, interval);

-- +goose Down
CREATE FUNCTION outbox_claim(p_limit int, p_lease interval)
  RETURNS TABLE (tenant_id uuid, id uuid, type text, payload jsonb, attempts int,
                 created_at timestamptz, target_integration uuid, locked_until timestamptz)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$ SELECT * FROM outbox_claim(p_limit, p_lease, now()) $$;
REVOKE ALL ON FUNCTION outbox_claim(int, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_claim(int, interval) TO leaveguard_app;
DROP FUNCTION outbox_claim(int, interval, timestamptz);
