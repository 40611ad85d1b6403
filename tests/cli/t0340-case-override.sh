# case: error findings block approval; --override --reason records why.
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
must import names "$FIX/names-yunan.csv"
export DIMING_NOW=2024-05-01

# 冲口村 already names two villages of 郁南县 (2022: unique within the county).
run case new renaming --place 1 --name 冲口村
expect_out 1
run case submit 1 --as wang
expect_rc 0
expect_err_has "diming: error: finding: duplicate: '冲口村' (place 1 in 445322100201) has the same 专名 as '冲口村' (place 35 in 445322102211) within 郁南县 (county scope, 条例 art. 9(8))"
run case show 1 --json
[ "$(json_get '$.findings[0].rule')" = duplicate ] || fail "finding rule"
[ "$(json_get '$.findings[0].severity')" = error ] || fail "finding severity"
must case review 1 --as li --expert "专家论证" --consultation "征求意见"
snapshot
run case approve 1 --as chen --authority 郁南县人民政府 --doc-number 1号
expect_rc 1
expect_err "diming: error: case 1 has 2 finding(s) of severity error; approve with --override --reason TEXT to record why they are accepted"
expect_unchanged
run case approve 1 --as chen --authority 郁南县人民政府 --doc-number 1号 --override --reason "恢复历史名称，县政府常务会议同意"
expect_rc 0
run case show 1
expect_out_has "override     恢复历史名称，县政府常务会议同意"
run audit log
expect_out_has "case 1: approve (郁南县人民政府 1号), override: 恢复历史名称，县政府常务会议同意"
run name show 1 --json
[ "$(json_get '$.name')" = 冲口村 ] || fail "renamed despite the finding"

# A protected name warns when the renaming is opened and at submission.
must name protect 2
run case new renaming --place 2 --name 榄塘新村
expect_rc 0
expect_out 2
expect_err "diming: warning: place 2 is on the protection list (保护名录, 条例 art. 25): a listed name that must change needs protection measures first"
run case submit 2 --as wang
expect_rc 0
expect_err_has "diming: warning: finding: protected: '榄塘村' is on the protection list"
