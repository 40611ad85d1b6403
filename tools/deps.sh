#!/usr/bin/env bash
# deps.sh - install every Debian package diming needs; do nothing when all
# are present.  `make deps` runs it; `make test` and `make demo` depend on it.
set -euo pipefail

PKGS="
build-essential pkg-config bzip2 ca-certificates
sqlite3 libsqlite3-dev
libspatialite-dev libsqlite3-mod-spatialite spatialite-bin
libgeos-dev
libproj-dev proj-bin proj-data
libjansson-dev
nettle-dev
check libsubunit-dev
gettext
unicode-data
gdal-bin
chromium poppler-utils fonts-noto-cjk time
"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
		missing="$missing $p"
	fi
done
# npm fetches the real data sets for data/ and bench/; a machine may have its
# own Node.js (which conflicts with Debian's), so only install when absent.
if ! command -v npm >/dev/null 2>&1; then
	missing="$missing nodejs npm"
fi
if [ -z "$missing" ]; then
	exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
	sudo="sudo"
fi
echo "deps: installing:$missing" >&2
$sudo apt-get update -q
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
