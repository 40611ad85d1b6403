# import divisions from the bundled real data; show, list, tree.
. "$ROOT/tests/cli/lib.sh"
must init

run import divisions "$DATA/divisions-yunfu-jiangmen.csv"
expect_rc 0
expect_err_has "2496 read, 2496 new, 0 unchanged"
run import divisions "$DATA/counties-yunfu.geojson"
expect_rc 0
expect_err_has "5 geometries (5 repaired)"
expect_err_has "feature 2 (id 445322): field 'geometry': invalid polygon repaired (Ring Self-intersection"

run division show 445322 --json
expect_rc 0
[ "$(json_get '$.code')" = 445322 ] || fail code
[ "$(json_get '$.name')" = 郁南县 ] || fail name
[ "$(json_get '$.level')" = county ] || fail level
[ "$(json_get '$.parent_code')" = 445300 ] || fail parent
[ "$(json_get '$.children')" = 19 ] || fail children
[ "$(json_get '$.has_geometry')" = 1 ] || fail has_geometry
area=$(json_get '$.area_km2')
awk -v a="$area" 'BEGIN { exit !(a > 1950 && a < 1975) }' || fail "area $area"

# Any code form: 2/4/6/9/12 digits.
run division show 4453 --json
[ "$(json_get '$.code')" = 445300 ] || fail "4-digit form"
[ "$(json_get '$.area_km2')" = "" ] || fail "no geometry means null area"
run division show 445300000000
[ "$rc" -eq 0 ] || fail "12-digit form"
expect_out_has "云浮市"

run division list --parent 445322 --level town --json
expect_rc 0
n=$(printf "SELECT json_array_length(readfile('%s'));\n" "$T/.out" | sqlite3 :memory:)
[ "$n" = 19 ] || fail "19 town-level units in 郁南县, got $n"
[ "$(json_get '$[0].code')" = 445322100 ] || fail "first town"

run division list --parent 440783 --level 村级
expect_rc 0
[ -z "$out" ] || fail "villages are not direct children of a county"
run division list --level village
[ "$(printf '%s\n' "$out" | grep -c '^440783')" = 270 ] || fail "开平市 has 270 villages"

run division tree 445322 --depth 1
expect_rc 0
expect_out_has "445322 郁南县"
expect_out_has "└── 445322403"

run division show 999999
expect_rc 2
expect_err "diming: error: no division with code '999999'"
run division show 12345
expect_rc 2
expect_err "diming: error: not a division code (2, 4, 6, 9 or 12 digits): '12345'"
run division list --level hamlet
expect_rc 2

# Re-importing the same data changes nothing (not even the audit log? it
# records the attempt, but no division row changes).
before=$(sqlite3 "$DIMING_DB" 'SELECT group_concat(code||name||ifnull(hex(geom),""),"") FROM division' | sha256sum)
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
expect_err_has "0 new, 2496 unchanged"
must import divisions "$DATA/counties-yunfu.geojson"
expect_err_has "0 geometries"
after=$(sqlite3 "$DIMING_DB" 'SELECT group_concat(code||name||ifnull(hex(geom),""),"") FROM division' | sha256sum)
[ "$before" = "$after" ] || fail "re-import changed divisions"

# A different name for an existing code: conflict, exit 1, nothing written.
printf 'code,name\n445322,郁南\n445322100,都城镇\n' > "$T/rename.csv"
snapshot
run import divisions "$T/rename.csv"
expect_rc 1
expect_err_has "$T/rename.csv:2: field 'name': conflict: code 445322 is '郁南县' in the registry, '郁南' here (use --update to rename)"
expect_err_has "1 name conflicts; nothing written"
expect_unchanged
run import divisions "$T/rename.csv" --update
expect_rc 0
run division show 445322 --json
[ "$(json_get '$.name')" = 郁南 ] || fail "--update renames"

# UTF-8 with BOM and CRLF, and GB18030 on request, load the same rows.
must --db "$T/b.sqlite" init
run --db "$T/b.sqlite" import divisions "$FIX/divisions-yunan.csv"
expect_rc 2
expect_err_has "field 'parent_code': parent division '445300' does not exist"
must --db "$T/b.sqlite" import divisions "$DATA/divisions-yunfu-jiangmen.csv"
must --db "$T/b.sqlite" import divisions "$FIX/divisions-yunan.csv"
expect_err_has "20 read, 0 new, 20 unchanged"
must --db "$T/b.sqlite" import divisions "$FIX/divisions-yunan-gb18030.csv" --encoding gb18030
expect_err_has "20 read, 0 new, 20 unchanged"
