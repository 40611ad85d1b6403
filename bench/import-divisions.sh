#!/usr/bin/env bash
# import-divisions.sh - load all of china-division (665,276 rows) into a
# fresh registry with `diming import divisions`, and in the same run the
# same rows into a plain table with `sqlite3 .import`; print both times and
# the ratio.  Goal: diming within 2x of sqlite3 .import, indexes included.
# For scale it also times sqlite3 .import followed by CREATE INDEX for the
# same two indexes as the registry's division table (unique code, parent):
# the fastest SQLite itself gets a table with those indexes, with no
# validation at all.
#
# RUNS=N (default 3) repeats both loads N times, alternating, each into a
# fresh file, and compares the medians: one run on a shared machine is
# noise.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
D=${DIMING:-$root/build/diming}
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$here/china-division-csv.sh" "$work/all.csv"
rows=$(($(wc -l <"$work/all.csv") - 1))
echo "rows: $rows"

now() { date +%s.%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$work/ours"
: >"$work/peer"
: >"$work/indexed"
for i in $(seq "$runs"); do
	rm -f "$work"/reg.sqlite* "$work/plain.sqlite"
	"$D" --db "$work/reg.sqlite" init >/dev/null
	t0=$(now)
	"$D" --db "$work/reg.sqlite" import divisions "$work/all.csv" 2>"$work/log" ||
		{ cat "$work/log" >&2; exit 1; }
	t1=$(now)
	awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }' >>"$work/ours"

	t0=$(now)
	sqlite3 "$work/plain.sqlite" <<SQL
CREATE TABLE division(code TEXT, name TEXT, parent_code TEXT);
.mode csv
.import --skip 1 $work/all.csv division
SQL
	t1=$(now)
	awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }' >>"$work/peer"

	rm -f "$work/indexed.sqlite"
	t0=$(now)
	sqlite3 "$work/indexed.sqlite" <<SQL
CREATE TABLE division(code TEXT NOT NULL, name TEXT NOT NULL, parent_code TEXT);
.mode csv
.import --skip 1 $work/all.csv division
CREATE UNIQUE INDEX division_code ON division(code);
CREATE INDEX division_parent ON division(parent_code);
SQL
	t1=$(now)
	awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }' >>"$work/indexed"
	printf 'run %d: diming %.2f s, sqlite3 %.2f s, sqlite3 indexed %.2f s\n' "$i" \
		"$(tail -1 "$work/ours")" "$(tail -1 "$work/peer")" "$(tail -1 "$work/indexed")"
done
cat "$work/log"
ours=$(median <"$work/ours")
peer=$(median <"$work/peer")
indexed=$(median <"$work/indexed")

n=$(sqlite3 "$work/plain.sqlite" 'SELECT count(*) FROM division')
m=$(sqlite3 "$work/reg.sqlite" 'SELECT count(*) FROM division')
idx=$(sqlite3 "$work/reg.sqlite" "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'division' ORDER BY name)")
# Cities without counties (东莞, 中山, 儋州, …) appear twice (4419 and 441900):
# one division each in the registry.
distinct=$(sqlite3 "$work/plain.sqlite" "SELECT count(DISTINCT substr(code || '000000000000', 1, 12)) FROM division")
[ "$n" = "$rows" ] && [ "$m" = "$distinct" ] || { echo "row counts differ: $m / $distinct / $n / $rows" >&2; exit 1; }
[ "$idx" = "division_code,division_parent" ] || { echo "registry indexes: $idx" >&2; exit 1; }

printf 'diming import divisions  %6.2f s  (median of %d; %d rows, code and parent indexes, validation, audit)\n' "$ours" "$runs" "$m"
printf 'sqlite3 .import          %6.2f s  (median of %d; %d rows, plain table, no indexes)\n' "$peer" "$runs" "$n"
printf 'ratio                    %6.2f x  (goal: within 2x)\n' "$(awk -v a="$ours" -v b="$peer" 'BEGIN { print a / b }')"
printf 'sqlite3 .import, indexed %6.2f s  (median of %d; .import, then CREATE INDEX code (unique) and parent; no checks)\n' "$indexed" "$runs"
printf 'ratio to indexed         %6.2f x\n' "$(awk -v a="$ours" -v b="$indexed" 'BEGIN { print a / b }')"
