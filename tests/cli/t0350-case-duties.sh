# case: separation of duties — the approver is neither submitter nor reviewer.
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
must import names "$FIX/names-yunan.csv"

run case new renaming --place 1 --name 银盆新村
must case submit 1 --as wang
must case review 1 --as li --expert "专家论证" --consultation "征求意见"
snapshot
run case approve 1 --as wang --authority 郁南县人民政府 --doc-number 1号
expect_rc 1
expect_err "diming: error: officer 'wang' submitted case 1 and cannot approve it (separation of duties)"
run case approve 1 --as li --authority 郁南县人民政府 --doc-number 1号
expect_rc 1
expect_err "diming: error: officer 'li' reviewed case 1 and cannot approve it (separation of duties)"
expect_unchanged
# The global --as names the officer too.
run --as li case approve 1 --authority 郁南县人民政府 --doc-number 1号
expect_rc 1
run case approve 1 --as chen --authority 郁南县人民政府 --doc-number 1号
expect_rc 0
run audit log --actor chen
expect_out_has "case 1: approve"
