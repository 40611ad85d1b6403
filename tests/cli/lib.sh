# lib.sh - sourced by every CLI test: a temp registry and assertions.
#
#   run ARGS...            runs "$DIMING ARGS", sets $out, $err and $rc
#   expect_rc N            exact exit status
#   expect_out TEXT        exact stdout;  expect_out_has TEXT  substring
#   expect_err TEXT        exact stderr;  expect_err_has TEXT  substring
#   snapshot / expect_unchanged   the registry's content did not change
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
DATA="$ROOT/data"
FIX="$ROOT/tests/fixtures"
export DIMING_DB="$T/reg.sqlite" DIMING_USER=tester LC_ALL=C.UTF-8
unset DIMING_NOW

fail() { echo "FAIL: $*" >&2; exit 1; }

run() {
	"$DIMING" "$@" >"$T/.out" 2>"$T/.err"
	rc=$?
	out=$(cat "$T/.out")
	err=$(cat "$T/.err")
}

# Run a command that must succeed (set-up steps).
must() {
	run "$@"
	[ "$rc" -eq 0 ] || fail "'diming $*' exited $rc: $err"
}

expect_rc() { [ "$rc" -eq "$1" ] || fail "expected exit $1, got $rc (stderr: $err)"; }
expect_out() { [ "$out" = "$1" ] || fail "stdout: expected [$1], got [$out]"; }
expect_err() { [ "$err" = "$1" ] || fail "stderr: expected [$1], got [$err]"; }
expect_out_has() { case "$out" in *"$1"*) ;; *) fail "stdout lacks [$1]: [$out]" ;; esac; }
expect_err_has() { case "$err" in *"$1"*) ;; *) fail "stderr lacks [$1]: [$err]" ;; esac; }
expect_out_lacks() { case "$out" in *"$1"*) fail "stdout has [$1]: [$out]" ;; esac; }

# The registry's user data (every table but SpatiaLite's bookkeeping).
fingerprint() {
	sqlite3 "$DIMING_DB" .dump | grep -v -E 'spatialite_history|sql_statements_log' | sha256sum
}
snapshot() { SNAP=$(fingerprint); }
expect_unchanged() { [ "$(fingerprint)" = "$SNAP" ] || fail "the registry changed"; }

# Read a value out of the JSON on stdout with SQLite's JSON functions
# (sqlite3 is already a dependency): json_get '$.code', json_get '$[0].name'.
json_get() {
	printf "SELECT json_extract(readfile('%s'), '%s');\n" "$T/.out" "$1" | sqlite3 :memory:
}
