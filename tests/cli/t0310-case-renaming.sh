# case: renaming (更名) a village of 郁南县; history and search by former name.
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
export DIMING_NOW=2023-01-10
must import names "$FIX/names-yunan.csv"
export DIMING_NOW=2024-05-01

run case new renaming --place 1 --name 银盆新村 --reason "名实不符" --applicant "银盆村民委员会"
expect_rc 0
expect_out 1
must case submit 1 --as wang
must case review 1 --as li --expert "专家论证" --consultation "征求意见"
must case approve 1 --as chen --authority 郁南县人民政府 --doc-number "郁府函〔2024〕13号"

run name show 1 --json
[ "$(json_get '$.place_id')" = 1 ] || fail "the place keeps its id"
[ "$(json_get '$.name')" = 银盆新村 ] || fail "new name"
[ "$(json_get '$.romanization')" = "Yinpenxin Cun" ] || fail "new romanization"
[ "$(json_get '$.other_names[0].name')" = 银盆村 ] || fail "former name"
[ "$(json_get '$.other_names[0].kind')" = 曾用名 ] || fail "former kind"
[ "$(json_get '$.other_names[0].valid_to')" = 2024-05-01 ] || fail "former valid_to"

run name history 1
expect_rc 0
expect_out "2023-01-10  登记  银盆村  tester  imported from $FIX/names-yunan.csv
2024-05-01  更名  银盆村 → 银盆新村  (case 1)  chen"
run name history 1 --json
[ "$(json_get '$[1].event')" = renamed ] || fail "renamed event"
[ "$(json_get '$[1].old_name')" = 银盆村 ] || fail "old name"
[ "$(json_get '$[1].case_id')" = 1 ] || fail "case id"

# The old name still finds the place, marked as former.
run name search 银盆村 --by exact --json
expect_rc 0
[ "$(json_get '$[0].place_id')" = 1 ] || fail "found by former name"
[ "$(json_get '$[0].name')" = 银盆新村 ] || fail "shown with its standard name"
[ "$(json_get '$[0].matched_name')" = 银盆村 ] || fail matched_name
[ "$(json_get '$[0].matched_as')" = former ] || fail matched_as
run name search 银盆村
expect_out_has "银盆新村  Yinpenxin Cun  行政村  445322100201  (曾用名 银盆村)"
run name search yinpencun --by pinyin --json
[ "$(json_get '$[0].matched_as')" = former ] || fail "former found by pinyin"

# The place was renamed since: a second renaming case opened earlier fails.
run case new renaming --place 1 --name 银盆新村
expect_rc 1
expect_err "diming: error: place 1 is already named '银盆新村'"
