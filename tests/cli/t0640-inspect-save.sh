# --save stores the round: `monument show` lists it, the line's last-inspected
# date moves; the same round twice is refused and nothing is written.
. "$ROOT/tests/cli/lib.sh"
. "$ROOT/tests/cli/lib-inspect.sh"

run monument show $L1-009Q
expect_rc 0
expect_out_has "inspections none"

run inspect $L1 --survey "$SURVEY" --date 2025-06-18 --round 第四轮联检 --save --format json
expect_rc 1
[ "$(json_get '$.round')" = "第四轮联检" ] || fail "round"
run boundary show $L1 --json
[ "$(json_get '$.last_inspected')" = 2025-06-18 ] || fail "last_inspected: $(json_get '$.last_inspected')"

run monument show $L1-009Q
expect_rc 0
expect_out_has "
inspections
"
expect_out_has "  2025-06-18  第四轮联检  displaced  移位  moved 6.310 m  -> 复位"
expect_out_has "    displaced: moved 6.31 m from the registered position"
run monument show $L1-009Q --json
[ "$(json_get '$.inspections[0].round')" = "第四轮联检" ] || fail "json round"
[ "$(json_get '$.inspections[0].verdict')" = displaced ] || fail "json verdict"
[ "$(json_get '$.inspections[0].displacement_m')" = 6.31 ] || fail "json displacement"
[ "$(json_get '$.inspections[0].actions')" = "复位" ] || fail "json actions"
run monument show $L1-007Q --json
[ "$(json_get '$.inspections[0].verdict')" = missing ] || fail "007Q"

run audit log
expect_out_has "inspection round '第四轮联检' of line $L1 saved: 13 monuments, 9 findings"

# the same round again: refused, nothing written
snapshot
run inspect $L1 --survey "$SURVEY" --date 2025-06-18 --round 第四轮联检 --save
expect_rc 1
expect_err "diming: error: round '第四轮联检' of line $L1 is already saved"
expect_out ""
expect_unchanged

# the next round counts from the saved one: not overdue in 2027
clean_survey "$T/clean.csv"
run inspect $L1 --survey "$T/clean.csv" --date 2027-01-10 --round 2027年专项检查 --save
expect_rc 0
run monument show $L1-009Q --json
[ "$(json_get '$.inspections[1].round')" = "2027年专项检查" ] || fail "second round"
[ "$(json_get '$.inspections[1].verdict')" = ok ] || fail "second verdict"
run audit verify
expect_rc 0
