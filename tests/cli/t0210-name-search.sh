# name search: every --by mode, divisions included, filters, JSON contract.
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
must import names "$FIX/names-yunan.csv"

run name search 郁南县 --by exact
expect_rc 0
expect_out "区划      郁南县  Yunan Xian  县级行政区域  445322"
run name search kaiping --by pinyin --json
expect_rc 0
[ "$(json_get '$[0].name')" = 开平市 ] || fail "pinyin kaiping"
[ "$(json_get '$[0].place_id')" = "" ] || fail "a division has no place id"
[ "$(json_get '$[0].division_code')" = 440783 ] || fail "division code"
keys=$(printf "SELECT group_concat(key, ',') FROM json_each(json_extract(readfile('%s'), '\$[0]'));\n" "$T/.out" | sqlite3 :memory:)
[ "$keys" = "place_id,name,romanization,class,division_code,status,matched_name,matched_as" ] || fail "keys: $keys"
run name search kaiping
expect_out_has "开平市  Kaiping Shi"
run name search kps --by initials
expect_out_has "开平市"
run name search 都城 --by prefix --division 445322
expect_out "区划      都城镇  Ducheng Zhen  镇  445322100"
run name search 银盆 --by contains
expect_out "1         银盆村  Yinpen Cun  行政村  445322100201
区划      银盆村民委员会  Yinpen Cunmin Weiyuanhui  村民委员会  445322100201"
run name search 银盆 --by contains --class 行政村
expect_out "1         银盆村  Yinpen Cun  行政村  445322100201"
run name search 郁男县 --by fuzzy
expect_out "区划      郁南县  Yunan Xian  县级行政区域  445322"
run name search 冲口村 --by exact --json
[ "$(printf "SELECT json_array_length(readfile('%s'));\n" "$T/.out" | sqlite3 :memory:)" = 2 ] || fail "two 冲口村"
run name search 村 --by contains --limit 3
expect_rc 0
[ "$(printf '%s\n' "$out" | wc -l)" = 3 ] || fail "limit 3"
expect_err "diming: warning: more than 3 matches; showing the first 3 (use --limit 0 for all)"
run name search 朝阳 --by exact
expect_rc 0
expect_out ""

run name search 银盆 --by soundex
expect_rc 2
expect_err "diming: error: unknown --by 'soundex' (exact, prefix, contains, pinyin, initials, fuzzy) (see 'diming name search --help')"
run name search 银盆 --division 12345
expect_rc 2
run name search 银盆 --class 村落
expect_rc 2
expect_err "diming: error: --class: unknown place class '村落' (see 'diming name search --help')"
run name search "'" --by pinyin
expect_rc 2
expect_err "diming: error: no pinyin letters in query '''"
