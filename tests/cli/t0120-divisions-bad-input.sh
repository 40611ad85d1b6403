# Bad input: a clear message naming file, line or feature, and field; exit 2;
# the registry exactly as it was.
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
snapshot

bad() { # bad FILE EXPECTED-STDERR [options]
	local f=$1 msg=$2
	shift 2
	run import divisions "$f" "$@"
	expect_rc 2
	expect_err "$msg"
	expect_unchanged
}

# A row with a missing field (after good rows, which must not be kept).
printf 'code,name,parent_code\n445322100,都城镇,445322\n445399,新县\n' > "$T/short.csv"
bad "$T/short.csv" "diming: error: $T/short.csv:3: expected 3 fields, found 2"

# An unterminated quote.
printf 'code,name\n445398,"新区\n445397,x\n' > "$T/quote.csv"
bad "$T/quote.csv" "diming: error: $T/quote.csv:2: unterminated quoted field"

# Invalid UTF-8 without --encoding (a GB18030 file).
bad "$FIX/divisions-yunan-gb18030.csv" "diming: error: $FIX/divisions-yunan-gb18030.csv:2: invalid UTF-8 (for GB18030 files use --encoding gb18030)"

# A parent code that does not exist.
printf 'code,name,parent_code\n445396,新县,445322\n445395100,某镇,445399\n' > "$T/parent.csv"
bad "$T/parent.csv" "diming: error: $T/parent.csv:2: field 'parent_code': '445322' is not above '445396'"
printf 'code,name,parent_code\n445395100,某镇,445399\n' > "$T/parent2.csv"
bad "$T/parent2.csv" "diming: error: $T/parent2.csv:2: field 'parent_code': parent division '445399' does not exist"

# A bad code and an empty name.
printf 'code,name\n44532,某县\n' > "$T/code.csv"
bad "$T/code.csv" "diming: error: $T/code.csv:2: field 'code': not a division code (2, 4, 6, 9 or 12 digits): '44532'"
printf 'code,name\n445394,\n' > "$T/name.csv"
bad "$T/name.csv" "diming: error: $T/name.csv:2: field 'name': empty"
printf 'id,title\n1,x\n' > "$T/header.csv"
bad "$T/header.csv" "diming: error: $T/header.csv:1: header must name at least 'code' and 'name'"

# A file that does not exist.
bad "$T/nope.csv" "diming: error: $T/nope.csv: cannot open: No such file or directory"

# A GeoJSON with a self-intersecting polygon (a bow tie) under --strict;
# without --strict it is repaired with a warning.
cat > "$T/bowtie.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","id":"445322","properties":{"name":"郁南县"},
 "geometry":{"type":"Polygon","coordinates":[[[111.4,23.1],[111.6,23.3],[111.6,23.1],[111.4,23.3],[111.4,23.1]]]}}]}
JSON
bad "$T/bowtie.geojson" "diming: error: $T/bowtie.geojson: feature 1 (id 445322): field 'geometry': invalid polygon: Self-intersection[111.5 23.2]" --strict
run import divisions "$T/bowtie.geojson"
expect_rc 0
expect_err_has "diming: warning: $T/bowtie.geojson: feature 1 (id 445322): field 'geometry': invalid polygon repaired (Self-intersection[111.5 23.2])"
snapshot

# Not a FeatureCollection; a LineString; malformed JSON.
printf '{"type":"Feature"}' > "$T/f.geojson"
bad "$T/f.geojson" "diming: error: $T/f.geojson: not a GeoJSON FeatureCollection"
printf '{"type":"FeatureCollection","features":[{"type":"Feature","id":"445322","properties":{"name":"郁南县"},"geometry":{"type":"LineString","coordinates":[[111,23],[112,24]]}}]}' > "$T/l.geojson"
bad "$T/l.geojson" "diming: error: $T/l.geojson: feature 1 (id 445322): field 'geometry': geometry is a LineString, not a Polygon or MultiPolygon"
printf '{"type":"FeatureCollection","features":[\n{]}' > "$T/j.geojson"
run import divisions "$T/j.geojson"
expect_rc 2
expect_err_has "diming: error: $T/j.geojson:2: not valid JSON"
expect_unchanged

# Usage errors.
run import divisions
expect_rc 2
run import divisions "$T/x.csv" --encoding latin1
expect_rc 2
run import kittens x
expect_rc 2
expect_err "diming: error: unknown kind 'kittens' (see 'diming import --help')"
