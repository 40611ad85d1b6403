# export gazetteer --format gpkg: an OGC GeoPackage with a layer each of
# points, lines and areas, CGCS2000, the rtree index; checked with GDAL's
# ogrinfo and with sqlite3.
. "$ROOT/tests/cli/lib-export.sh"
setup_yunan
add_quoted_place
add_shapes

snapshot
run export gazetteer --division 445322 -o "$T/y.gpkg"
expect_rc 0
expect_err "diming: 180 places written to $T/y.gpkg (gpkg)"
expect_unchanged
expect_no_temp

q() { sqlite3 "$T/y.gpkg" "$1"; }
[ "$(q 'PRAGMA application_id')" = 1196444487 ] || fail "application_id is not 'GPKG'"
[ "$(q 'PRAGMA user_version')" = 10300 ] || fail "user_version"
[ "$(q "SELECT group_concat(table_name || ':' || data_type || ':' || ifnull(srs_id, ''), ' ') FROM (SELECT * FROM gpkg_contents ORDER BY table_name)")" = \
	"gazetteer_areas:features:4490 gazetteer_lines:features:4490 gazetteer_points:features:4490" ] ||
	fail "contents: $(q 'SELECT * FROM gpkg_contents')"
[ "$(q "SELECT group_concat(table_name || ':' || geometry_type_name, ' ') FROM (SELECT * FROM gpkg_geometry_columns ORDER BY table_name)")" = \
	"gazetteer_areas:MULTIPOLYGON gazetteer_lines:LINESTRING gazetteer_points:POINT" ] ||
	fail "geometry columns: $(q 'SELECT * FROM gpkg_geometry_columns')"
q "SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 4490" | grep -q '^GEOGCS\["China Geodetic Coordinate System 2000".*AUTHORITY\["EPSG","4490"\]\]$' ||
	fail "no EPSG:4490 definition"
[ "$(q 'SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326)')" = 3 ] || fail "required srs rows"
# The GeoPackage geometry header: "GP", version 0, flags (little endian;
# envelope only for lines and areas), srs_id 4490 little endian.
[ "$(q 'SELECT hex(substr(geom, 1, 8)) FROM gazetteer_points WHERE fid = 1')" = 475000018A110000 ] ||
	fail "point header: $(q 'SELECT hex(substr(geom, 1, 8)) FROM gazetteer_points WHERE fid = 1')"
[ "$(q 'SELECT hex(substr(geom, 1, 8)) FROM gazetteer_areas')" = 475000038A110000 ] || fail "area header"
# Feature ids are place ids; the rtree holds every feature.
[ "$(q 'SELECT 标准名称 FROM gazetteer_points WHERE fid = 1')" = 银盆村 ] || fail "fid"
[ "$(q 'SELECT count(*) FROM rtree_gazetteer_points_geom')" = 178 ] || fail "rtree"
[ "$(q "SELECT count(*) FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'")" = 3 ] ||
	fail "rtree extension rows"

# ogrinfo lists the layers, their feature counts and the CRS.
info=$(ogrinfo -ro -al -so "$T/y.gpkg" 2>&1) || fail "ogrinfo: $info"
for want in "Layer name: gazetteer_points" "Geometry: Point" "Feature Count: 178" \
	"Layer name: gazetteer_lines" "Geometry: Line String" "Feature Count: 1" \
	"Layer name: gazetteer_areas" "Geometry: Multi Polygon" 'ID["EPSG",4490]' \
	"批准时间: Date" "经度: Real" "标准名称: String"; do
	case "$info" in *"$want"*) ;; *) fail "ogrinfo lacks [$want]: $info" ;; esac
done
case "$info" in *Warning*|*ERROR*) fail "ogrinfo complains: $info" ;; esac
[ "$(printf '%s\n' "$info" | grep -c 'ID\["EPSG",4490\]')" = 3 ] || fail "CRS of each layer"
# The spatial index answers a window around 都城镇's villages.
n=$(ogrinfo -ro -so -spat 111.59 23.02 111.63 23.06 "$T/y.gpkg" gazetteer_points | sed -n 's/^Feature Count: //p')
[ "$n" -gt 0 ] && [ "$n" -lt 178 ] || fail "spatial filter: $n"
# GDAL copies it on: the area layer back to GeoJSON.
ogr2ogr -f GeoJSON "$T/area.geojson" "$T/y.gpkg" gazetteer_areas 2>"$T/.ogr" || fail "ogr2ogr: $(cat "$T/.ogr")"
[ "$(sqlite3 :memory: "SELECT json_extract(readfile('$T/area.geojson'), '\$.features[0].properties.标准名称')")" = 郁南县 ] ||
	fail "ogr2ogr copy"

# A multipoint among points makes the layer MULTIPOINT; single points are
# written as one-member multipoints (with an envelope, as multis have).
printf '%s\n' '{"type":"FeatureCollection","features":[{"type":"Feature",' \
	'"properties":{"name":"双桥","class":"桥梁","division_code":"445322100"},' \
	'"geometry":{"type":"MultiPoint","coordinates":[[111.52,23.23],[111.53,23.24]]}}]}' >"$T/multi.geojson"
must import names "$T/multi.geojson"
run export gazetteer --division 445322 -o "$T/m.gpkg"
expect_rc 0
[ "$(sqlite3 "$T/m.gpkg" "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = 'gazetteer_points'")" = MULTIPOINT ] ||
	fail "multipoint layer"
[ "$(sqlite3 "$T/m.gpkg" 'SELECT hex(substr(geom, 1, 8)) || hex(substr(geom, 41, 14)) FROM gazetteer_points WHERE fid = 1')" = \
	475000038A1100000104000000010000000101000000 ] ||
	fail "promoted point: $(sqlite3 "$T/m.gpkg" 'SELECT hex(substr(geom, 1, 60)) FROM gazetteer_points WHERE fid = 1')"
info=$(ogrinfo -ro -al -so "$T/m.gpkg" gazetteer_points 2>&1)
case "$info" in *"Geometry: Multi Point"*"Feature Count: 179"*) ;; *) fail "ogrinfo multipoint: $info" ;; esac

# Places without any geometry go to an attributes table.
printf 'name,class,division_code\n宝珠庵,纪念地,445322106\n' >"$T/nogeom.csv"
must import names "$T/nogeom.csv"
run export gazetteer --division 445322106 -o "$T/n.gpkg"
expect_rc 0
[ "$(sqlite3 "$T/n.gpkg" "SELECT data_type FROM gpkg_contents WHERE table_name = 'gazetteer_unlocated'")" = attributes ] ||
	fail "attributes table"
[ "$(sqlite3 "$T/n.gpkg" "SELECT 标准名称 FROM gazetteer_unlocated")" = 宝珠庵 ] || fail "unlocated place"
info=$(ogrinfo -ro -al -so "$T/n.gpkg" 2>&1)
case "$info" in *"Layer name: gazetteer_unlocated"*"Geometry: None"*) ;; *) fail "ogrinfo: $info" ;; esac

# A bad request leaves no file.
run export gazetteer --division 445322 --class 火星 -o "$T/bad.gpkg"
expect_rc 2
[ ! -e "$T/bad.gpkg" ] || fail "bad.gpkg written"
expect_no_temp
