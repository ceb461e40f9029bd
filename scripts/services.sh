#!/usr/bin/env bash
# services.sh: make sure PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379)
# are installed and running, then create LeaveGuard's roles and database.
#
# Run as root on Debian 12 (bookworm), for local development and CI. It is
# idempotent: a second run changes nothing and says so. It installs packages
# only when they are missing, and when it installs PostgreSQL itself (or the
# cluster has no trust rule for 127.0.0.1) it makes loopback connections
# trusted: that is for dev/CI machines only, never for production.
#
# Roles (see docs/reliability.md, "Tenant isolation"):
#   leaveguard_owner  LOGIN, owns database leaveguard; migrations run as it.
#   leaveguard_app    NOLOGIN group role that receives the app's grants.
#   leaveguard        LOGIN, NOSUPERUSER, NOBYPASSRLS, member of leaveguard_app;
#                     the server connects as it and owns nothing.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
readonly PG_HOST=127.0.0.1 PG_PORT=5432 REDIS_HOST=127.0.0.1 REDIS_PORT=6379
readonly WAIT_SECONDS=60
readonly HBA_MARKER="# leaveguard services.sh: trust loopback (dev/CI only)"

log() { printf 'services: %s\n' "$*"; }
die() { printf 'services: error: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

[[ ${EUID} -eq 0 ]] || die "run as root (it installs packages and starts services)"

# apt_install PKG...: install packages, running apt-get update at most once
# per run (skipped when the package lists are less than an hour old).
APT_UPDATED=0
apt_install() {
	if [[ ${APT_UPDATED} -eq 0 ]]; then
		if [[ -z $(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin -60 -print -quit 2>/dev/null) ]]; then
			log "apt-get update"
			apt-get -o DPkg::Lock::Timeout=300 update ||
				log "warning: apt-get update reported errors (an unreachable extra source?); continuing"
		fi
		APT_UPDATED=1
	fi
	log "apt-get install $*"
	apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "$@"
}

pg_ready() { have pg_isready && pg_isready -q -h "${PG_HOST}" -p "${PG_PORT}"; }
redis_ready() { have redis-cli && [[ $(redis-cli -h "${REDIS_HOST}" -p "${REDIS_PORT}" ping 2>/dev/null) == PONG ]]; }

# wait_for NAME CHECK: poll CHECK once a second for up to WAIT_SECONDS.
wait_for() {
	local name=$1 check=$2 i
	for ((i = 0; i < WAIT_SECONDS; i++)); do
		"${check}" && return 0
		sleep 1
	done
	die "${name} did not answer on 127.0.0.1 within ${WAIT_SECONDS}s"
}

# pg_version prints the newest cluster version under /etc/postgresql.
pg_version() { { ls /etc/postgresql 2>/dev/null || true; } | sort -V | tail -n 1; }

# ensure_hba_trust VERSION INSTALLED: prepend loopback trust rules to the
# cluster's pg_hba.conf when we installed PostgreSQL or it has no trust rule
# for 127.0.0.1. Prints "changed" when it edited the file.
ensure_hba_trust() {
	local hba=/etc/postgresql/$1/main/pg_hba.conf installed=$2
	[[ -f ${hba} ]] || return 0
	grep -qF "${HBA_MARKER}" "${hba}" && return 0
	if [[ ${installed} -eq 0 ]] &&
		grep -Eq '^[[:space:]]*host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "${hba}"; then
		return 0
	fi
	local tmp
	tmp=$(mktemp)
	{
		printf '%s\n' "${HBA_MARKER}"
		printf 'host    all    all    127.0.0.1/32    trust\n'
		printf 'host    all    all    ::1/128         trust\n'
		cat "${hba}"
	} >"${tmp}"
	cat "${tmp}" >"${hba}" # keep the file's owner and mode
	rm -f "${tmp}"
	log "pg_hba.conf: trusted 127.0.0.1/32 and ::1/128 (dev/CI only) in ${hba}" >&2
	echo changed
}

ensure_postgres() {
	local installed=0 version changed
	if ! have pg_ctlcluster || [[ -z $(pg_version) ]]; then
		if pg_ready; then
			log "PostgreSQL answers on ${PG_HOST}:${PG_PORT} (not a local Debian cluster)"
			have psql || apt_install postgresql-client
			return 0
		fi
		apt_install postgresql
		installed=1
	fi
	version=$(pg_version)
	[[ -n ${version} ]] || die "no PostgreSQL version under /etc/postgresql"
	if [[ ! -d /etc/postgresql/${version}/main ]]; then
		log "creating cluster ${version}/main"
		pg_createcluster --locale C.UTF-8 "${version}" main
	fi
	changed=$(ensure_hba_trust "${version}" "${installed}")
	if pg_ready; then
		if [[ ${changed} == changed ]]; then
			pg_ctlcluster --skip-systemctl-redirect "${version}" main reload
			log "PostgreSQL ${version} reloaded"
		fi
		log "PostgreSQL ${version} already running on ${PG_HOST}:${PG_PORT}"
		return 0
	fi
	if pg_ctlcluster --skip-systemctl-redirect "${version}" main status >/dev/null 2>&1; then
		log "PostgreSQL ${version}/main is running but not ready yet; waiting"
	else
		log "starting PostgreSQL ${version}/main"
		install -d -o postgres -g postgres -m 2775 /var/run/postgresql
		pg_ctlcluster --skip-systemctl-redirect "${version}" main start ||
			die "pg_ctlcluster ${version} main start failed; see /var/log/postgresql/postgresql-${version}-main.log"
	fi
	wait_for PostgreSQL pg_ready
	log "PostgreSQL ${version} is ready"
}

ensure_redis() {
	if ! have redis-server; then
		if redis_ready; then
			log "Redis already answers on ${REDIS_HOST}:${REDIS_PORT}"
			return 0
		fi
		apt_install redis-server
	fi
	if redis_ready; then
		log "Redis already running on ${REDIS_HOST}:${REDIS_PORT}"
		return 0
	fi
	log "starting redis-server on ${REDIS_HOST}:${REDIS_PORT}"
	install -d -m 0750 /var/lib/redis /var/log/redis
	redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "${REDIS_PORT}" \
		--save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
	wait_for Redis redis_ready
	log "Redis is ready"
}

psql_admin() { psql -h "${PG_HOST}" -p "${PG_PORT}" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
exists() { [[ $(psql_admin -c "$1") == 1 ]]; }

# ensure_role NAME ATTRIBUTES: create the role if missing, then set its
# attributes every run so drift is corrected.
ensure_role() {
	local name=$1 attrs=$2
	if exists "SELECT 1 FROM pg_roles WHERE rolname = '${name}'"; then
		log "role ${name} exists"
	else
		psql_admin -c "CREATE ROLE ${name} ${attrs}"
		log "created role ${name} (${attrs})"
	fi
	psql_admin -c "ALTER ROLE ${name} ${attrs}"
}

ensure_database() {
	ensure_role leaveguard_owner "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION"
	ensure_role leaveguard_app "NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION"
	ensure_role leaveguard "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION INHERIT"
	if exists "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
		JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = 'leaveguard_app' AND u.rolname = 'leaveguard'"; then
		log "leaveguard is a member of leaveguard_app"
	else
		psql_admin -c "GRANT leaveguard_app TO leaveguard"
		log "granted leaveguard_app to leaveguard"
	fi
	if exists "SELECT 1 FROM pg_database WHERE datname = 'leaveguard'"; then
		log "database leaveguard exists"
	else
		psql_admin -c "CREATE DATABASE leaveguard OWNER leaveguard_owner ENCODING 'UTF8'
			LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
		log "created database leaveguard (owner leaveguard_owner, UTF8)"
	fi
	psql_admin -c "ALTER DATABASE leaveguard OWNER TO leaveguard_owner" \
		-c "REVOKE ALL ON DATABASE leaveguard FROM PUBLIC" \
		-c "GRANT CONNECT, TEMPORARY ON DATABASE leaveguard TO leaveguard_app"
	log "database leaveguard: owner leaveguard_owner, CONNECT for leaveguard_app only"
}

ensure_postgres
ensure_redis
ensure_database
log "done: PostgreSQL ${PG_HOST}:${PG_PORT} and Redis ${REDIS_HOST}:${REDIS_PORT} are up"
