# lib-export.sh - sourced by the export tests (t07xx): lib.sh plus a registry
# holding the divisions and county outlines of 云浮市/江门市 and the 177 行政村
# of 郁南县 (tests/fixtures/names-yunan.csv), and helpers.
. "$ROOT/tests/cli/lib.sh"

# The contract columns, in order (issue 7).
COLUMNS="标准名称,罗马字母拼写,专名,通名,地名类别,类别代码,所在政区,政区代码,经度,纬度,地名含义,地名来历,历史沿革,曾用名,批准机关,批准文号,批准时间,公告时间,状态,销名时间"

setup_yunan() {
	must init
	must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
	must import divisions "$DATA/counties-yunfu.geojson"
	must import names "$FIX/names-yunan.csv"
}

# One more place whose texts need CSV quoting (comma, quotes, a line
# break) and JSON escaping; the position is approximate.
add_quoted_place() {
	printf '%s\n' 'name,class,division_code,lon,lat,meaning,origin,history,former_names' \
		'大湾圩,农村居民点,445322111,111.4521,23.1043,"因地处大湾而名，""湾""指河湾","清代成圩' \
		'民国沿用",1958年属大湾公社,大湾墟;湾圩' >"$T/quoted.csv"
	must import names "$T/quoted.csv"
}

# An area and a line: 郁南县 itself with its real outline (county polygon
# of data/counties-yunfu.geojson, feature 1), and a river line whose
# vertices are approximate (no real river data is bundled).
add_shapes() {
	sqlite3 :memory: "SELECT json_object('type', 'FeatureCollection', 'features', json_array(
		json_object('type', 'Feature',
			'properties', json_object('name', '郁南县', 'class', '县级行政区域', 'division_code', '445322'),
			'geometry', json_extract(readfile('$DATA/counties-yunfu.geojson'), '\$.features[1].geometry')),
		json_object('type', 'Feature',
			'properties', json_object('name', '南江', 'class', '河流', 'division_code', '445322'),
			'geometry', json('{\"type\":\"LineString\",\"coordinates\":[[111.55,22.85],[111.58,22.95],[111.62,23.05],[111.66,23.15]]}'))))" \
		>"$T/shapes.geojson"
	[ "$(sqlite3 :memory: "SELECT json_extract(readfile('$DATA/counties-yunfu.geojson'), '\$.features[1].properties.name')")" = 郁南县 ] ||
		fail "feature 1 of counties-yunfu.geojson is not 郁南县"
	must import names "$T/shapes.geojson"
}

# No temporary export file left behind in $T.
expect_no_temp() {
	ls "$T" | grep -q '\.tmp-' && fail "a temporary file was left: $(ls "$T")"
	return 0
}

# The number of CSV records in a file (sqlite3 reads RFC 4180), BOM dropped.
csv_records() {
	tail -c +4 "$1" >"$T/.nobom.csv"
	sqlite3 :memory: ".import --csv $T/.nobom.csv t" "SELECT count(*) FROM t"
}
