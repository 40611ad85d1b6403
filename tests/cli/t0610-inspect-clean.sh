# A survey that finds every monument as registered: no finding, exit 0; each
# rule stays quiet.  Then single changes make single rules fire.
. "$ROOT/tests/cli/lib.sh"
. "$ROOT/tests/cli/lib-inspect.sh"
clean_survey "$T/clean.csv"

run inspect $L1 $L2 --survey "$T/clean.csv" --date 2020-03-01
expect_rc 0
expect_err ""
expect_out_has "$L1                12        12         0         0         0         0         0        0  云安区—郁南县线"
expect_out_has "$L2                11        11         0         0         0         0         0        0  郁南县—罗定市线"
expect_out_has "$L1 云安区—郁南县线: round 2020年联检, 2020-03-01, tolerance 0.14 m
  no findings"

# overdue only: the same survey six years after the last round
run inspect $L1 --survey "$T/clean.csv" --date 2025-10-16 --json
expect_rc 1
[ "$(json_get '$.findings[0].rule')" = overdue ] || fail "overdue"
[ "$(json_get '$.summary.ok')" = 12 ] || fail "still all ok"
run inspect $L1 --survey "$T/clean.csv" --date 2024-10-15 --json
expect_rc 0

# missing-record: a row left out
grep -v "^$L1-010Q," "$T/clean.csv" > "$T/less.csv"
run inspect $L1 --survey "$T/less.csv" --date 2020-03-01 --json
expect_rc 1
[ "$(json_get '$.monuments[10].verdict')" = missing ] || fail "010Q missing"
[ "$(json_get '$.monuments[10].findings[0].message')" = "no survey record for registered monument $L1-010Q (界桩一颗不少)" ] ||
	fail "missing-record message: $(json_get '$.monuments[10].findings[0].message')"

# same-side: B of the pair moved across the line next to A (and displaced)
awk -F, -v OFS=, -v a="$L1-006A" -v b="$L1-006B" '
	$1 == a { ax = $2; ay = $3 } { row[NR] = $0; num[NR] = $1 }
	END { for (i = 1; i <= NR; i++) { if (num[i] == b) { split(row[i], f, ","); f[2] = ax + 1; f[3] = ay + 1
		s = f[1]; for (k = 2; k <= 15; k++) s = s "," f[k]; print s } else print row[i] } }' "$T/clean.csv" > "$T/side.csv"
run inspect $L1 --survey "$T/side.csv" --date 2020-03-01
expect_rc 1
expect_out_has "same-side         the pair $L1-006A, $L1-006B is not on both sides of the line: all on the left"

# --tolerance-m: 0.09 m moves pass 0.14 m but not 0.05 m
run inspect $L1 --survey "$SURVEY" --date 2025-06-18 --tolerance-m 0.05 --json
expect_rc 1
[ "$(json_get '$.tolerance_m')" = 0.05 ] || fail "tolerance"
[ "$(json_get '$.monuments[8].verdict')" = displaced ] || fail "008Q at 0.05 m: $(json_get '$.monuments[8].verdict')"
