#!/usr/bin/env bash
# test-deps.sh: everything the test suite needs on Debian 12 (bookworm), run
# as root: what serving needs (via run-deps.sh: PostgreSQL, Redis, roles and
# database, the CJK font the PDFs embed), chromium for the portal tests
# (chromedp, headless) and pdftotext (poppler-utils) for the PDF tests.
# Idempotent: packages are installed only when missing, and apt-get update
# runs only when something must be installed and the package lists are over
# an hour old.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
readonly FONT=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf

log() { printf 'test-deps: %s\n' "$*"; }
die() { printf 'test-deps: error: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

[[ ${EUID} -eq 0 ]] || die "run as root (it installs packages)"

"$(dirname "$(readlink -f "$0")")/run-deps.sh"

missing=()
have chromium || missing+=(chromium)
have pdftotext || missing+=(poppler-utils)
# the README walkthrough test (app/readme_test.go) pastes its curl, jq,
# openssl and xxd commands into bash
have curl || missing+=(curl)
have jq || missing+=(jq)
have openssl || missing+=(openssl)
have xxd || missing+=(xxd)
[[ -f ${FONT} ]] || die "${FONT} missing after run-deps.sh"

if ((${#missing[@]} == 0)); then
	log "chromium, pdftotext, curl, jq, openssl, xxd and ${FONT##*/} already installed"
	exit 0
fi

if [[ -z $(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin -60 -print -quit 2>/dev/null) ]]; then
	log "apt-get update"
	apt-get -o DPkg::Lock::Timeout=300 update ||
		log "warning: apt-get update reported errors (an unreachable extra source?); continuing"
fi
log "apt-get install ${missing[*]}"
apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${missing[@]}"

have chromium || die "chromium still missing after install"
have pdftotext || die "pdftotext still missing after install"
log "installed ${missing[*]}"
