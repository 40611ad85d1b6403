# coord: one point between CGCS2000 lon/lat, Gauss-Krüger zones and old datums,
# checked against PROJ's cs2cs; every refusal exits 2 with its message and
# nothing on stdout; no registry is touched.
. "$ROOT/tests/cli/lib.sh"

command -v cs2cs >/dev/null || fail "cs2cs (proj-bin) is needed"

# cs2cs SRC DST "A B" [FORMAT]: cs2cs's two output numbers, in its own
# (EPSG authority) axis order: lat lon for EPSG:4490, northing easting for GK.
cs2cs2() {
	printf '%s\n' "$3" | cs2cs -f "${4:-%.9f}" "$1" "$2" | awk '{print $1, $2}'
}
# Swap two words: cs2cs prints lat lon, diming lon lat.
swap() { awk '{print $2, $1}'; }

# 7-digit X + 8-digit Y: Gauss-Krüger, zone from the prefix (郁南县, 3° zone 37).
run coord 2570552.908 37554755.106
expect_rc 0
expect_err ""
expect_out "$(cs2cs2 EPSG:4525 EPSG:4490 '2570552.908 37554755.106' | swap)"
expect_out "111.534999999 23.233999997"

# a 6° zone prefix (19: CM 111°E)
run coord 2570552.908 19554755.106
expect_rc 0
expect_out "$(cs2cs2 EPSG:4497 EPSG:4490 '2570552.908 19554755.106' | swap)"

# no prefix: the zone is given
run coord 2570552.908 554755.106 --zone 37 --zone-width 3
expect_rc 0
expect_out "$(cs2cs2 EPSG:4546 EPSG:4490 '2570552.908 554755.106' | swap)"
run coord 2570552.908 554755.106 --zone 19
expect_rc 0
expect_out "$(cs2cs2 EPSG:4508 EPSG:4490 '2570552.908 554755.106' | swap)"

# --s-srs as EPSG code and as a PROJ string (天河, zone 38, CM 114°E)
run coord 2558490.721 434567.975 --s-srs EPSG:4547
expect_rc 0
expect_out "$(cs2cs2 EPSG:4547 EPSG:4490 '2558490.721 434567.975' | swap)"
run coord 2558490.721 38434567.975 --s-srs '+proj=tmerc +lon_0=114 +k=1 +x_0=38500000 +ellps=GRS80 +units=m'
expect_rc 0
expect_out "$(cs2cs2 EPSG:4526 EPSG:4490 '2558490.721 38434567.975' | swap)"

# lon lat to Gauss-Krüger: x y, northing first, 3 decimals
run coord 113.3612 23.1247 --t-srs EPSG:4526
expect_rc 0
expect_out "$(cs2cs2 EPSG:4490 EPSG:4526 '23.1247 113.3612' %.3f)"
expect_out "2558490.721 38434567.975"
run coord 111.535285 23.23456 --t-srs EPSG:4508
expect_rc 0
expect_out "$(cs2cs2 EPSG:4490 EPSG:4508 '23.23456 111.535285' %.3f)"

# zone to zone
run coord 2558490.721 38434567.975 --t-srs EPSG:4547
expect_rc 0
expect_out "$(cs2cs2 EPSG:4526 EPSG:4547 '2558490.721 38434567.975' %.3f)"

# lon lat stays lon lat by default
run coord 111.535 23.234
expect_rc 0
expect_out "111.535000000 23.234000000"
run coord 111.535 23.234 --s-srs EPSG:4326
expect_rc 0
expect_out "111.535000000 23.234000000"
expect_err ""

# --json
run coord 111.535285 23.23456 --t-srs EPSG:4525 --json
expect_rc 0
[ "$(json_get '$.srs')" = EPSG:4525 ] || fail "json srs: $out"
[ "$(json_get '$.x')" = "$(cs2cs2 EPSG:4490 EPSG:4525 '23.23456 111.535285' %.3f | awk '{print $1}')" ] || fail "json x: $out"
[ "$(json_get '$.y')" = "$(cs2cs2 EPSG:4490 EPSG:4525 '23.23456 111.535285' %.3f | awk '{print $2}')" ] || fail "json y: $out"
[ "$(json_get '$.zone')" = 37 ] || fail "json zone: $out"
[ "$(json_get '$.zone_width')" = 3 ] || fail "json zone_width: $out"
[ "$(json_get '$.source_srs')" = EPSG:4490 ] || fail "json source_srs: $out"
run coord 2570552.908 37554755.106 --json
expect_rc 0
[ "$(json_get '$.lon')" = 111.534999999 ] || fail "json lon: $out"
[ "$(json_get '$.lat')" = 23.233999997 ] || fail "json lat: $out"
[ "$(json_get '$.source_srs')" = EPSG:4525 ] || fail "json source_srs: $out"

