-- +goose Up
-- The portal. Sessions live in Redis; the database keeps only what login and
-- staff management need:
--
-- * login_lookup(email): the one query that crosses tenants. Login knows only
--   the e-mail, so this SECURITY DEFINER function (owned by the migration
--   owner, search_path pinned) returns the (tenant_id, user_id) pairs of the
--   enabled users with that e-mail, and nothing else: no hash, no name. The
--   portal then loads each user in a normal tenant transaction and checks the
--   password there. When one e-mail and password match users of several
--   tenants, the portal asks which 单位 to enter (only after the password has
--   been proven for each of them, so no employer is revealed to a stranger).
-- * users.must_change_password: set for an invited user's one-time initial
--   password; the portal sends such a user to the password page first.

-- The function runs as the owner, and users has FORCE ROW LEVEL SECURITY, so
-- the owner needs a policy of its own to read across tenants. It is for
-- SELECT only and applies to the owner alone (the role running this file).
CREATE POLICY login_lookup ON users FOR SELECT TO CURRENT_USER USING (true);

CREATE INDEX users_login ON users (lower(email)) WHERE NOT disabled;

CREATE FUNCTION login_lookup(email text) RETURNS TABLE (tenant_id uuid, user_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public
  AS $$
    SELECT u.tenant_id, u.id FROM public.users u
    WHERE lower(u.email) = lower($1) AND NOT u.disabled
    ORDER BY u.tenant_id
    LIMIT 10
  $$;
REVOKE ALL ON FUNCTION login_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION login_lookup(text) TO leaveguard_app;

ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- +goose Down
ALTER TABLE users DROP COLUMN must_change_password;
DROP FUNCTION login_lookup(text);
DROP INDEX users_login;
DROP POLICY login_lookup ON users;
