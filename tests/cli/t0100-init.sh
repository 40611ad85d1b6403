# init: creates a registry, refuses an existing one; --version; help.
. "$ROOT/tests/cli/lib.sh"

run init
expect_rc 0
expect_out "created registry $DIMING_DB (schema version $(sqlite3 "$DIMING_DB" 'PRAGMA user_version'))"
[ "$(sqlite3 "$DIMING_DB" 'PRAGMA journal_mode')" = wal ] || fail "not WAL"
[ "$(sqlite3 "$DIMING_DB" 'SELECT count(*) FROM spatial_ref_sys WHERE srid IN (4326,4490,4491,4513,4534,4554)')" = 6 ] || fail "SRIDs missing"
[ "$(sqlite3 "$DIMING_DB" 'SELECT count(*) FROM spatial_ref_sys WHERE srid BETWEEN 4491 AND 4554')" = 64 ] || fail "GK zones missing"
[ "$(sqlite3 "$DIMING_DB" 'SELECT actor || "|" || summary FROM audit')" = "tester|created the registry" ] || fail "audit"

snapshot
run init
expect_rc 2
expect_err "diming: error: registry '$DIMING_DB' already exists"
expect_unchanged

# --db wins over DIMING_DB; --as names the actor.
run --db "$T/other.sqlite" --as 王科长 init
expect_rc 0
[ "$(sqlite3 "$T/other.sqlite" 'SELECT actor FROM audit')" = 王科长 ] || fail "--as"

run --version
expect_rc 0
expect_out_has "SQLite 3."
expect_out_has "SpatiaLite 5."
expect_out_has "GEOS 3."
expect_out_has "PROJ "

run --help
expect_rc 0
expect_out_has "usage: diming"
run init --help
expect_rc 0
expect_out_has "usage: diming [--db FILE] init"

run frobnicate
expect_rc 2
expect_err "diming: error: 'frobnicate' is not a diming command (see 'diming --help')"

# No registry: a usage error, not a new empty file.
run --db "$T/none.sqlite" division show 44
expect_rc 2
expect_err_has "no registry at '$T/none.sqlite'"
[ ! -e "$T/none.sqlite" ] || fail "a registry was created by a read"
