#!/usr/bin/env bash
# make cluster-test: three `leaveguard serve` processes behind nginx on one
# PostgreSQL and one Redis (app/cluster). Installs nginx when absent; runs
# it with its own configuration in a temporary directory, never the system
# service.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
if ! command -v nginx >/dev/null 2>&1; then
	echo "installing nginx (Debian package)"
	if [ "$(id -u)" = 0 ]; then apt-get install -y nginx; else sudo apt-get install -y nginx; fi
fi
bash scripts/services.sh
LEAVEGUARD_CLUSTER=1 LEAVEGUARD_ENV=dev "$GO" test -count=1 -v -timeout 10m ./app/cluster/
