# case: 公告 and 备案 are due 15 days after approval; list --overdue.
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
must import names "$FIX/names-yunan.csv"
export DIMING_NOW=2024-05-01T10:00:00
set -- 银盆新村 榄塘新村 承平新村
for p in 1 2 3; do
	eval "new=\${$p}"
	must case new renaming --place $p --name "$new"
	must case submit $p --as wang
	must case review $p --as li --expert "专家论证" --consultation "征求意见"
	must case approve $p --as chen --authority 郁南县人民政府 --doc-number "$p号"
done
must case announce 2 --as chen --channel 网站
must case announce 3 --as chen --channel 网站
must case file 3 --as chen

# Day 15: in time.
export DIMING_NOW=2024-05-16
run case list --overdue
expect_rc 0
expect_out ""
# Day 16: case 1 (neither announced nor filed) and case 2 (not filed).
export DIMING_NOW=2024-05-17T08:00:00
run case list --overdue
expect_rc 0
expect_out "1      renaming      approved   445322100201  银盆新村 (was 银盆村)  due 2024-05-16  OVERDUE
2      renaming      announced  445322100202  榄塘新村 (was 榄塘村)  due 2024-05-16  OVERDUE"
run case show 1 --json
[ "$(json_get '$.overdue')" = 1 ] || fail "case 1 overdue"
run case show 3 --json
[ "$(json_get '$.overdue')" = 0 ] || fail "case 3 filed in time"
run case list --overdue --state announced --json
[ "$(json_get '$[0].id')" = 2 ] || fail "state and overdue together"
[ "$(printf "SELECT json_array_length(readfile('%s'));\n" "$T/.out" | sqlite3 :memory:)" = 1 ] || fail "one"
