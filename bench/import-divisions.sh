#!/usr/bin/env bash
# import-divisions.sh - load all of china-division (664,276 rows) into a
# fresh registry with `diming import divisions`, and in the same run the
# same rows into a plain table with `sqlite3 .import`; print both times and
# the ratio.  Goal: diming within 2x of sqlite3 .import, indexes included.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
D=${DIMING:-$root/build/diming}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$here/china-division-csv.sh" "$work/all.csv"
rows=$(($(wc -l <"$work/all.csv") - 1))
echo "rows: $rows"

now() { date +%s.%N; }

"$D" --db "$work/reg.sqlite" init >/dev/null
t0=$(now)
"$D" --db "$work/reg.sqlite" import divisions "$work/all.csv"
t1=$(now)
ours=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')

t0=$(now)
sqlite3 "$work/plain.sqlite" <<SQL
CREATE TABLE division(code TEXT, name TEXT, parent_code TEXT);
.mode csv
.import --skip 1 $work/all.csv division
SQL
t1=$(now)
peer=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
n=$(sqlite3 "$work/plain.sqlite" 'SELECT count(*) FROM division')
m=$(sqlite3 "$work/reg.sqlite" 'SELECT count(*) FROM division')
# Cities without counties (东莞, 中山, 儋州, …) appear twice (4419 and 441900):
# one division each in the registry.
distinct=$(sqlite3 "$work/plain.sqlite" "SELECT count(DISTINCT substr(code || '000000000000', 1, 12)) FROM division")
[ "$n" = "$rows" ] && [ "$m" = "$distinct" ] || { echo "row counts differ: $m / $distinct / $n / $rows" >&2; exit 1; }

printf 'diming import divisions  %6.2f s  (%d rows, code/parent/name indexes, validation, audit)\n' "$ours" "$m"
printf 'sqlite3 .import          %6.2f s  (%d rows, plain table, no indexes)\n' "$peer" "$n"
printf 'ratio                    %6.2f x  (goal: within 2x)\n' "$(awk -v a="$ours" -v b="$peer" 'BEGIN { print a / b }')"
