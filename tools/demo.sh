#!/usr/bin/env bash
# demo.sh - `make demo`: the main job on the bundled sample data in a fresh
# registry under build/, with a short readable summary.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
D="$PWD/$BUILD/diming"
DB="$PWD/$BUILD/demo.sqlite"
rm -f "$DB" "$DB-wal" "$DB-shm"
export DIMING_DB="$DB" DIMING_USER=${DIMING_USER:-demo}

say() { printf '\n== %s\n' "$*"; }

say "a fresh registry: $DB"
"$D" init

say "divisions of 云浮市 and 江门市 (china-division 2.7.0) and their county polygons"
"$D" import divisions data/divisions-yunfu-jiangmen.csv
"$D" import divisions data/counties-yunfu.geojson 2>&1 | grep -v 'invalid polygon repaired' || true
"$D" import divisions data/counties-jiangmen.geojson 2>&1 | grep -v 'invalid polygon repaired' || true
sqlite3 "$DB" "SELECT '  ' || level || ': ' || count(*) || CASE WHEN count(geom) THEN ' (' || count(geom) || ' with polygons)' ELSE '' END FROM division GROUP BY level ORDER BY min(length(rtrim(code,'0')))"

say "郁南县"
"$D" division show 445322
"$D" division tree 445322 --depth 1 | sed -n 1,8p
echo "  …"

for step in tools/demo.d/*.sh; do
	[ -e "$step" ] || continue
	# shellcheck source=/dev/null
	. "$step"
done

say "audit log"
"$D" audit verify
