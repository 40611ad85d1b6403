# audit: a row edited behind diming's back is caught by `audit verify`.
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
must import names "$FIX/names-yunan.csv"
must case new renaming --place 1 --name 银盆新村
must case submit 1 --as wang
must case review 1 --as li --expert "专家论证" --consultation "征求意见"
must case approve 1 --as chen --authority 郁南县人民政府 --doc-number 1号
run audit verify
expect_rc 0
n=$(sqlite3 "$DIMING_DB" 'SELECT count(*) FROM audit')
expect_out "audit log intact: $n entries"

# The trigger refuses the edit ...
if sqlite3 "$DIMING_DB" "UPDATE audit SET actor = 'wang' WHERE summary LIKE 'case 1: approve%'" 2>/dev/null; then
	fail "the audit_no_update trigger let an edit through"
fi
# ... so drop it first, as someone covering their tracks would.
id=$(sqlite3 "$DIMING_DB" "SELECT id FROM audit WHERE summary LIKE 'case 1: approve%'")
sqlite3 "$DIMING_DB" "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'wang' WHERE id = $id"
run audit verify
expect_rc 1
expect_out ""
expect_err "diming: error: audit entry $id: contents do not match its hash: the entry was edited"
