#!/usr/bin/env bash
# make-sample-survey.sh - the SAMPLE 联检 field survey of the two 郁南县 lines.
#
# Writes data/survey-yunan-sample.csv from data/monuments-yunan-sample.csv
# (itself sample data, see data/README.md): every registered monument
# resurveyed in the same Gauss-Krüger zone (EPSG:4525) with RTK noise of
# about 1 cm, its reference objects (方位物) remeasured, and these events
# invented for the demonstration:
#   445303-445322-003Q  moved 4.11 m, found standing (完好): displaced
#   445303-445322-004Q  its second 方位物 demolished (name only): 2 left
#   445303-445322-005Q  broken (损坏): damaged
#   445303-445322-007Q  gone (丢失, no coordinates): missing
#   445303-445322-008Q  moved 0.09 m, within the 0.14 m tolerance: ok
#   445303-445322-009Q  pushed aside (移位) by 6.32 m: displaced
#   445303-445322-012Q  found on the ground, not registered: unknown
#   445322-445381-006Q  moved 1.20 m, found standing: displaced
# Deterministic (a Park-Miller generator): the same input gives the same
# bytes.  Checks the result with the built binary ($DIMING, default
# build/diming) before writing it.
set -euo pipefail
cd "$(dirname "$0")/.."
D=${DIMING:-$PWD/build/diming}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8

in=data/monuments-yunan-sample.csv
head -1 "$in" | grep -q '^number,boundary_code,type,tri_junction,x,y,h,srs,precision_m,material,managing_party,ref1_name,ref1_azimuth,ref1_distance_m,ref2_name,ref2_azimuth,ref2_distance_m,ref3_name,ref3_azimuth,ref3_distance_m$' ||
	{ echo "make-sample-survey: $in: unexpected header" >&2; exit 1; }

awk -F, -v seed=20250618 '
function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }
function noise(a) { return (2 * rnd() - 1) * a }
# "114°03′" <-> degrees
function deg(s,   p, d, m) { p = index(s, "°"); d = substr(s, 1, p - 1); m = substr(s, p + 2); sub(/′$/, "", m); return d + m / 60 }
function dm(a,   d, m) { a = (a + 360) % 360; m = int(a * 60 + 0.5) % 21600; d = int(m / 60); m = m % 60
	return sprintf("%d°%02d′", d, m) }
BEGIN {
	print "number,x,y,h,srs,condition,note,photos,ref1_name,ref1_azimuth,ref1_distance_m,ref2_name,ref2_azimuth,ref2_distance_m,ref3_name,ref3_azimuth,ref3_distance_m"
	# number -> north east (metres), condition, note
	mv["445303-445322-003Q"] = "3.10 -2.70"; note["445303-445322-003Q"] = "桩位与登记坐标不符，桩体完好"
	mv["445303-445322-008Q"] = "0.06 -0.07"
	mv["445303-445322-009Q"] = "-5.20 3.60"; cond["445303-445322-009Q"] = "移位"
	note["445303-445322-009Q"] = "桩体被推移，周边有修路施工痕迹"
	mv["445322-445381-006Q"] = "0.72 -0.96"; note["445322-445381-006Q"] = "桩位与登记坐标不符"
	cond["445303-445322-005Q"] = "损坏"; note["445303-445322-005Q"] = "桩身断裂，注记面缺损"
	cond["445303-445322-007Q"] = "丢失"; note["445303-445322-007Q"] = "原址仅余基坑，疑修路时挖除"
	gone["445303-445322-004Q"] = 2; note["445303-445322-004Q"] = "第二方位物已拆除"
}
NR == 1 { next }
{
	num = $1; x = $5; y = $6; h = $7; srs = $8
	c = (num in cond) ? cond[num] : "完好"
	dn = noise(0.012); de = noise(0.012); dh = noise(0.02)
	if (num in mv) { split(mv[num], d, " "); dn += d[1]; de += d[2]; dh += -0.35 }
	if (c == "丢失")
		printf "%s,,,,%s,%s,%s,", num, srs, c, note[num]
	else
		printf "%s,%.3f,%.3f,%.3f,%s,%s,%s,", num, x + dn, y + de, h + dh, srs, c, (num in note) ? note[num] : ""
	for (r = 0; r < 3; r++) {
		name = $(12 + 3 * r); az = $(13 + 3 * r); dist = $(14 + 3 * r)
		if (c == "丢失")
			printf ",,,"
		else if (gone[num] == r + 1)
			printf ",%s,,", name
		else
			printf ",%s,%s,%.1f", name, dm(deg(az) + noise(0.12)), dist + noise(0.15)
	}
	printf "\n"
	if (num == "445303-445322-010Q") { x10 = x; y10 = y; h10 = h }
	if (num == "445303-445322-011Q") {
		# an unregistered monument between 010Q and 011Q
		printf "445303-445322-012Q,%.3f,%.3f,%.3f,%s,完好,未登记界桩，疑单方设立,,,,,,,,,,\n",
			(x + x10) / 2 + 0.8, (y + y10) / 2 - 1.1, (h + h10) / 2, srs
	}
}' "$in" > "$tmp/survey.csv"

# Check: the survey reads, and inspecting both lines gives the verdicts above.
export DIMING_DB="$tmp/reg.sqlite" DIMING_USER=sample
unset DIMING_NOW
"$D" init >/dev/null
"$D" import divisions data/divisions-yunfu-jiangmen.csv 2>/dev/null
"$D" import divisions data/counties-yunfu.geojson 2>/dev/null
"$D" import boundaries data/boundaries-yunan-sample.geojson 2>/dev/null
"$D" import monuments "$in" 2>/dev/null
set +e
"$D" inspect 445303-445322 445322-445381 --survey "$tmp/survey.csv" --date 2025-06-18 \
	--format json > "$tmp/out.json"
rc=$?
set -e
[ "$rc" -eq 1 ] || { echo "make-sample-survey: inspect exited $rc, expected 1" >&2; exit 1; }
got=$(sqlite3 :memory: "SELECT group_concat(json_extract(value, '\$.summary'), ' ')
	FROM json_each(readfile('$tmp/out.json'))")
want='{"total":13,"ok":8,"displaced":2,"damaged":1,"missing":1,"off_line":0,"unknown":1} {"total":11,"ok":10,"displaced":1,"damaged":0,"missing":0,"off_line":0,"unknown":0}'
[ "$got" = "$want" ] || { echo "make-sample-survey: summaries differ: $got" >&2; exit 1; }

cp "$tmp/survey.csv" data/survey-yunan-sample.csv
echo "wrote data/survey-yunan-sample.csv ($(($(wc -l < "$tmp/survey.csv") - 1)) rows)" >&2
