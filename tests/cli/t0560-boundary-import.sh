# import boundaries: the sample lines of 郁南县; every refusal exits 2 with the
# feature and field named and leaves the registry as it was.
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"

run import boundaries "$DATA/boundaries-yunan-sample.geojson"
expect_rc 0
expect_out ""
expect_err "diming: boundary lines from $DATA/boundaries-yunan-sample.geojson: 2 read, 2 new, 0 unchanged, 0 replaced"
run boundary show 445303-445322
expect_out_has "agreement   样例（非真实数据）：云安区—郁南县行政区域界线协议书
approved    2001-12-31
inspected   2019-10-15
source      imported"
run import boundaries "$DATA/boundaries-yunan-sample.geojson"
expect_rc 0
expect_err_has ": 2 read, 0 new, 2 unchanged, 0 replaced"
snapshot

bad() { # bad JSON EXPECTED-STDERR [exit]
	printf '%s' "$1" > "$T/b.geojson"
	run import boundaries "$T/b.geojson"
	expect_rc "${3:-2}"
	expect_err "$2"
	expect_unchanged
}
F='{"type":"FeatureCollection","features":[{"type":"Feature","properties":{'
L='},"geometry":{"type":"LineString","coordinates":[[111.5,23],[111.6,23]]}}]}'
P='"code":"x-y","name":"甲线"'

bad "$F$P,\"left_code\":\"445322\",\"right_code\":\"445399\"$L" \
	"diming: error: $T/b.geojson: feature 1 (code x-y): field 'properties.right_code': division '445399' does not exist"
bad "$F$P,\"left_code\":\"445322\"$L" \
	"diming: error: $T/b.geojson: feature 1 (code x-y): field 'properties.right_code': missing"
bad "$F\"name\":\"甲线\",\"left_code\":\"445322\",\"right_code\":\"445381\"$L" \
	"diming: error: $T/b.geojson: feature 1 (code ?): field 'properties.code': missing"
bad "$F$P,\"level\":\"town\",\"left_code\":\"445322\",\"right_code\":\"445381\"$L" \
	"diming: error: $T/b.geojson: feature 1 (code x-y): field 'properties.level': 'town' is below the divisions the line separates (county)"
bad "$F$P,\"approved\":\"2001-02-30\",\"left_code\":\"445322\",\"right_code\":\"445381\"$L" \
	"diming: error: $T/b.geojson: feature 1 (code x-y): field 'properties.approved': not a date (YYYY-MM-DD): '2001-02-30'"
bad "$F$P,\"left_code\":\"445322\",\"right_code\":\"445381\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[111.5,23]}}]}" \
	"diming: error: $T/b.geojson: feature 1 (code x-y): field 'geometry': geometry is a Point, not a LineString or MultiLineString"
# the same code twice: the first feature must not stay
bad "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{$P,\"left_code\":\"445322\",\"right_code\":\"445381\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[111.5,23],[111.6,23]]}},{\"type\":\"Feature\",\"properties\":{$P,\"left_code\":\"445322\",\"right_code\":\"445381\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[111.5,23],[111.6,23]]}}]}" \
	"diming: error: $T/b.geojson: feature 2 (code x-y): field 'properties.code': line 'x-y' appears twice (features 1 and 2)"
bad '{"type":"Feature"}' "diming: error: $T/b.geojson: not a GeoJSON FeatureCollection"
# a registered line with other values: a conflict (exit 1) until --update
sed 's/云安区—郁南县线"/云安—郁南线"/' "$DATA/boundaries-yunan-sample.geojson" > "$T/renamed.geojson"
run import boundaries "$T/renamed.geojson"
expect_rc 1
expect_err "diming: error: $T/renamed.geojson: feature 1 (code 445303-445322): field 'properties.name': conflict: line '445303-445322' is registered with another name (use --update to replace it)
diming: error: $T/renamed.geojson: 1 conflicts; nothing written (use --update to replace)"
expect_unchanged
run import boundaries "$T/renamed.geojson" --update
expect_rc 0
expect_err_has ": 2 read, 0 new, 1 unchanged, 1 replaced"
run import boundaries
expect_rc 2
expect_err "diming: error: expected one FILE (see 'diming import boundaries --help')"
