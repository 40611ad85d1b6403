#!/usr/bin/env bash
# make-sample-boundaries.sh - the SAMPLE boundary lines and monuments of 郁南县.
#
# Writes data/boundaries-yunan-sample.geojson (the lines 云安区—郁南县 and
# 郁南县—罗定市, derived from data/counties-yunfu.geojson, with invented
# agreement, approval and inspection attributes) and
# data/monuments-yunan-sample.csv (23 invented monuments placed on those
# lines).  Real monument coordinates are not public: these are sample data,
# see data/README.md.  Deterministic: the same inputs give the same bytes.
#
# Needs the built binary ($DIMING, default build/diming), sqlite3 with
# mod_spatialite, cs2cs (proj-bin) and awk.
set -euo pipefail
cd "$(dirname "$0")/.."
D=${DIMING:-$PWD/build/diming}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export DIMING_DB="$tmp/reg.sqlite" DIMING_USER=sample LC_ALL=C.UTF-8
unset DIMING_NOW

"$D" init >/dev/null
"$D" import divisions data/divisions-yunfu-jiangmen.csv 2>/dev/null
"$D" import divisions data/counties-yunfu.geojson 2>/dev/null
"$D" boundary derive --within 4453 >/dev/null 2>&1

SRS=EPSG:4525    # CGCS2000 / 3-degree Gauss-Kruger zone 37 (CM 111°E), Y with the zone prefix 37
L1=445303-445322 # 云安区—郁南县线, runs north to south, 云安区 on the left (east)
L2=445322-445381 # 郁南县—罗定市线, runs west to east, 郁南县 on the left (north)

# The vertices of a line in the Gauss-Krüger plane: "northing easting".
vertices() {
	sqlite3 -cmd ".load mod_spatialite" "$DIMING_DB" "
		WITH RECURSIVE g(l) AS (SELECT ST_GeometryN(geom, 1) FROM boundary WHERE code = '$1'),
		n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n, g WHERE i < ST_NumPoints(g.l))
		SELECT printf('%.12f %.12f', Y(ST_PointN(l, i)), X(ST_PointN(l, i))) FROM n, g;" |
		cs2cs -f %.6f EPSG:4490 "$SRS" | awk '{ print $1, $2 }'
}

# Placements: sequence, type, fraction of the line's length, offset to the
# left in metres (pairs stand on both sides), tri-junction flag, and the
# managing parties of the left and right sides (分工管理).
cat > "$tmp/p1" <<'EOF'
001 Q 0.000 0 1
002 Q 0.085 0 0
003 Q 0.170 0 0
004 Q 0.255 0 0
005 Q 0.340 0 0
006 A 0.430 15 0
006 B 0.430 -15 0
007 Q 0.520 0 0
008 Q 0.610 0 0
009 Q 0.700 0 0
010 Q 0.800 0 0
011 Q 0.900 0 0
EOF
cat > "$tmp/p2" <<'EOF'
001 Q 0.000 0 1
002 Q 0.110 0 0
003 Q 0.220 0 0
004 A 0.330 15 0
004 B 0.330 -15 0
005 Q 0.440 0 0
006 Q 0.550 0 0
007 Q 0.660 0 0
008 Q 0.770 0 0
009 Q 0.880 0 0
010 Q 1.000 0 1
EOF