# Xi'an 1980 and Beijing 1954: converted, with the caveat on stderr
xian="diming: warning: Xian 1980 is not CGCS2000 and PROJ has no transformation between them: latitude and longitude are taken over unchanged, so expect errors of up to tens of metres"
run coord 2570554.106 37554755.132 --s-srs EPSG:2361
expect_rc 0
expect_out "$(cs2cs2 EPSG:2361 EPSG:4490 '2570554.106 37554755.132' | swap)"
expect_err "$xian"
run coord 111.535 23.234 --t-srs EPSG:2413
expect_rc 0
expect_out "$(cs2cs2 EPSG:4490 EPSG:2413 '23.234 111.535' %.3f)"
expect_err "diming: warning: Beijing 1954 is not CGCS2000 and PROJ has no transformation between them: latitude and longitude are taken over unchanged, so expect errors of up to tens of metres"

# help
run coord --help
expect_rc 0
expect_out_has "usage: diming coord X Y"
expect_err ""

# refusals: exit 2, the message, nothing on stdout
bad() { # bad EXPECTED-STDERR ARGS...
	local msg=$1
	shift
	run coord "$@"
	expect_rc 2
	expect_out ""
	expect_err "$msg"
}
bad "diming: error: field 'y': zone prefix 37 disagrees with zone 38: '37554755.106'" \
	2570552.908 37554755.106 --zone 38
bad "diming: error: field 'y': zone prefix 37 disagrees with zone 38 of EPSG:4526: '37554755.106'" \
	2570552.908 37554755.106 --s-srs EPSG:4526
bad "diming: error: field 'x': has 8 digits, x and y look swapped (x is the northing, 7 digits in China): '37554755.106'" \
	37554755.106 2570552.908
bad "diming: error: field 'y': point at 113.200000°E lies outside zone 37 (111°E ±1.5°) of EPSG:4525: '37725254.346'" \
	2568390.861 37725254.346
bad "diming: error: field 'y': point at 114.500000°E lies outside zone 19 (111°E ±3°) of EPSG:4497: '19858452.835'" \
	2571003.319 19858452.835
bad "diming: error: field 'lon': point lies outside zone 37 (111°E ±1.5°) of EPSG:4525: '113.2'" \
	113.2 23.2 --t-srs EPSG:4525
bad "diming: error: fields 'lon' 'lat': point lies outside China (lon 73..136, lat 3..54): '140' '35'" \
	140 35
bad "diming: error: field 'lat': out of range, lon and lat look swapped (longitude comes first): '111.535'" \
	23.234 111.535
bad "diming: error: field 'y': no zone prefix, but EPSG:4525 expects one (37xxxxxx): '554755.106'" \
	2570552.908 554755.106 --s-srs EPSG:4525
bad "diming: error: fields 'x' 'y': neither lon/lat nor Gauss-Krüger with a zone prefix in y; give the srs or the zone: '2570552.908' '554755.106'" \
	2570552.908 554755.106
bad "diming: error: zone width 4: must be 3 or 6" \
	2570552.908 554755.106 --zone 37 --zone-width 4
bad "diming: error: srs 'EPSG:99999': not a coordinate reference system known to PROJ" \
	111.5 23.2 --s-srs EPSG:99999
bad "diming: error: field 'x': not a number: 'abc'" \
	abc 23.2
bad "diming: error: expected two coordinates X Y (see 'diming coord --help')" \
	111.5
bad "diming: error: --zone: not a number: 'x' (see 'diming coord --help')" \
	111.5 23.2 --zone x

# coord never opens the registry
[ ! -e "$DIMING_DB" ] || fail "coord created $DIMING_DB"
