# export gazetteer --as-of and --include-historical: the gazetteer as it
# stood on a date, after a renaming (更名) and a cancellation (销名) went
# through their approval cases.
. "$ROOT/tests/cli/lib-export.sh"
setup_yunan

# Rows of 都城镇's villages: name, romanization, 曾用名, 批准机关, 批准文号,
# 批准时间, 状态, 销名时间.
rows() {
	run export gazetteer --division 445322100 --format csv -o - "$@"
	[ "$rc" -eq 0 ] || fail "export $*: $err"
	printf '%s\n' "$out" | tail -n +2 | tr -d '\r' | awk -F, '$1 ~ /^(承|五龙)/ { print $1 "," $2 "," $14 "," $15 "," $16 "," $17 "," $19 "," $20 }'
}
case_through() { # TYPE PLACE_ID [--name N] : a case from draft to approved
	local id
	id=$("$DIMING" case new "$@" --reason 群众申请) || fail "case new $*"
	must --as 张三 case submit "$id"
	must --as 李四 case review "$id" --expert 专家论证通过 --consultation 无异议
	must --as 王五 case approve "$id" --authority 郁南县人民政府 --doc-number "郁府函〔2026〕$id号"
	echo "$id"
}
p1=$(sqlite3 "$DIMING_DB" "SELECT id FROM place WHERE name = '承平村'")
p2=$(sqlite3 "$DIMING_DB" "SELECT id FROM place WHERE name = '五龙村'")
export DIMING_NOW=2026-03-01
case_through renaming --place "$p1" --name 承安村 >/dev/null
export DIMING_NOW=2026-04-01
case_through cancellation --place "$p2" >/dev/null
export DIMING_NOW=2026-05-01

[ "$(rows --as-of 2026-02-28)" = "承平村,Chengping Cun,,,,,现今,
五龙村,Wulong Cun,,,,,现今," ] || fail "before: $(rows --as-of 2026-02-28)"
[ "$(rows --as-of 2026-03-01)" = "承安村,Cheng'an Cun,承平村,郁南县人民政府,郁府函〔2026〕1号,2026-03-01,现今,
五龙村,Wulong Cun,,,,,现今," ] || fail "renamed: $(rows --as-of 2026-03-01)"
[ "$(rows)" = "承安村,Cheng'an Cun,承平村,郁南县人民政府,郁府函〔2026〕1号,2026-03-01,现今," ] ||
	fail "today: $(rows)"
[ "$(rows --include-historical)" = "承安村,Cheng'an Cun,承平村,郁南县人民政府,郁府函〔2026〕1号,2026-03-01,现今,
五龙村,Wulong Cun,,,,,历史,2026-04-01" ] || fail "historical: $(rows --include-historical)"
# Before the cancellation the place is current, whatever the flag.
[ "$(rows --include-historical --as-of 2026-03-31)" = "$(rows --as-of 2026-03-01)" ] || fail "as of 03-31"
# Every format takes the same filters: the book prints the old name then.
run export gazetteer --division 445322100 --as-of 2026-02-28 -o "$T/old.html"
expect_rc 0
grep -q '<h3>承平村<span class="roman">Chéngpíng Cūn</span>' "$T/old.html" || fail "book as of 02-28"
grep -q '资料截至</th><td>2026-02-28<' "$T/old.html" || fail "cover date"
run export gazetteer --division 445322100 -o "$T/now.gpkg"
expect_rc 0
[ "$(sqlite3 "$T/now.gpkg" "SELECT 曾用名 || '|' || 批准时间 FROM gazetteer_points WHERE 标准名称 = '承安村'")" = "承平村|2026-03-01" ] ||
	fail "gpkg: $(sqlite3 "$T/now.gpkg" "SELECT * FROM gazetteer_points WHERE 标准名称 = '承安村'")"
