# case: the full life of a naming (命名) — a new street of 都城镇, 郁南县.
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
must import names "$FIX/names-yunan.csv"
export DIMING_NOW=2024-05-01T09:30:00

run case new naming --division 445322100 --name 金滩路 --class 街路巷 \
	--reason "新建道路" --applicant "都城镇人民政府" --location 111.6084,23.0427
expect_rc 0
expect_out 1
expect_err ""
run case submit 1 --as wang --note "材料齐全"
expect_rc 0
expect_out ""
expect_err ""
run case review 1 --as li --expert "专家论证会纪要" --consultation "征求意见报告" --hearing "未举行听证"
expect_rc 0
run case approve 1 --as chen --authority 郁南县人民政府 --doc-number "郁府函〔2024〕12号"
expect_rc 0
expect_out ""

run case show 1 --json
expect_rc 0
keys=$(printf "SELECT group_concat(key, ',') FROM json_each(readfile('%s'));\n" "$T/.out" | sqlite3 :memory:)
[ "$keys" = "id,type,state,place_id,proposed_name,current_name,division_code,applicant,events,findings,announce_due,file_due,overdue" ] || fail "keys: $keys"
[ "$(json_get '$.type')" = naming ] || fail type
[ "$(json_get '$.state')" = approved ] || fail state
[ "$(json_get '$.proposed_name')" = 金滩路 ] || fail proposed_name
[ "$(json_get '$.current_name')" = "" ] || fail "current_name is null for a naming"
[ "$(json_get '$.division_code')" = 445322100 ] || fail division_code
[ "$(json_get '$.applicant')" = 都城镇人民政府 ] || fail applicant
[ "$(json_get '$.announce_due')" = 2024-05-16 ] || fail announce_due
[ "$(json_get '$.file_due')" = 2024-05-16 ] || fail file_due
[ "$(json_get '$.overdue')" = 0 ] || fail overdue
[ "$(json_get '$.events[1].state')" = submitted ] || fail "event 1"
[ "$(json_get '$.events[1].actor')" = wang ] || fail "event 1 actor"
[ "$(json_get '$.events[1].at')" = 2024-05-01T09:30:00 ] || fail "event 1 at"
[ "$(json_get '$.events[1].note')" = 材料齐全 ] || fail "event 1 note"
[ "$(json_get '$.events[3].state')" = approved ] || fail "event 3"
[ "$(json_get '$.findings')" = "[]" ] || fail findings
pid=$(json_get '$.place_id')
[ "$pid" = 178 ] || fail "the new place is 178, got $pid"

# The place exists from the approval date, with its point.
run name show 178 --json
[ "$(json_get '$.name')" = 金滩路 ] || fail "place name"
[ "$(json_get '$.romanization')" = "Jintan Lu" ] || fail "romanization"
[ "$(json_get '$.class_code')" = 21800 ] || fail "class"
[ "$(json_get '$.valid_from')" = 2024-05-01 ] || fail "valid_from"
[ "$(json_get '$.geometry.coordinates[1]')" = 23.0427 ] || fail "lat"

run case announce 1 --as chen --channel "郁南县人民政府网站"
expect_rc 0
run case file 1 --as chen
expect_rc 0
run case show 1 --json
[ "$(json_get '$.state')" = filed ] || fail filed
[ "$(json_get '$.events[5].state')" = filed ] || fail "six events"
run case list
expect_out "1      naming        filed      445322100     金滩路"
run name history 178
expect_out "2024-05-01  命名  金滩路  (case 1)  chen"

# Every step is in the audit chain.
run audit log
expect_out_has "case 1: approve (郁南县人民政府 郁府函〔2024〕12号)"
run audit verify
expect_rc 0
