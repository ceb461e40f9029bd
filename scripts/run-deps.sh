#!/usr/bin/env bash
# run-deps.sh: everything serving needs on Debian 12 (bookworm), run as root:
# PostgreSQL, Redis, roles and database (via services.sh) and the CJK font
# the PDFs embed (fonts-droid-fallback; without it every PDF answers 503).
# `make run` runs it, and test-deps.sh runs it first.
# Idempotent: the font is installed only when missing, and apt-get update
# runs only then, and only when the package lists are over an hour old.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
readonly FONT=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf

log() { printf 'run-deps: %s\n' "$*"; }
die() { printf 'run-deps: error: %s\n' "$*" >&2; exit 1; }

[[ ${EUID} -eq 0 ]] || die "run as root (it installs packages)"

"$(dirname "$(readlink -f "$0")")/services.sh"

if [[ -f ${FONT} ]]; then
	log "${FONT##*/} already installed"
	exit 0
fi

if [[ -z $(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin -60 -print -quit 2>/dev/null) ]]; then
	log "apt-get update"
	apt-get -o DPkg::Lock::Timeout=300 update ||
		log "warning: apt-get update reported errors (an unreachable extra source?); continuing"
fi
log "apt-get install fonts-droid-fallback"
apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends fonts-droid-fallback
[[ -f ${FONT} ]] || die "${FONT} still missing after install"
log "installed fonts-droid-fallback"
