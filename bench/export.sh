#!/usr/bin/env bash
# export.sh - export the gazetteer of all of china-division (41,352 towns +
# 620,573 villages = 661,925 places) to every format with `diming export
# gazetteer`, and in the same run the same place table to GeoJSON and
# GeoPackage with `ogr2ogr`; print wall times, peak memory (RSS, from
# /usr/bin/time -v) and the ratios.  Goals: faster than ogr2ogr for GeoJSON
# and GPKG; peak memory under 100 MB for every format.
#
# china-division has names and codes only.  Each town and village becomes a
# place of its division (class from its generic: 镇, 乡, 街道, 村民委员会,
# 社区居民委员会) at a synthetic position spread over 75-135E, 20-53N
# (deterministic, 4 decimals): the positions exist only so that every
# format has geometry to write; they are not where the places are.
#
#   bench/export.sh [WORKDIR]    (default: a temporary directory, removed)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
D=${DIMING:-$root/build/diming}
if [ $# -ge 1 ]; then
	work=$1
	mkdir -p "$work"
else
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
fi
TIME=/usr/bin/time
command -v ogr2ogr >/dev/null || { echo "export.sh: ogr2ogr not found (gdal-bin)" >&2; exit 2; }
[ -x "$TIME" ] || { echo "export.sh: $TIME not found (Debian package time)" >&2; exit 2; }

pkg=$("$root/tools/npm-fetch.sh" china-division@2.7.0)
reg=$work/reg.sqlite
if [ ! -s "$reg" ]; then
	"$here/china-division-csv.sh" "$work/divisions.csv"
	# Towns and villages as names: name,class,division_code,lon,lat.
	{
		echo "name,class,division_code,lon,lat"
		for f in streets villages; do
			tail -n +2 "$pkg/dist/$f.csv"
		done | awk -F, '
			{
				name = $2; gsub(/"/, "", name)
				if (length($1) == 9)
					class = name ~ /街道$/ ? "街道" : name ~ /镇$/ ? "镇" : name ~ /乡$/ ? "乡" : "乡级行政区域"
				else
					class = name ~ /村民委员会$/ ? "村民委员会" : name ~ /居民委员会$/ ? "社区居民委员会" : "村级区域"
				lon = 75 + (NR * 7919 % 600000) / 10000
				lat = 20 + (NR * 104729 % 330000) / 10000
				printf "%s,%s,%s,%.4f,%.4f\n", name, class, $1, lon, lat
			}'
	} >"$work/names.csv"
	"$D" --db "$reg" init >/dev/null
	"$D" --db "$reg" import divisions "$work/divisions.csv" 2>/dev/null
	t0=$(date +%s.%N)
	"$D" --db "$reg" import names "$work/names.csv" 2>&1 | tail -1
	t1=$(date +%s.%N)
	printf 'set-up: import names %.1f s\n' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')"
fi
# Any pending migration runs now, not inside the first timed export.
"$D" --db "$reg" division show 44 >/dev/null
places=$(sqlite3 "$reg" "SELECT count(*) FROM place WHERE status = 'current'")
echo "places: $places"

# run NAME CMD... : the best wall time and CPU time (user + sys, seconds) of
# $RUNS runs, and the highest peak RSS (MB).  The machine may be shared:
# the best of a few runs is the fairest figure for both sides.
RUNS=${RUNS:-3}
declare -A secs cpu mem
run() {
	local name=$1 i w c m
	shift
	secs[$name]="" cpu[$name]="" mem[$name]=0
	for ((i = 0; i < RUNS; i++)); do
		rm -f "$work/out.$name"*
		"$TIME" -f '%e %U %S %M' -o "$work/time.$name" "$@" >/dev/null 2>"$work/err.$name" ||
			{ echo "$name failed:" >&2; cat "$work/err.$name" "$work/time.$name" >&2; exit 1; }
		read -r w c m < <(awk '{ print $1, $2 + $3, $4 / 1024 }' "$work/time.$name")
		secs[$name]=$(awk -v a="${secs[$name]}" -v b="$w" 'BEGIN { x = (a == "" || b + 0 < a + 0) ? b : a; print x }')
		cpu[$name]=$(awk -v a="${cpu[$name]}" -v b="$c" 'BEGIN { x = (a == "" || b + 0 < a + 0) ? b : a; print x }')
		mem[$name]=$(awk -v a="${mem[$name]}" -v b="$m" 'BEGIN { x = (b + 0 > a + 0) ? b : a; printf "%.1f", x }')
	done
}

sync
run csv "$D" --db "$reg" export gazetteer --format csv -o "$work/out.csv.csv"
run geojson "$D" --db "$reg" export gazetteer --format geojson -o "$work/out.geojson.geojson"
run gpkg "$D" --db "$reg" export gazetteer --format gpkg -o "$work/out.gpkg.gpkg"
run html "$D" --db "$reg" export gazetteer --format html -o "$work/out.html.html"
# The peer: the same place table, as GDAL reads a SpatiaLite file.
run ogr_geojson ogr2ogr -f GeoJSON "$work/out.ogr_geojson.geojson" "$reg" place
run ogr_gpkg ogr2ogr -f GPKG "$work/out.ogr_gpkg.gpkg" "$reg" place

# Both sides wrote every place.
n=$(grep -c '"type":"Feature"' "$work/out.geojson.geojson")
m=$(grep -c '"type": "Feature"' "$work/out.ogr_geojson.geojson")
g=$(sqlite3 "$work/out.gpkg.gpkg" "SELECT count(*) FROM gazetteer_points")
o=$(sqlite3 "$work/out.ogr_gpkg.gpkg" "SELECT count(*) FROM place")
c=$(($(wc -l <"$work/out.csv.csv") - 1))
for v in "$n" "$m" "$g" "$o" "$c"; do
	[ "$v" -ge "$places" ] || { echo "export.sh: an export is short: $n $m $g $o $c of $places" >&2; exit 1; }
done

size() { du -m "$1" | cut -f1; }
printf '\n%-18s %8s %8s %9s %8s  %s\n' "best of $RUNS" "wall s" "cpu s" "peak MB" "size MB" "vs ogr2ogr (wall, cpu)"
line() {
	local name=$1 label=$2 file=$3 peer=${4:-}
	local ratio=""
	[ -n "$peer" ] && ratio=$(awk -v a="${secs[$name]}" -v b="${secs[$peer]}" -v c="${cpu[$name]}" \
		-v d="${cpu[$peer]}" 'BEGIN { printf "%.2fx, %.2fx (%s)", a / b, c / d, a < b ? "faster" : "slower" }')
	printf '%-18s %8.2f %8.2f %9s %8s  %s\n' "$label" "${secs[$name]}" "${cpu[$name]}" "${mem[$name]}" \
		"$(size "$file")" "$ratio"
}
line csv "diming csv" "$work/out.csv.csv"
line geojson "diming geojson" "$work/out.geojson.geojson" ogr_geojson
line ogr_geojson "ogr2ogr geojson" "$work/out.ogr_geojson.geojson"
line gpkg "diming gpkg" "$work/out.gpkg.gpkg" ogr_gpkg
line ogr_gpkg "ogr2ogr gpkg" "$work/out.ogr_gpkg.gpkg"
line html "diming html" "$work/out.html.html"
echo
echo "goals: faster than ogr2ogr for geojson and gpkg; peak memory under 100 MB for every format"
fail=0
for f in geojson gpkg; do
	awk -v a="${secs[$f]}" -v b="${secs[ogr_$f]}" 'BEGIN { exit !(a < b) }' ||
		{ echo "MISSED: $f is not faster than ogr2ogr"; fail=1; }
done
for f in csv geojson gpkg html; do
	awk -v m="${mem[$f]}" 'BEGIN { exit !(m < 100) }' ||
		{ echo "MISSED: $f peaks at ${mem[$f]} MB"; fail=1; }
done
[ "$fail" -eq 0 ] && echo "all goals met"
exit 0
