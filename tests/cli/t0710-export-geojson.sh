# export gazetteer --format geojson: an RFC 7946 FeatureCollection with the
# contract columns as properties, [lon, lat] positions and the CGCS2000 crs
# note, that GDAL reads.
. "$ROOT/tests/cli/lib-export.sh"
setup_yunan
add_quoted_place
add_shapes

run export gazetteer --division 445322 -o "$T/y.geojson"
expect_rc 0
expect_err "diming: 180 places written to $T/y.geojson (geojson)"
j() { sqlite3 :memory: "SELECT json_extract(readfile('$T/y.geojson'), '$1')"; }
[ "$(sqlite3 :memory: "SELECT json_valid(readfile('$T/y.geojson'))")" = 1 ] || fail "not valid JSON"
[ "$(j '$.type')" = FeatureCollection ] || fail type
[ "$(j '$.name')" = 郁南县标准地名录 ] || fail name
[ "$(j '$.crs.properties.name')" = urn:ogc:def:crs:EPSG::4490 ] || fail crs
[ "$(j '$.features[#-1].type')" = Feature ] || fail "feature type"
[ "$(sqlite3 :memory: "SELECT json_array_length(readfile('$T/y.geojson'), '$.features')")" = 180 ] ||
	fail "feature count"
# Feature 1 is place 1, 银盆村: [lon, lat], all 20 properties in order, null when empty.
[ "$(j '$.features[0].id')" = 1 ] || fail "feature id"
[ "$(j '$.features[0].geometry')" = '{"type":"Point","coordinates":[111.608622,23.042789]}' ] ||
	fail "geometry: $(j '$.features[0].geometry')"
keys=$(sqlite3 :memory: "SELECT group_concat(key, ',') FROM json_each(readfile('$T/y.geojson'), '$.features[0].properties')")
[ "$keys" = "$COLUMNS" ] || fail "properties: $keys"
[ "$(j '$.features[0].properties.经度')" = 111.608622 ] || fail "经度 is a number"
[ "$(j '$.features[0].properties.地名含义')" = "" ] || fail "empty is null"
[ "$(j '$.features[0].properties.状态')" = 现今 ] || fail 状态
# Escaping: the quotes and the line break of 大湾圩 come back as written.
[ "$(j '$.features[177].properties.地名含义')" = '因地处大湾而名，"湾"指河湾' ] || fail "quotes"
[ "$(j '$.features[177].properties.地名来历')" = $'清代成圩\n民国沿用' ] || fail "line break"
# The area keeps its real outline; the line its vertices.
[ "$(j '$.features[178].geometry.type')" = MultiPolygon ] || fail "area: $(j '$.features[178].geometry.type')"
[ "$(j '$.features[179].geometry.coordinates[3]')" = '[111.66,23.15]' ] || fail "line"

# GDAL reads it: 180 features, CGCS2000.
info=$(ogrinfo -ro -al -so "$T/y.geojson" 2>&1) || fail "ogrinfo: $info"
case "$info" in *"Feature Count: 180"*) ;; *) fail "ogrinfo count: $info" ;; esac
case "$info" in *'ID["EPSG",4490]'*) ;; *) fail "ogrinfo CRS: $info" ;; esac
case "$info" in *"标准名称: String"*"经度: Real"*) ;; *) fail "ogrinfo fields: $info" ;; esac

# An empty selection is an empty collection.
run export gazetteer --division 445322 --class 公园 -o "$T/none.geojson"
expect_rc 0
expect_err "diming: 0 places written to $T/none.geojson (geojson)"
[ "$(sqlite3 :memory: "SELECT json_array_length(readfile('$T/none.geojson'), '$.features')")" = 0 ] ||
	fail "empty collection"
