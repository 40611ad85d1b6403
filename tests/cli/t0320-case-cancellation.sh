# case: cancellation (销名) of a village name of 郁南县.
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
export DIMING_NOW=2023-01-10
must import names "$FIX/names-yunan.csv"
export DIMING_NOW=2024-06-03

run case new cancellation --place 2 --reason "村庄整体搬迁，地理实体消失"
expect_out 1
must case submit 1 --as wang
must case review 1 --as li --expert "专家论证" --consultation "征求意见"
must case approve 1 --as chen --authority 郁南县人民政府 --doc-number "郁府函〔2024〕20号"
run name show 2 --json
[ "$(json_get '$.status')" = historical ] || fail status
[ "$(json_get '$.valid_to')" = 2024-06-03 ] || fail valid_to
run name history 2
expect_out "2023-01-10  登记  榄塘村  tester  imported from $FIX/names-yunan.csv
2024-06-03  销名  榄塘村  (case 1)  chen"

# Historical names are found only when asked for.
run name search 榄塘村 --by exact
expect_out ""
run name search 榄塘村 --by exact --include-historical --json
[ "$(json_get '$[0].status')" = historical ] || fail "historical hit"
# Nothing was deleted.
[ "$(sqlite3 "$DIMING_DB" 'SELECT count(*) FROM place')" = 177 ] || fail "177 places remain"
run case new cancellation --place 2
expect_rc 1
expect_err "diming: error: place 2 '榄塘村' is historical (销名 2024-06-03)"
