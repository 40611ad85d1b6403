# boundary derive: the county lines of 云浮市 from the bundled polygons, their
# nodes, the gap in 郁南县; dry runs, re-runs and conflicts.
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
must import divisions "$DATA/counties-yunfu.geojson"
snapshot

count() { # count JSON-PATH: the length of an array in the JSON on stdout
	printf "SELECT json_array_length(readfile('%s'), '%s');\n" "$T/.out" "$1" | sqlite3 :memory:
}

# A dry run reports and writes nothing.
run boundary derive --within 4453 --dry-run --json
expect_rc 0
expect_err "diming: warning: the polygons have 1 gaps and 0 overlaps; lines stop where they do"
[ "$(count '$.lines')" = 6 ] || fail "expected 6 lines"
[ "$(count '$.nodes')" = 8 ] || fail "expected 8 nodes"
[ "$(json_get '$.gaps[0].area_m2')" = 70315.7 ] || fail "gap area $(json_get '$.gaps[0].area_m2')"
[ "$(json_get '$.gaps[0].divisions[0]')" = 445322 ] || fail "gap beside 郁南县"
[ "$(json_get '$.lines[5].code')" = 445322-445381 ] || fail "line 6"
[ "$(json_get '$.lines[5].left_code')" = 445322 ] || fail "郁南县 is north of 罗定市: on the left of a W->E line"
[ "$(json_get '$.lines[5].status')" = "" ] || fail "dry run has no status"
expect_unchanged

run boundary derive --within 4453
expect_rc 0
expect_err "diming: warning: the polygons have 1 gaps and 0 overlaps; lines stop where they do
diming: boundary lines derived from 5 county divisions under 445300: 6 new, 0 unchanged, 0 updated; 1 gaps, 0 overlaps"
expect_out_has "6 lines between 5 county divisions under 445300 (snapping 1 m: 0 vertices moved)"
expect_out_has "  445322-445381      郁南县—罗定市线     87.391 km  new
      left 445322 郁南县, right 445381 罗定市
      from 111.375000 22.937500 (445322 郁南县, 445381 罗定市, outside)
      to   111.731445 22.803711 (445303 云安区, 445322 郁南县, 445381 罗定市)"
expect_out_has "1 gaps (holes between the polygons)
  gap 7.03 ha at 111.381999 23.126465 (445322 郁南县)
0 overlaps (area inside two polygons)"

run boundary list
expect_rc 0
expect_out "445302-445303       县级     131.784 km    0  云城区—云安区线
445302-445321       县级      62.919 km    0  云城区—新兴县线
445303-445321       县级       5.688 km    0  云安区—新兴县线
445303-445322       县级      83.949 km    0  云安区—郁南县线
445303-445381       县级      58.492 km    0  云安区—罗定市线
445322-445381       县级      87.391 km    0  郁南县—罗定市线"

run boundary list --division 445322 --json
expect_rc 0
expect_out '[
{"code":"445303-445322","name":"云安区—郁南县线","level":"county","left_code":"445303","right_code":"445322","length_km":83.949264,"monuments":0,"last_inspected":null},
{"code":"445322-445381","name":"郁南县—罗定市线","level":"county","left_code":"445322","right_code":"445381","length_km":87.391273,"monuments":0,"last_inspected":null}
]'

run boundary show 445322-445381 --json
expect_rc 0
expect_out '{
  "code": "445322-445381",
  "name": "郁南县—罗定市线",
  "level": "county",
  "left_code": "445322",
  "right_code": "445381",
  "length_km": 87.391273,
  "monuments": 0,
  "last_inspected": null
}'

run boundary show 445322-445381
expect_rc 0
expect_out_has "start       111.375000000 22.937500000  三交点  445322 郁南县, 445381 罗定市, outside (lines ending here: 1)
end         111.731445312 22.803710938  三交点  445303 云安区, 445322 郁南县, 445381 罗定市 (lines ending here: 3)"

# Again: nothing new.
run boundary derive --within 4453
expect_rc 0
expect_err_has ": 0 new, 6 unchanged, 0 updated;"

# A registered line with another geometry: a conflict, nothing written;
# --update replaces it in place.
cat > "$T/straight.geojson" <<'JSON'
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"445322-445381","name":"郁南县—罗定市线","left_code":"445322","right_code":"445381"},"geometry":{"type":"LineString","coordinates":[[111.375,22.9375],[111.7314453125,22.8037109375]]}}]}
JSON
must import boundaries "$T/straight.geojson" --update
snapshot
run boundary derive --within 4453
expect_rc 1
expect_err "diming: warning: the polygons have 1 gaps and 0 overlaps; lines stop where they do
diming: error: line '445322-445381': conflict: registered with another geometry (use --update to replace it)
diming: error: 1 conflicts; nothing written (use --update to replace)"
expect_unchanged
run boundary derive --within 4453 --update
expect_rc 0
expect_err_has ": 0 new, 5 unchanged, 1 updated;"
run boundary show 445322-445381 --json
[ "$(json_get '$.length_km')" = 87.391273 ] || fail "not replaced"

# Usage and missing data.
snapshot
run boundary derive --level village
expect_rc 2
expect_err "diming: error: --level: 'village' is not province, city, county or town (see 'diming boundary --help')"
run boundary derive --within 445322
expect_rc 2
expect_err "diming: error: --within 445322 is not above the level 'county' (see 'diming boundary --help')"
run boundary derive --level town
expect_rc 2
expect_err "diming: error: in the registry: fewer than two town divisions with polygons"
run boundary derive --snap-m -1
expect_rc 2
run boundary list --level county
expect_rc 2
expect_err "diming: error: --level, --within, --snap-m, --dry-run and --update go with derive (see 'diming boundary --help')"
run boundary show nope
expect_rc 2
expect_err "diming: error: no boundary line with code 'nope'"
expect_unchanged
run boundary --help
expect_rc 0
expect_out_has "usage: diming boundary derive"
