# import monuments: the 23 sample monuments of 郁南县's two lines (a 界桩成果表
# in Gauss-Krüger zone 37); monument list/show in order along the line.
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
must import divisions "$DATA/counties-yunfu.geojson"
must import boundaries "$DATA/boundaries-yunan-sample.geojson"

run import monuments "$DATA/monuments-yunan-sample.csv"
expect_rc 0
expect_out ""
expect_err "diming: monuments from $DATA/monuments-yunan-sample.csv: 23 read, 23 new, 0 unchanged, 0 replaced, 0 warnings"
run import monuments "$DATA/monuments-yunan-sample.csv"
expect_rc 0
expect_err_has ": 23 read, 0 new, 23 unchanged, 0 replaced, 0 warnings"

keys() { # keys of the JSON object at PATH on stdout, comma-separated
	printf "SELECT group_concat(key) FROM json_each(readfile('%s'), '%s');\n" "$T/.out" "$1" |
		sqlite3 :memory:
}

run monument list --boundary 445322-445381 --json
expect_rc 0
[ "$(keys '$[0]')" = "number,boundary_code,type,lon,lat,x,y,h,srs,precision_m,distance_to_line_m,managing_party,reference_objects" ] ||
	fail "monument keys: $(keys '$[0]')"
[ "$(printf "SELECT json_array_length(readfile('%s'));" "$T/.out" | sqlite3 :memory:)" = 11 ] || fail "11 monuments"
# in order along the line: the tri-junction at the west end first, the
# pair together, the 三交点 with 云安区 at the east end last
[ "$(json_get '$[0].number')" = 445322-445381-001Q ] || fail "first"
[ "$(json_get '$[3].number')" = 445322-445381-004A ] || fail "4th"
[ "$(json_get '$[4].number')" = 445322-445381-004B ] || fail "5th"
[ "$(json_get '$[10].number')" = 445322-445381-010Q ] || fail "last"
[ "$(json_get '$[3].distance_to_line_m')" = 14.999 ] || fail "the pair stands 15 m off"
[ "$(json_get '$[0].x')" = 2537665.162 ] || fail "x verbatim"
[ "$(json_get '$[0].y')" = 37538463.821 ] || fail "y verbatim"
[ "$(json_get '$[0].srs')" = EPSG:4525 ] || fail "srs"
[ "$(json_get '$[0].reference_objects[1].azimuth')" = "280°09′" ] || fail "azimuth"

run monument show 445303-445322-006B --json
expect_rc 0
# issue 5's keys in order; `monument show` may append the saved inspection
# rounds (issue 6) after them
case "$(keys '$')" in
number,boundary_code,type,lon,lat,x,y,h,srs,precision_m,distance_to_line_m,managing_party,reference_objects*) ;;
*) fail "monument show keys: $(keys '$')" ;;
esac
[ "$(json_get '$.type')" = B ] || fail "type"
[ "$(json_get '$.lon')" = 111.828594833 ] || fail "lon"
[ "$(json_get '$.lat')" = 22.93523946 ] || fail "lat"
[ "$(json_get '$.x')" = 2537605.268 ] || fail "x"
[ "$(json_get '$.y')" = 37584992.192 ] || fail "y"
[ "$(json_get '$.h')" = 241.095 ] || fail "h"
[ "$(json_get '$.precision_m')" = 0.05 ] || fail "precision_m"
[ "$(json_get '$.distance_to_line_m')" = 14.999 ] || fail "distance_to_line_m"
[ "$(json_get '$.managing_party')" = 郁南县民政局 ] || fail "managing_party"
[ "$(json_get '$.reference_objects[0].name')" = 无名山头 ] || fail "ref name"
[ "$(json_get '$.reference_objects[0].azimuth')" = "117°17′" ] || fail "ref azimuth"
[ "$(json_get '$.reference_objects[0].azimuth_deg')" = 117.283333 ] || fail "ref azimuth_deg"
[ "$(json_get '$.reference_objects[2].distance_m')" = 200.5 ] || fail "ref distance"

run monument show 445303-445322-006A
expect_rc 0
expect_out_has "number      445303-445322-006A
line        445303-445322
type        A 同号双立
position    111.828809401 22.935055399 (CGCS2000 lon lat)
as given    X 2537585.007 Y 37585014.317 (EPSG:4525)
height      179.735
precision   0.05 m
on line     36.098 km from its start, 14.999 m left of it
material    花岗岩 双面型
managed by  云浮市云安区民政局
方位物      3
  1. 输电塔  302°39′  235.3 m
  2. 电杆  234°04′  25.6 m
  3. 独立树  171°38′  224.7 m"

run boundary show 445303-445322 --json
[ "$(json_get '$.monuments')" = 12 ] || fail "12 monuments on 云安区—郁南县线"
[ "$(json_get '$.last_inspected')" = 2019-10-15 ] || fail "last_inspected"

run monument show 445303-445322-099Q
expect_rc 2
expect_err "diming: error: no monument '445303-445322-099Q'"
run monument show 445303-445322-006A --boundary 445322-445381
expect_rc 2
expect_err "diming: error: no monument '445303-445322-006A' on line '445322-445381'"
run monument list
expect_rc 2
expect_err "diming: error: list needs --boundary CODE (see 'diming monument --help')"
run monument list --boundary 9999
expect_rc 2
expect_err "diming: error: no boundary line with code '9999'"
