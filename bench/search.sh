#!/usr/bin/env bash
# search.sh - name search on a national registry: all 620,573 villages,
# 41,352 towns, 2,978 counties, 342 cities and 31 provinces of
# china-division 2.7.0, loaded with `diming import divisions` (timed too).
#
# Prints, per `name search --by` mode, the p50/p99/max latency of 1,000
# queries made from names spread over the index, measured in-process by
# bench/search_bench.c through the library call the CLI makes
# (reg_name_search, limit 100), as wall clock and as the thread's CPU time
# (the machine is shared: the CPU time is what a query costs without waits
# for a core); then the wall time of the same search as a whole `diming
# name search` process (registry open included) for a few queries, and of
# `diming check names` over every name.  Goals (issue 3): p99 < 5 ms for exact,
# prefix, pinyin and initials, < 50 ms for contains and fuzzy; check names
# < 10 s.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
D=${DIMING:-$root/build/diming}
work=${BENCH_WORK:-$(mktemp -d)}
[ -n "${BENCH_WORK:-}" ] || trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

"$here/china-division-csv.sh" "$work/all.csv"
echo "divisions: $(($(wc -l <"$work/all.csv") - 1))"
rm -f "$work/reg.sqlite"*
"$D" --db "$work/reg.sqlite" init >/dev/null
t0=$(now)
"$D" --db "$work/reg.sqlite" import divisions "$work/all.csv" 2>/dev/null
echo "import divisions:           $(since "$t0") s"
/usr/bin/time -o "$work/time" -f '%e s wall, %U s user + %S s sys' \
	"$D" --db "$work/reg.sqlite" name search 北京 --by exact >/dev/null
echo "name index (first search):  $(cat "$work/time")  (keys, 专名, pairs and one-edit hashes of every name)"

cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -I"$root" \
	$(pkg-config --cflags sqlite3) -o "$work/search_bench" "$here/search_bench.c" \
	"$root/build/libdiming.a" $(pkg-config --libs sqlite3 jansson nettle) -lm
echo
"$work/search_bench" "$work/reg.sqlite" 1000

echo
echo "whole process (open, search, print), 20 queries each:"
for by in exact prefix pinyin initials contains fuzzy; do
	case $by in
	exact) q=郁南县 ;; prefix) q=都城 ;; pinyin) q=kaiping ;; initials) q=kp ;;
	contains) q=银盆 ;; fuzzy) q=郁男县 ;;
	esac
	t0=$(now)
	for _ in $(seq 20); do "$D" --db "$work/reg.sqlite" name search "$q" --by $by >/dev/null 2>&1; done
	printf '  %-9s %6.1f ms per command\n' "$by" "$(awk -v a="$t0" -v b="$(now)" 'BEGIN { print (b - a) * 1000 / 20 }')"
done

echo
set +e
/usr/bin/time -o "$work/time" -f '%e s wall, %U s user + %S s sys' \
	"$D" --db "$work/reg.sqlite" check names --json >"$work/findings.json"
rc=$?
set -e
n=$(printf "SELECT json_array_length(readfile('%s'));\n" "$work/findings.json" | sqlite3 :memory:)
echo "check names (every name):   $(cat "$work/time")  ($n findings, exit $rc; goal < 10 s)"
echo "load average at the end:    $(cut -d' ' -f1-3 /proc/loadavg) (2 cores; wall times grow with it)"
