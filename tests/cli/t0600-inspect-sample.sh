# The sample survey of the two 郁南县 lines: verdicts, findings with rule ids,
# the text summary and the JSON the issue specifies; exit 1 on findings.
. "$ROOT/tests/cli/lib.sh"
. "$ROOT/tests/cli/lib-inspect.sh"
snapshot

run inspect $L1 --survey "$SURVEY" --date 2025-06-18 --json
expect_rc 1
expect_err ""
[ "$(json_get '$.boundary')" = "$L1" ] || fail "boundary"
[ "$(json_get '$.round')" = "2025年联检" ] || fail "round: $(json_get '$.round')"
[ "$(json_get '$.date')" = "2025-06-18" ] || fail "date"
[ "$(json_get '$.tolerance_m')" = "0.141" ] || fail "tolerance_m: $(json_get '$.tolerance_m')"
[ "$(json_get '$.summary')" = '{"total":13,"ok":8,"displaced":2,"damaged":1,"missing":1,"off_line":0,"unknown":1}' ] ||
	fail "summary: $(json_get '$.summary')"
# exactly the keys of the issue, in its order
[ "$(printf "SELECT group_concat(key, ',') FROM json_each(readfile('%s'));" "$T/.out" | sqlite3 :memory:)" = \
	"boundary,round,date,tolerance_m,monuments,findings,summary" ] || fail "top-level keys"
[ "$(printf "SELECT group_concat(key, ',') FROM json_each(readfile('%s'), '\$.monuments[0]');" "$T/.out" | sqlite3 :memory:)" = \
	"number,verdict,displacement_m,dh_m,distance_to_line_m,condition,findings" ] || fail "monument keys"

verdict() { # NUMBER -> verdict
	printf "SELECT json_extract(value, '\$.verdict') FROM json_each(readfile('%s'), '\$.monuments') WHERE json_extract(value, '\$.number') = '%s';" "$T/.out" "$1" | sqlite3 :memory:
}
rules() { # NUMBER -> rule ids
	printf "SELECT group_concat(json_extract(f.value, '\$.rule'), ',') FROM json_each(readfile('%s'), '\$.monuments') m, json_each(m.value, '\$.findings') f WHERE json_extract(m.value, '\$.number') = '%s';" "$T/.out" "$1" | sqlite3 :memory:
}
[ "$(verdict $L1-001Q)" = ok ] || fail "001Q"
[ "$(verdict $L1-003Q)" = displaced ] && [ "$(rules $L1-003Q)" = displaced ] || fail "003Q: $(rules $L1-003Q)"
[ "$(rules $L1-004Q)" = "reference-objects,reference-objects" ] || fail "004Q: $(rules $L1-004Q)"
[ "$(verdict $L1-004Q)" = ok ] || fail "004Q verdict"
[ "$(verdict $L1-005Q)" = damaged ] && [ "$(rules $L1-005Q)" = condition ] || fail "005Q"
[ "$(verdict $L1-007Q)" = missing ] || fail "007Q"
[ "$(verdict $L1-008Q)" = ok ] || fail "008Q (0.09 m, inside 0.14 m)"
[ "$(verdict $L1-009Q)" = displaced ] && [ "$(rules $L1-009Q)" = "condition,displaced" ] || fail "009Q"
[ "$(verdict $L1-012Q)" = unknown ] && [ "$(rules $L1-012Q)" = unknown-monument ] || fail "012Q"
[ "$(json_get '$.monuments[2].displacement_m')" = 4.116 ] || fail "003Q displacement: $(json_get '$.monuments[2].displacement_m')"
[ "$(json_get '$.monuments[2].dh_m')" = -0.33 ] || fail "003Q dh"
[ "$(json_get '$.monuments[7].condition')" = "丢失" ] || fail "007Q condition"
[ "$(json_get '$.monuments[7].displacement_m')" = "" ] || fail "007Q has no displacement"
[ "$(json_get '$.findings[0].rule')" = overdue ] || fail "overdue"
[ "$(json_get '$.findings[0].message')" = "the previous round (2019-10-15) is more than 5 years before 2025-06-18 (条例 art. 12: every 5 years)" ] ||
	fail "overdue message"

# text: the table per line and per verdict, then the findings
run inspect $L1 $L2 --survey "$SURVEY" --date 2025-06-18
expect_rc 1
expect_out_has "line                      total        ok displaced   damaged   missing  off-line   unknown findings  name
$L1                13         8         2         1         1         0         1        9  云安区—郁南县线
$L2                11        10         1         0         0         0         0        2  郁南县—罗定市线
all lines                    24        18         3         1         1         0         1       11"
expect_out_has "  $L1-003Q  displaced         moved 4.12 m from the registered position (ΔX +3.11 m, ΔY -2.70 m in EPSG:4546), tolerance 0.14 m: calls for 复位"
expect_out_has "  $L1-005Q  condition         condition 损坏: calls for 修复"
expect_out_has "  $L1-007Q  condition         condition 丢失: calls for 补设"
expect_out_has "  $L1-012Q  unknown-monument  $SURVEY:14: no monument $L1-012Q is registered on line $L1"
expect_out_has "  $L2-006Q  displaced         moved 1.20 m"

# two lines as JSON: an array of the objects above
run inspect $L1 $L2 --survey "$SURVEY" --date 2025-06-18 --format json
expect_rc 1
[ "$(json_get '$[1].boundary')" = "$L2" ] || fail "second line"
[ "$(json_get '$[1].summary.displaced')" = 1 ] || fail "second line summary"

# reading is not writing
expect_unchanged
