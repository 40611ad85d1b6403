# Line lengths against PROJ's geod: `boundary show --json` length_km must agree
# with the sum of `geod -I +ellps=GRS80` over each line's segments to 1 mm
# (GRS80 is CGCS2000's ellipsoid).
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
must import divisions "$DATA/counties-yunfu.geojson"
must import divisions "$DATA/counties-jiangmen.geojson"
must boundary derive

geod_m() { # the geod length of line $1 in metres, from the vertices as stored
	sqlite3 -cmd '.load mod_spatialite' "$DIMING_DB" "
		WITH RECURSIVE p(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM p, boundary b
			WHERE b.code = '$1' AND k < NumGeometries(b.geom)),
		parts(k, l) AS (SELECT k, GeometryN(b.geom, k) FROM p, boundary b WHERE b.code = '$1'),
		n(k, i) AS (SELECT k, 1 FROM parts UNION ALL
			SELECT n.k, i + 1 FROM n JOIN parts USING (k) WHERE i < ST_NumPoints(parts.l))
		SELECT n.k, printf('%.12f %.12f', Y(ST_PointN(l, i)), X(ST_PointN(l, i)))
		FROM n JOIN parts USING (k) ORDER BY n.k, i;" |
	awk -F'|' '$1 == part { print prev, $2 } { part = $1; prev = $2 }' |
	geod -I +ellps=GRS80 -f %.9f -F %.6f | awk '{ s += $3 } END { printf "%.6f\n", s }'
}

n=0
for code in $(sqlite3 "$DIMING_DB" "SELECT code FROM boundary ORDER BY code"); do
	run boundary show "$code" --json
	expect_rc 0
	ours=$(json_get '$.length_km')
	ref=$(geod_m "$code")
	awk -v a="$ours" -v b="$ref" 'BEGIN { d = a * 1000 - b; if (d < 0) d = -d; exit !(d <= 0.001) }' ||
		fail "$code: diming $ours km, geod $ref m"
	n=$((n + 1))
done
[ "$n" -eq 23 ] || fail "expected 23 lines, compared $n"