# One line's rows of the 成果表.  Reference objects, heights: a Park-Miller
# generator (exact in awk's doubles) seeded per line.
monuments() { # CODE PLACEMENTS SEED LEFT_PARTY RIGHT_PARTY
	vertices "$1" > "$tmp/v"
	awk -v code="$1" -v srs="$SRS" -v seed="$3" -v lparty="$4" -v rparty="$5" '
	function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }
	function dm(a,   d, m) { m = int(a * 60 + 0.5); d = int(m / 60); m = m % 60
		return sprintf("%d°%02d′", d, m) }
	BEGIN { split("独立树 电杆 水泥路交叉口 无名山头 房角 小桥 输电塔 水渠闸口 路碑 三角点", names, " ") }
	FNR == NR { n++; N[n] = $1; E[n] = $2
		if (n > 1) cum[n] = cum[n - 1] + sqrt((N[n] - N[n - 1]) ^ 2 + (E[n] - E[n - 1]) ^ 2)
		else cum[n] = 0
		next }
	{
		seq = $1; type = $2; f = $3; off = $4; tri = $5
		target = f * cum[n]
		for (k = 2; k < n && cum[k] < target; k++) ;
		seglen = cum[k] - cum[k - 1]
		t = seglen > 0 ? (target - cum[k - 1]) / seglen : 0
		if (t > 1) t = 1
		dn = (N[k] - N[k - 1]) / seglen; de = (E[k] - E[k - 1]) / seglen
		x = N[k - 1] + t * (N[k] - N[k - 1]); y = E[k - 1] + t * (E[k] - E[k - 1])
		# left of the direction (de, dn) is (-dn, de) in (east, north)
		y += off * -dn; x += off * de
		h = 40 + 360 * rnd()
		party = (type == "B") ? rparty : (type == "A") ? lparty : ((seq % 2) ? lparty : rparty)
		mat = tri ? "花岗岩 三面型" : "花岗岩 双面型"
		printf "%s-%s%s,%s,%s,%d,%.3f,%.3f,%.3f,%s,0.05,%s,%s", code, seq, type, code, type, tri, x, y, h, srs, mat, party
		used = ""
		for (r = 1; r <= 3; r++) {
			do { i = 1 + int(rnd() * 10) } while (index(used, "<" i ">"))
			used = used "<" i ">"
			printf ",%s,%s,%.1f", names[i], dm(360 * rnd()), 15 + int(2850 * rnd()) / 10
		}
		printf "\n"
	}' "$tmp/v" "$2"
}

{
	echo "number,boundary_code,type,tri_junction,x,y,h,srs,precision_m,material,managing_party,ref1_name,ref1_azimuth,ref1_distance_m,ref2_name,ref2_azimuth,ref2_distance_m,ref3_name,ref3_azimuth,ref3_distance_m"
	monuments "$L1" "$tmp/p1" 445303 "云浮市云安区民政局" "郁南县民政局"
	monuments "$L2" "$tmp/p2" 445381 "郁南县民政局" "罗定市民政局"
} > "$tmp/monuments.csv"

sqlite3 -cmd ".load mod_spatialite" "$DIMING_DB" "
	SELECT json_object('type', 'FeatureCollection', 'features', json_group_array(json_object(
		'type', 'Feature',
		'properties', json_object('code', code, 'name', name, 'level', level,
			'left_code', substr(left_code, 1, 6), 'right_code', substr(right_code, 1, 6),
			'agreement', '样例（非真实数据）：' || replace(name, '线', '') || '行政区域界线协议书',
			'approved', '2001-12-31', 'last_inspected', '2019-10-15'),
		'geometry', json(AsGeoJSON(geom, 15)))))
	FROM (SELECT * FROM boundary WHERE code IN ('$L1', '$L2') ORDER BY code);" > "$tmp/boundaries.geojson"

# Check: a fresh registry takes both files without a warning, and deriving
# afterwards finds the two lines unchanged.
export DIMING_DB="$tmp/check.sqlite"
"$D" init >/dev/null
"$D" import divisions data/divisions-yunfu-jiangmen.csv 2>/dev/null
"$D" import divisions data/counties-yunfu.geojson 2>/dev/null
"$D" import boundaries "$tmp/boundaries.geojson" 2>/dev/null
warn=$("$D" import monuments "$tmp/monuments.csv" 2>&1 | grep -c "^diming: warning:" || true)
[ "$warn" -eq 0 ] || { echo "make-sample-boundaries: the monuments give warnings" >&2; exit 1; }
"$D" boundary derive --within 4453 2>&1 >/dev/null | grep -q ': 4 new, 2 unchanged, 0 updated' ||
	{ echo "make-sample-boundaries: derived lines differ from the sample lines" >&2; exit 1; }
n=$(($(wc -l < "$tmp/monuments.csv") - 1))
[ "$n" -eq 23 ] || { echo "make-sample-boundaries: $n monuments, not 23" >&2; exit 1; }

cp "$tmp/boundaries.geojson" data/boundaries-yunan-sample.geojson
cp "$tmp/monuments.csv" data/monuments-yunan-sample.csv
echo "wrote data/boundaries-yunan-sample.geojson (2 lines) and data/monuments-yunan-sample.csv ($n monuments)" >&2
