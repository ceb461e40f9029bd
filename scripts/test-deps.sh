#!/usr/bin/env bash
# test-deps.sh: everything the test suite needs on Debian 12 (bookworm), run
# as root: what serving needs (via run-deps.sh: PostgreSQL, Redis, roles and
# database, the CJK font the PDFs embed), chromium for the portal tests
# (chromedp, headless), axe-core for their accessibility checks (from the npm
# registry into a cache directory, read by the tests and never served to
# users) and pdftotext (poppler-utils) for the PDF tests.
# Idempotent: packages are installed only when missing, and apt-get update
# runs only when something must be installed and the package lists are over
# an hour old.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
readonly FONT=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
# handlers/portal/axe_test.go reads axe.min.js from here (same default)
readonly AXE_DIR=${LEAVEGUARD_AXE_DIR:-/var/cache/leaveguard/axe}

log() { printf 'test-deps: %s\n' "$*"; }
die() { printf 'test-deps: error: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

install_axe() {
	if [[ -f ${AXE_DIR}/node_modules/axe-core/axe.min.js ]]; then
		log "axe-core already in ${AXE_DIR}"
		return
	fi
	log "npm install axe-core@4 into ${AXE_DIR}"
	mkdir -p "${AXE_DIR}"
	# without it the accessibility tests fail under CI=true and skip elsewhere
	npm install --prefix "${AXE_DIR}" --no-audit --no-fund --no-save axe-core@4 ||
		log "warning: npm could not install axe-core (is the npm registry reachable?)"
}

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
have npm || missing+=(npm)
[[ -f ${FONT} ]] || die "${FONT} missing after run-deps.sh"

if ((${#missing[@]} == 0)); then
	log "chromium, pdftotext, curl, jq, openssl, xxd, npm and ${FONT##*/} already installed"
	install_axe
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
install_axe
