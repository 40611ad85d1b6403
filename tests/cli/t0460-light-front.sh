# the light front end: build/diming links no SpatiaLite, GEOS or PROJ,
# serves check, name search, pinyin, config and audit itself, and execs
# diming-full (next to it, or $DIMING_FULL) on the same command line for
# everything else: same output, messages and exit codes either way.
. "$ROOT/tests/cli/lib.sh"
FULL=$(dirname "$DIMING")/diming-full
[ -x "$FULL" ] || fail "no diming-full next to $DIMING"

libs=$(ldd "$DIMING") || fail "ldd $DIMING"
bad=$(printf '%s\n' "$libs" | grep -E 'libspatialite|libproj|libgeos') && fail "the light executable links: $bad"
ldd "$FULL" | grep -q libspatialite || fail "diming-full does not link libspatialite"

# Handed over: init and the imports need SpatiaLite, GEOS and PROJ.
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
must import divisions "$DATA/counties-yunfu.geojson"
must import names "$FIX/names-yunan.csv"

# Light commands with no full executable to hand over to: served here.  The
# first one builds the name index in a write transaction of its own.
dup="error    duplicate         冲口村: '冲口村' (proposed in 445322100201) has the same 专名 as '冲口村' (place 35 in 445322102211) within 郁南县 (county scope, 条例 art. 9(8))
error    duplicate         冲口村: '冲口村' (proposed in 445322100201) has the same 专名 as '冲口村' (place 71 in 445322105216) within 郁南县 (county scope, 条例 art. 9(8))"
DIMING_FULL=/nonexistent run check name 冲口村 --division 445322100201 --class 行政村
expect_rc 1
expect_out "$dup"
expect_err ""
light_out=$out
DIMING_FULL=/nonexistent run name search 银盆
expect_rc 0
expect_out_has "银盆村民委员会"
DIMING_FULL=/nonexistent run check names --division 445322 --class 街路巷 --json
expect_rc 0
expect_out "[]"
DIMING_FULL=/nonexistent run pinyin 郁南县
expect_rc 0
expect_out "Yunan Xian"
DIMING_FULL=/nonexistent run config set scope.table 2022
expect_rc 0
DIMING_FULL=/nonexistent run audit verify
expect_rc 0
expect_out_has "audit log intact"

# The same from diming-full itself.
"$FULL" check name 冲口村 --division 445322100201 --class 行政村 >"$T/full.out" 2>"$T/full.err"
[ $? -eq 1 ] || fail "diming-full check name: exit status"
[ "$(cat "$T/full.out")" = "$light_out" ] || fail "diming-full check name: [$(cat "$T/full.out")]"
[ -s "$T/full.err" ] && fail "diming-full check name: stderr $(cat "$T/full.err")"
for args in "--help" "check --help" "frobnicate" "name search 银盆 --by nonsense"; do
	# shellcheck disable=SC2086
	run $args
	light="$rc|$out|$err"
	# shellcheck disable=SC2086
	DIMING=$FULL run $args
	[ "$light" = "$rc|$out|$err" ] || fail "'$args': light [$light], full [$rc|$out|$err]"
done

# A full command through the hand-over: geodesic area, SpatiaLite version.
run --db "$DIMING_DB" --as someone division show 445322 --json
expect_rc 0
[ "$(json_get '$.name')" = 郁南县 ] || fail name
area=$(json_get '$.area_km2')
awk -v a="$area" 'BEGIN { exit !(a > 1950 && a < 1975) }' || fail "area $area"
run --version
expect_rc 0
expect_out_has "SpatiaLite "
expect_out_has "PROJ "
# name serves search only; show reads the geometry.
run name show 35 --json
expect_rc 0
[ "$(json_get '$.geometry.type')" = Point ] || fail "name show geometry"
run division show 999999
expect_rc 2
expect_err "diming: error: no division with code '999999'"

# No full executable: a clear error, exit 3, nothing on stdout.
DIMING_FULL=/nonexistent run division show 445322
expect_rc 3
expect_out ""
expect_err "diming: error: cannot run the full executable '/nonexistent': No such file or directory"
DIMING_FULL=/nonexistent run name show 35
expect_rc 3
DIMING_FULL=/nonexistent run --version
expect_rc 3
DIMING_FULL=$DIMING run division show 445322
expect_rc 3
expect_err "diming: error: cannot run the full executable '$DIMING': it is this light one"

# A registry that needs a migration is handed over (migrations run
# SpatiaLite SQL): diming-full migrates it and answers, options after the
# name and all.
# (Migration 5 made place_event_named: the file is at version 4 again.)
sqlite3 "$DIMING_DB" "DROP INDEX place_event_named; PRAGMA user_version=4;"
DIMING_FULL=/nonexistent run check name 冲口村 --division 445322100201 --class 行政村
expect_rc 3
expect_err_has "cannot run the full executable '/nonexistent'"
[ "$(sqlite3 "$DIMING_DB" 'PRAGMA user_version')" = 4 ] || fail "the light executable migrated"
run check name 冲口村 --division 445322100201 --class 行政村
expect_rc 1
expect_out "$dup"
[ "$(sqlite3 "$DIMING_DB" 'PRAGMA user_version')" = 5 ] || fail "not migrated"
