# check name / check names: duplicates and homophones within the legal scope.
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
must import names "$FIX/names-yunan.csv"

# 冲口 names two villages of 郁南县 already (2022 scope: the county).
run check name 冲口村 --division 445322100201 --class 行政村 --json
expect_rc 1
[ "$(json_get '$[0].rule')" = duplicate ] || fail rule
[ "$(json_get '$[0].severity')" = error ] || fail severity
[ "$(json_get '$[0].name')" = 冲口村 ] || fail name
[ "$(json_get '$[0].place_id')" = "" ] || fail "a proposal has no place"
[ "$(json_get '$[0].other_place_id')" = 35 ] || fail other_place_id
[ "$(json_get '$[0].other_name')" = 冲口村 ] || fail other_name
keys=$(printf "SELECT group_concat(key, ',') FROM json_each(json_extract(readfile('%s'), '\$[0]'));\n" "$T/.out" | sqlite3 :memory:)
[ "$keys" = "rule,severity,name,place_id,other_place_id,other_name,message" ] || fail "keys: $keys"
# 东村 vs 东村村: the 通名 is ignored.
must import names /dev/stdin <<'CSV'
name,class,division_code
东村,行政村,445322101201
CSV
run check name 东村村 --division 445322102201 --class 行政村
expect_rc 1
expect_out "error    duplicate         东村村: '东村村' (proposed in 445322102201) has the same 专名 as '东村' (place 178 in 445322101201) within 郁南县 (county scope, 条例 art. 9(8))"
# Homophone: a warning, exit 0.
run check name 冬村 --division 445322102201 --class 行政村
expect_rc 0
expect_out "warning  homophone         冬村: '冬村' (proposed in 445322102201) sounds the same (dong-cun) as '东村' (place 178 in 445322101201) within 郁南县 (county scope, 条例 art. 9(8))"
# Without --class the 通名 (村) puts it with the villages.
run check name 东村村 --division 445322102201
expect_rc 1
# The 1996 table: villages unique within the town only.
must config set scope.table 1996
run check name 东村村 --division 445322102201 --class 行政村
expect_rc 0
expect_out ""
must config set scope.行政村 county
run check name 东村村 --division 445322102201 --class 行政村
expect_rc 1
must config set scope.行政村 everywhere
run check name 东村村 --division 445322102201 --class 行政村
expect_rc 2
expect_err "diming: error: config 'scope.行政村': unknown scope 'everywhere' (nation, province, city, county, town, village, builtup, none)"
must config set scope.table 2022
must config set scope.行政村 county

# Every name of 郁南县, divisions included: the two 冲口 and two 龙塘
# committees are real duplicates; 里洞镇 (新兴县) and 历洞镇 sound alike.
run check names --division 445322
expect_rc 1
expect_out_has "error    duplicate         冲口村: '冲口村' (place 71 in 445322105216) has the same 专名 as '冲口村' (place 35 in 445322102211) within 郁南县 (county scope, 条例 art. 9(8))"
expect_out_has "error    duplicate         龙塘村: '龙塘村' (place 138 in 445322114208) has the same 专名 as '龙塘村' (place 64 in 445322105209)"
expect_out_has "warning  homophone         里洞镇: '里洞镇' (division 445321108) sounds the same (li-dong) as '历洞镇' (division 445322116) within 广东省 (province scope, 条例 art. 9(8))"
run check names --division 445322 --class 街路巷 --json
expect_rc 0
expect_out "[]"

run check name 东村村
expect_rc 2
expect_err "diming: error: --division is required (see 'diming check name --help')"
run check name 东村村 --division 445399
expect_rc 2
expect_err "diming: error: no division with code '445399'"
