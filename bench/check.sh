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
#   - 1,000 `diming check name` calls of proposed names spread over the
#     country, each a whole process (start, open, check, print), timed one
#     by one: median and p99; and the same names checked in one process
#     by bench/check_bench.c through reg_check_name(), the call the command
#     makes: the check itself, without process start and registry open;
#   - the start of a process: a light command (`check --help`, served by
#     build/diming) against `--version`, which build/diming hands over to
#     diming-full (SpatiaLite, GEOS, PROJ), and diming-full started alone.
# Goals: the whole-country check under 10 s; one proposed name under 5 ms.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
D=${DIMING:-$root/build/diming}
work=${BENCH_WORK:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${BENCH_WORK:-}" ] || trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
# Wall time of single processes from bash's own clock, in µs
# (${EPOCHREALTIME//[.,]/}): the timing starts no process of its own.
# Run a command N times, append each run's time to FILE.
times() {
	local file=$1 n=$2 t0
	shift 2
	for _ in $(seq "$n"); do
		t0=${EPOCHREALTIME//[.,]/}
		"$@" >/dev/null 2>&1 || true
		echo $((${EPOCHREALTIME//[.,]/} - t0)) >>"$file"
	done
}
# "median p99" in ms of the µs values in FILE.
stats() {
	sort -n "$1" | awk '{ v[NR] = $1 }
		END { p = int(NR * 0.99); if (p < NR * 0.99) p++;
		      printf "%.1f %.1f\n", v[int((NR + 1) / 2)] / 1000, v[p] / 1000 }'
}

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
sqlite3 "$work/plain.sqlite" "SELECT name || '|' || substr(code, 1, 6) FROM d WHERE length(code) = 12 AND rowid % 620 = 7 LIMIT 1000" >"$work/proposals"
: >"$work/check.us"
k=0
while IFS='|' read -r name county; do
	t0=${EPOCHREALTIME//[.,]/}
	"$D" --db "$work/reg.sqlite" check name "$name" --division "$county" >/dev/null 2>&1 || true
	echo $((${EPOCHREALTIME//[.,]/} - t0)) >>"$work/check.us"
	k=$((k + 1))
done <"$work/proposals"
read -r med p99 < <(stats "$work/check.us")
printf 'diming check name         %7s ms median, %s ms p99 per call over %d calls (whole process; goal: under 5 ms)\n' \
	"$med" "$p99" "$k"

# The same proposals checked in one process: the check itself.
cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -I"$root" \
	$(pkg-config --cflags sqlite3) -o "$work/check_bench" "$here/check_bench.c" \
	"$root/build/libdiming.a" $(pkg-config --libs sqlite3 jansson nettle) -lm
read -r p50 p99 max cp50 cp99 nn nf < <("$work/check_bench" "$work/reg.sqlite" "$work/proposals")
printf 'reg_check_name in-process %7s ms median, %s ms p99, %s ms max over %d names (CPU %s / %s ms; %d findings; goal: under 5 ms)\n' \
	"$p50" "$p99" "$max" "$nn" "$cp50" "$cp99" "$nf"

: >"$work/light.us" && : >"$work/version.us" && : >"$work/full.us"
times "$work/light.us" 50 "$D" check --help
times "$work/version.us" 50 "$D" --version
times "$work/full.us" 50 "$(dirname "$D")/diming-full" --version
read -r med p99 < <(stats "$work/light.us")
printf 'process start, light      %7s ms median, %s ms p99  (diming check --help)\n' "$med" "$p99"
read -r med p99 < <(stats "$work/version.us")
printf 'process start, handed over %6s ms median, %s ms p99  (diming --version: light, then execs diming-full)\n' "$med" "$p99"
read -r med p99 < <(stats "$work/full.us")
printf 'process start, full       %7s ms median, %s ms p99  (diming-full --version: SpatiaLite, GEOS, PROJ)\n' "$med" "$p99"
