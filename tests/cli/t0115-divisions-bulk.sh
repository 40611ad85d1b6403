# A load into an empty division table (the bulk path: rows held, sorted by
# code, written with a rollback journal, the name index noted once) gives
# the same registry as row-by-row loading, whatever the order of the file.
. "$ROOT/tests/cli/lib.sh"
csv="$DATA/divisions-yunfu-jiangmen.csv"
rows="SELECT group_concat(code || '|' || name || '|' || level || '|' || ifnull(parent_code, ''), ',')
      FROM (SELECT * FROM division ORDER BY code)"

# Reference: the first row alone (bulk, one row), then the rest row by row.
must init
head -2 "$csv" >"$T/first.csv"
must import divisions "$T/first.csv"
must import divisions "$csv"
expect_err_has "2496 read, 2495 new, 1 unchanged"
ref=$(sqlite3 "$DIMING_DB" "$rows")

# Villages first, then the rest backwards, with one row twice in the middle.
{
	head -1 "$csv"
	tail -n +2 "$csv" | awk -F, '$4 == "village"'
	tail -n +2 "$csv" | awk -F, '$4 != "village"' | tac
	sed -n 3p "$csv"
} >"$T/shuffled.csv"
must --db "$T/b.sqlite" init
must --db "$T/b.sqlite" import divisions "$T/shuffled.csv"
expect_err_has "2497 read, 2496 new, 1 unchanged"
[ "$(sqlite3 "$T/b.sqlite" "$rows")" = "$ref" ] || fail "bulk load differs from row-by-row"
[ "$(sqlite3 "$T/b.sqlite" 'PRAGMA journal_mode')" = wal ] || fail "not back to WAL"
[ ! -e "$T/b.sqlite-journal" ] || fail "rollback journal left behind"
[ "$(sqlite3 "$T/b.sqlite" "SELECT count(*) FROM sqlite_master WHERE name = 'name_pending_ins'")" = 1 ] ||
	fail "name index trigger not restored"
[ "$(sqlite3 "$T/b.sqlite" 'PRAGMA integrity_check')" = ok ] || fail "integrity"

# Every division is in the name index after the load.
run --db "$T/b.sqlite" name search 都城镇 --by exact --json
expect_rc 0
[ "$(json_get '$[0].division_code')" = 445322100 ] || fail "town not indexed: $out"
run --db "$T/b.sqlite" name search yunan --by pinyin --json
expect_out_has '"name":"郁南县"'
[ "$(sqlite3 "$T/b.sqlite" 'SELECT count(*) FROM name_pending')" = 0 ] || fail "name_pending not cleared"
[ "$(sqlite3 "$T/b.sqlite" "SELECT count(*) FROM name_index WHERE src = 'd'")" = 2496 ] ||
	fail "name index rows for divisions"

# A full rebuild marks every division stale with one row and recomputes
# the same keys.
keys="SELECT group_concat(name || pkey || pinit || core, ',') FROM (SELECT * FROM name_index ORDER BY src, ref)"
k1=$(sqlite3 "$T/b.sqlite" "$keys")
sqlite3 "$T/b.sqlite" "UPDATE name_index SET pkey = 'x' WHERE src = 'd'"
run --db "$T/b.sqlite" name reindex
expect_rc 0
expect_err_has "2496 divisions"
[ "$(sqlite3 "$T/b.sqlite" "$keys")" = "$k1" ] || fail "reindex changed the keys"
[ "$(sqlite3 "$T/b.sqlite" 'SELECT count(*) FROM name_pending')" = 0 ] || fail "name_pending after reindex"

# A bad row at the end of a bulk load: exit 2, nothing written, still WAL,
# the trigger still there.
must --db "$T/c.sqlite" init
SNAPDB="$T/c.sqlite"
{ cat "$csv"; echo '445322999999,无父村,445322999000,village'; } >"$T/bad.csv"
before=$(sqlite3 "$SNAPDB" .dump | grep -v -E 'spatialite_history|sql_statements_log' | sha256sum)
run --db "$T/c.sqlite" import divisions "$T/bad.csv"
expect_rc 2
expect_err_has "bad.csv:2498: field 'parent_code': parent division '445322999' does not exist"
after=$(sqlite3 "$SNAPDB" .dump | grep -v -E 'spatialite_history|sql_statements_log' | sha256sum)
[ "$before" = "$after" ] || fail "a failed bulk load changed the registry"
[ "$(sqlite3 "$T/c.sqlite" 'PRAGMA journal_mode')" = wal ] || fail "not back to WAL after failure"
[ "$(sqlite3 "$T/c.sqlite" "SELECT count(*) FROM sqlite_master WHERE name = 'name_pending_ins'")" = 1 ] ||
	fail "trigger lost after failure"

# With another connection reading, the load stays in WAL (it cannot take
# the registry alone) and still succeeds.
must --db "$T/d.sqlite" init
mkfifo "$T/fifo"
sqlite3 "$T/d.sqlite" <"$T/fifo" >/dev/null 2>&1 &
reader=$!
exec 9>"$T/fifo"
echo "BEGIN; SELECT count(*) FROM config;" >&9
sleep 0.3
run --db "$T/d.sqlite" import divisions "$csv"
expect_rc 0
expect_err_has "2496 read, 2496 new"
echo "COMMIT;" >&9
exec 9>&-
wait "$reader"
[ "$(sqlite3 "$T/d.sqlite" 'PRAGMA journal_mode')" = wal ] || fail "not WAL with a reader"
[ "$(sqlite3 "$T/d.sqlite" "$rows")" = "$ref" ] || fail "load beside a reader differs"
