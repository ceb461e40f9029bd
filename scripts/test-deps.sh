#!/usr/bin/env bash
# test-deps.sh: everything the test suite needs on Debian 12 (bookworm), run
# as root: PostgreSQL, Redis, roles and database (via services.sh), chromium
# for the portal tests (chromedp, headless), pdftotext (poppler-utils) for
# the PDF tests and the CJK font the PDFs embed (fonts-droid-fallback).
# Idempotent: packages are installed only when missing, and apt-get update
# runs only when something must be installed.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
readonly FONT=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf

log() { printf 'test-deps: %s\n' "$*"; }
die() { printf 'test-deps: error: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

[[ ${EUID} -eq 0 ]] || die "run as root (it installs packages)"

"$(dirname "$(readlink -f "$0")")/services.sh"

missing=()
have chromium || missing+=(chromium)
have pdftotext || missing+=(poppler-utils)
[[ -f ${FONT} ]] || missing+=(fonts-droid-fallback)

if ((${#missing[@]} == 0)); then
	log "chromium, pdftotext and ${FONT##*/} already installed"
	exit 0
fi

log "apt-get update"
apt-get -o DPkg::Lock::Timeout=300 update ||
	log "warning: apt-get update reported errors (an unreachable extra source?); continuing"
log "apt-get install ${missing[*]}"
apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${missing[@]}"

have chromium || die "chromium still missing after install"
have pdftotext || die "pdftotext still missing after install"
[[ -f ${FONT} ]] || die "${FONT} still missing after install"
log "installed ${missing[*]}"
