#!/usr/bin/env bash
# check.sh - the naming-rules engine at national scale (issue 4).
#
# Builds a registry of all of china-division 2.7.0 (620,573 villages,
# 41,352 towns, counties, cities, provinces) with `diming import divisions`,
# then in one run:
#   - `diming check names` over every name (all rules, scoped duplicate and
#     homophone checks), against the peer an office would otherwise use: a
#     GROUP BY over the same names in sqlite3 that finds exact duplicates
#     of village names within a county (one rule of ours, no pinyin);
#   - 200 `diming check name` calls of proposed names (whole processes:
#     open, check, print) spread over the country.
# Goals: the whole-country check under 10 s; one proposed name under 5 ms
# (the in-process part; the process start is printed separately).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
D=${DIMING:-$root/build/diming}
work=${BENCH_WORK:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${BENCH_WORK:-}" ] || trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

if [ ! -e "$work/reg.sqlite" ]; then
	"$here/china-division-csv.sh" "$work/all.csv"
	"$D" --db "$work/reg.sqlite" init >/dev/null
	"$D" --db "$work/reg.sqlite" import divisions "$work/all.csv" 2>/dev/null
	# The first read builds the name index; not part of the check.
	"$D" --db "$work/reg.sqlite" name search 北京 --by exact >/dev/null
	sqlite3 "$work/plain.sqlite" <<SQL
CREATE TABLE d(code TEXT, name TEXT, parent_code TEXT);
.mode csv
.import --skip 1 $work/all.csv d
SQL
fi

set +e
t0=$(now)
"$D" --db "$work/reg.sqlite" check names --json >"$work/findings.json"
t1=$(now)
set -e
ours=$(secs "$t0" "$t1")
n=$(printf "SELECT json_array_length(readfile('%s'));\n" "$work/findings.json" | sqlite3 :memory:)

t0=$(now)
peer_n=$(sqlite3 "$work/plain.sqlite" "SELECT count(*) FROM (SELECT substr(code, 1, 6), name FROM d WHERE length(code) = 12 GROUP BY 1, 2 HAVING count(*) > 1)")
t1=$(now)
peer=$(secs "$t0" "$t1")

printf 'diming check names        %7.3f s  %s findings (all rules, scoped duplicate + homophone)\n' "$ours" "$n"
printf 'sqlite3 GROUP BY          %7.3f s  %s duplicate village-name groups per county (one rule)\n' "$peer" "$peer_n"
printf 'ratio                     %7.2f x  (goal: diming under 10 s)\n' "$(awk -v a="$ours" -v b="$peer" 'BEGIN { print a / b }')"

# Proposed names: real village names moved to another county of the same
# province, so duplicates and homophones are looked up for real.
sqlite3 "$work/plain.sqlite" "SELECT name || '|' || substr(code, 1, 6) FROM d WHERE length(code) = 12 AND rowid % 3000 = 7 LIMIT 200" >"$work/proposals"
t0=$(now)
k=0
while IFS='|' read -r name county; do
	"$D" --db "$work/reg.sqlite" check name "$name" --division "$county" >/dev/null 2>&1 || true
	k=$((k + 1))
done <"$work/proposals"
t1=$(now)
t2=$(now)
for _ in $(seq 20); do "$D" --db "$work/reg.sqlite" --version >/dev/null; done
t3=$(now)
per=$(awk -v a="$t0" -v b="$t1" -v k="$k" 'BEGIN { printf "%.1f", (b - a) * 1000 / k }')
start=$(awk -v a="$t2" -v b="$t3" 'BEGIN { printf "%.1f", (b - a) * 1000 / 20 }')
printf 'diming check name         %7s ms per call over %d calls (whole process; process start alone %s ms)\n' "$per" "$k" "$start"
