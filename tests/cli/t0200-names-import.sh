# import names: the 郁南县 village fixture, idempotence, bad input.
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"

run import names "$FIX/names-yunan.csv"
expect_rc 0
expect_out ""
expect_err "diming: names from $FIX/names-yunan.csv: 177 read, 177 new, 0 unchanged, 0 updated, 0 other names"
run import names "$FIX/names-yunan.csv"
expect_rc 0
expect_err_has "177 read, 0 new, 177 unchanged"

run name show 银盆村 --json
expect_rc 0
[ "$(json_get '$.place_id')" = 1 ] || fail place_id
[ "$(json_get '$.name')" = 银盆村 ] || fail name
[ "$(json_get '$.zhuanming')" = 银盆 ] || fail zhuanming
[ "$(json_get '$.tongming')" = 村 ] || fail tongming
[ "$(json_get '$.romanization')" = "Yinpen Cun" ] || fail romanization
[ "$(json_get '$.class')" = 行政村 ] || fail class
[ "$(json_get '$.class_code')" = 21610 ] || fail class_code
[ "$(json_get '$.division_code')" = 445322100201 ] || fail division_code
[ "$(json_get '$.status')" = current ] || fail status
[ "$(json_get '$.geometry.type')" = Point ] || fail geometry
[ "$(json_get '$.other_names')" = "[]" ] || fail other_names
keys=$(printf "SELECT group_concat(key, ',') FROM json_each(readfile('%s'));\n" "$T/.out" | sqlite3 :memory:)
[ "$keys" = "place_id,name,zhuanming,tongming,romanization,class,class_code,division_code,status,valid_from,valid_to,other_names,geometry" ] || fail "keys: $keys"

# Two villages of 郁南县 are both 冲口村: a name is not a key.
run name show 冲口村
expect_rc 2
expect_err "diming: error: '冲口村' names 2 places (ids 35, 71): give an id"
run name show 999
expect_rc 2
expect_err "diming: error: no place with id 999"

# A division without a place record is shown in the same shape.
run name show 都城镇 --json
expect_rc 0
[ "$(json_get '$.place_id')" = "" ] || fail "division place_id is null"
[ "$(json_get '$.class')" = 镇 ] || fail "division class"
[ "$(json_get '$.romanization')" = "Ducheng Zhen" ] || fail "division romanization"

# Bad input: nothing written, the line and the field named.
snapshot
printf 'name,class,division_code,lon,lat\n金滩村,行政村,445322100201,111.6,23.0\n古丰村,村落,445322100208,111.6,23.0\n' >"$T/bad.csv"
run import names "$T/bad.csv"
expect_rc 2
expect_err "diming: error: $T/bad.csv:3: field 'class': unknown place class '村落'"
expect_unchanged
printf 'name,class,division_code\n金滩村,行政村,445399100201\n' >"$T/nodiv.csv"
run import names "$T/nodiv.csv"
expect_rc 2
expect_err "diming: error: $T/nodiv.csv:2: field 'division_code': no division '445399100201'"
printf 'name,class,division_code,lon,lat\n金滩村,行政村,445322100201,23.0,111.6\n' >"$T/swapped.csv"
run import names "$T/swapped.csv"
expect_rc 2
expect_err "diming: error: $T/swapped.csv:2: field 'lat': out of range, lon and lat look swapped (longitude comes first): '111.6'"
printf 'name,division_code\n金滩村,445322100201\n' >"$T/nohead.csv"
run import names "$T/nohead.csv"
expect_rc 2
expect_err "diming: error: $T/nohead.csv:1: header must name at least 'name', 'class' and 'division_code'"
expect_unchanged

# A row that says something else about a known place: conflict, exit 1.
printf 'name,class,division_code,meaning\n银盆村,行政村,445322100201,村前小河形似银盆\n' >"$T/meaning.csv"
run import names "$T/meaning.csv"
expect_rc 1
expect_err_has "$T/meaning.csv:2: field 'meaning': conflict: place 1 '银盆村' differs in the registry (use --update to replace)"
expect_unchanged
run import names "$T/meaning.csv" --update
expect_rc 0
expect_err_has "1 read, 0 new, 0 unchanged, 1 updated"

# GB18030 with former names (曾用名), and Gauss-Krüger X/Y by --s-srs.
printf 'name,class,division_code,x,y,former_names\n金滩村,行政村,445322100208,2549097.609,562521.129,古丰;古丰堡\n' |
	iconv -f UTF-8 -t GB18030 >"$T/gb.csv"
run import names "$T/gb.csv" --encoding gb18030 --s-srs EPSG:4546
expect_rc 0
expect_err_has "1 read, 1 new, 0 unchanged, 0 updated, 2 other names"
run name show 金滩村 --json
[ "$(json_get '$.other_names[0].kind')" = 曾用名 ] || fail "former name kind"
lon=$(json_get '$.geometry.coordinates[0]')
awk -v a="$lon" 'BEGIN { exit !(a > 111.6099 && a < 111.6101) }' || fail "lon $lon"
