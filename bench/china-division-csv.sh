#!/usr/bin/env bash
# china-division-csv.sh OUT.csv - all of china-division 2.7.0 (31 provinces,
# 342 cities, 2,978 counties, 41,352 towns, 620,573 villages) as one CSV
# with the header diming reads: code,name,parent_code.  Shared by the
# bench/ scripts; the package is fetched once into the cache outside the repo.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: china-division-csv.sh OUT.csv}
pkg=$("$here/../tools/npm-fetch.sh" china-division@2.7.0)
d="$pkg/dist"
{
	echo "code,name,parent_code"
	tail -n +2 "$d/provinces.csv" | awk -F, '{ print $1 "," $2 "," }'
	for f in cities areas streets villages; do
		# Column 3 is the parent (provinceCode, cityCode, areaCode, streetCode).
		tail -n +2 "$d/$f.csv" | awk -F, '{ print $1 "," $2 "," $3 }'
	done
} >"$out"
