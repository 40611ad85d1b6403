# import monuments, refused: each refusal names file, line and field, exits 2
# and leaves the registry exactly as it was (even after good rows).
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
must import divisions "$DATA/counties-yunfu.geojson"
must import boundaries "$DATA/boundaries-yunan-sample.geojson"
must import monuments "$DATA/monuments-yunan-sample.csv"
snapshot

H='number,boundary_code,type,x,y,srs,ref1_name,ref1_azimuth,ref1_distance_m,ref2_name,ref2_azimuth,ref2_distance_m,ref3_name,ref3_azimuth,ref3_distance_m'
R=',电杆,114°03′,94.7,路碑,65-43,45.9,房角,261°52′,171.9'
AT=',2553002.642,37591284.383,EPSG:4525'
GOOD="T-001Q,445303-445322,Q$AT$R"     # a good row first: it must not stay

bad() { # bad ROWS EXPECTED-MESSAGE (after "diming: error: FILE")
	printf '%s\n%s\n%s\n' "$H" "$GOOD" "$1" > "$T/m.csv"
	run import monuments "$T/m.csv"
	expect_rc 2
	expect_err "diming: error: $T/m.csv$2"
	expect_unchanged
}

# number unique per line: in the file, and against the registry
bad "T-001Q,445303-445322,Q$AT$R" \
	":3: field 'number': monument 'T-001Q' appears twice on line '445303-445322' (lines 2 and 3)"
bad "445303-445322-002Q,445303-445322,Q,2553002.642,37591284.383,EPSG:4525,电杆,114°03′,94.7,路碑,65-43,45.9,房角,261°52′,171.9" \
	":3: field 'number': monument '445303-445322-002Q' of line '445303-445322' is registered with another h (use --update to replace it)"
# type letters that do not fit the group
bad "T-005A,445303-445322,A$AT$R" \
	":3: field 'type': pair 'T-005' on line '445303-445322' has A but no B (members carry their type letter: T-005A, T-005B)"
bad "$(printf 'T-005C,445303-445322,C%s%s\nT-005D,445303-445322,D%s%s' "$AT" "$R" "$AT" "$R")" \
	":3: field 'type': triple 'T-005' on line '445303-445322' has C, D but no E (members carry their type letter: T-005C, T-005D, T-005E)"
bad "$(printf 'T-005A,445303-445322,A%s%s\nT-005C,445303-445322,C%s%s' "$AT" "$R" "$AT" "$R")" \
	":3: field 'type': group 'T-005' on line '445303-445322' mixes a pair (A, B) and a triple (C, D, E)"
bad "$(printf 'T-001A,445303-445322,A%s%s\nT-001B,445303-445322,B%s%s' "$AT" "$R" "$AT" "$R")" \
	":2: field 'number': single monument (Q) 'T-001Q' shares its number with 'T-001A' on line '445303-445322'"
bad "T-005A,445303-445322,B$AT$R" \
	":3: field 'type': 'B' disagrees with the type letter of number 'T-005A'"
bad "T-005Z,445303-445322,Z$AT$R" \
	":3: field 'type': not a monument type (Q single; A, B a pair; C, D, E a triple): 'Z'"
# a line that does not exist
bad "T-005Q,445303-445399,Q$AT$R" \
	":3: field 'boundary_code': no boundary line '445303-445399' in the registry (import or derive it first)"
# coordinates (geo_crs refusals)
bad "T-005Q,445303-445322,Q,2553002.642,38591284.383,EPSG:4525$R" \
	":3: field 'y': zone prefix 38 disagrees with zone 37 of EPSG:4525: '38591284.383'"
bad "T-005Q,445303-445322,Q,37591284.383,2553002.642,$R" \
	":3: field 'x': has 8 digits, x and y look swapped (x is the northing, 7 digits in China): '37591284.383'"
bad "T-005Q,445303-445322,Q,2553002.642,,EPSG:4525$R" \
	":3: field 'y': empty"
# reference objects
bad "T-005Q,445303-445322,Q$AT,电杆,114°03′,,路碑,65-43,45.9,房角,261°52′,171.9" \
	":3: field 'ref1_distance_m': empty (a reference object needs a name, an azimuth and a distance)"
bad "T-005Q,445303-445322,Q$AT,电杆,114°73′,94.7,路碑,65-43,45.9,房角,261°52′,171.9" \
	":3: field 'ref1_azimuth': not an azimuth (degrees and minutes as 227°10′, or decimal degrees): '114°73′'"
bad "T-005Q,445303-445322,Q$AT,电杆,114°03′,-5,路碑,65-43,45.9,房角,261°52′,171.9" \
	":3: field 'ref1_distance_m': not a positive distance: '-5'"

# A header without coordinates.
printf 'number,boundary_code,type\nT-1Q,445303-445322,Q\n' > "$T/h.csv"
run import monuments "$T/h.csv"
expect_rc 2
expect_err "diming: error: $T/h.csv:1: header must name x and y, or lon and lat"
expect_unchanged

# Provincial lines: 8 characters, the line's code, the type letter.
printf 'code,name\n45,广西壮族自治区\n' > "$T/gx.csv"
must import divisions "$T/gx.csv"
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"4445","name":"广东—广西线（测试）","level":"province","left_code":"44","right_code":"45"},"geometry":{"type":"LineString","coordinates":[[111.5,23],[111.6,23]]}}]}' > "$T/p.geojson"
must import boundaries "$T/p.geojson"
snapshot
printf 'number,boundary_code,type,lon,lat\n4445001Q,4445,Q,111.55,23\n4445002,4445,Q,111.56,23\n' > "$T/p.csv"
run import monuments "$T/p.csv"
expect_rc 2
expect_err "diming: error: $T/p.csv:3: field 'number': '4445002' is not a provincial monument number (4-digit line code, 3-digit sequence, type letter: 8 characters)"
expect_unchanged
printf 'number,boundary_code,type,lon,lat\n1253001Q,4445,Q,111.55,23\n' > "$T/p.csv"
run import monuments "$T/p.csv"
expect_rc 2
expect_err "diming: error: $T/p.csv:2: field 'number': line code '1253' of '1253001Q' is not the line's code '4445'"
expect_unchanged

# Warnings do not refuse: fewer than 3 方位物, a single monument off its line
# (50 m east of 002Q, 40.90 m from the line there).
printf '%s\n%s\n' "$H" "T-001Q,445303-445322,Q,2553002.642,37591334.383,EPSG:4525,电杆,114°03′,94.7,,,,,," > "$T/w.csv"
run import monuments "$T/w.csv"
expect_rc 0
expect_err_has "diming: warning: $T/w.csv:2: monument 'T-001Q' has 1 reference objects (方位物), at least 3 expected"
expect_err_has "diming: warning: $T/w.csv:2: single monument (Q) 'T-001Q' lies 40.90 m from line '445303-445322' (tolerance 2.83 m)"
expect_err_has ": 1 read, 1 new, 0 unchanged, 0 replaced, 2 warnings"
