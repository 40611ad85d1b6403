# The hazard ledger (隐患台账): add, list, close; refusals; open hazards in the
# line's report.
. "$ROOT/tests/cli/lib.sh"
. "$ROOT/tests/cli/lib-inspect.sh"

run hazard add --boundary $L1 --monument $L1-009Q --kind construction --note "修路施工紧邻界桩"
expect_rc 0
expect_out 1
run hazard add --boundary $L1 --kind 界线纠纷 --note "山林权属争议"
expect_out 2
run hazard add --boundary $L2 --kind river --note "河道右移约 30 m"
expect_out 3

snapshot
run hazard add --boundary $L1 --kind ufo --note x
expect_rc 2
expect_err "diming: error: unknown kind 'ufo' (see 'diming hazard --help')"
run hazard add --boundary 445399-445398 --kind other --note x
expect_rc 2
expect_err "diming: error: no boundary line with code '445399-445398'"
run hazard add --boundary $L1 --monument $L2-001Q --kind other --note x
expect_rc 2
expect_err "diming: error: no monument '$L2-001Q' on line $L1"
run hazard add --boundary $L1 --kind other
expect_rc 2
expect_err "diming: error: add needs --boundary, --kind and --note (see 'diming hazard --help')"
run hazard close 1
expect_rc 2
run hazard close 99 --resolution x
expect_rc 2
expect_err "diming: error: no hazard with id 99"
expect_unchanged

run hazard close 3 --resolution "双方确认按协议书界线管理"
expect_rc 0
run hazard close 3 --resolution again
expect_rc 1
expect_err_has "diming: error: hazard 3 was already closed on "

run hazard list --open
expect_rc 0
[ "$(printf '%s\n' "$out" | wc -l)" -eq 2 ] || fail "open: $out"
expect_out_has "1    open   $L1    $L1-009Q 跨界生产建设"
run hazard list --json
[ "$(json_get '$[2].status')" = closed ] || fail "closed"
[ "$(json_get '$[2].resolution')" = "双方确认按协议书界线管理" ] || fail "resolution"
[ "$(json_get '$[0].monument')" = "$L1-009Q" ] || fail "monument"
run hazard list --boundary $L2
expect_out_has "3    closed $L2"

# open hazards of the line appear in its report, closed ones do not
run inspect $L1 --survey "$SURVEY" --date 2025-06-18
expect_out_has "hazard 1, 跨界生产建设: 修路施工紧邻界桩"
expect_out_has "hazard 2, 界线纠纷: 山林权属争议"
run inspect $L2 --survey "$SURVEY" --date 2025-06-18
expect_out_lacks "河道右移"
run inspect $L1 --survey "$SURVEY" --date 2025-06-18 --format html
expect_out_has "<td>修路施工紧邻界桩</td>"
