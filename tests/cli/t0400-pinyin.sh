# pinyin: the romanization of one name in each style, the JSON keys, and
# every refusal with exit 2, its message and nothing on stdout.  No registry
# is needed or created.
. "$ROOT/tests/cli/lib.sh"

# Default: toneless mixed case, 专名 and 通名 apart, place readings first.
run pinyin 六安市
expect_rc 0
expect_err ""
expect_out "Lu'an Shi"
for pair in "郁南县=Yunan Xian" "歙县=She Xian" "西安市=Xi'an Shi" "东阿县=Dong'e Xian" \
	"解放路=Jiefang Lu" "西辽河=Xiliao He" "蚌埠市=Bengbu Shi" "乐亭县=Laoting Xian" \
	"长阳土家族自治县=Changyang Tujiazu Zizhixian" "经五路=Jing 5 Lu"; do
	run pinyin "${pair%%=*}"
	expect_rc 0
	expect_out "${pair#*=}"
done

# --class: a natural village runs together; other classes do not.
run pinyin 王村 --class 自然村
expect_rc 0
expect_out "Wangcun"
run pinyin --class 22210 王村
expect_out "Wangcun"
run pinyin 王村 --class 行政村
expect_out "Wang Cun"

# --tones and --sign.
run pinyin 六安市 --tones
expect_rc 0
expect_out "Lù'ān Shì"
run pinyin --sign 六安市
expect_rc 0
expect_out "LU'AN SHI"
run pinyin 吕梁市 --sign
expect_out "LÜLIANG SHI"

# --json: the keys in order, syllables with tones, where readings came from.
run pinyin 六安市 --json
expect_rc 0
expect_err ""
[ "$(json_get '$.name')" = "六安市" ] || fail "json name"
[ "$(json_get '$.romanization')" = "Lu'an Shi" ] || fail "json romanization"
[ "$(json_get '$.zhuanming')" = "六安" ] || fail "json zhuanming"
[ "$(json_get '$.tongming')" = "市" ] || fail "json tongming"
[ "$(json_get '$.syllables')" = '["lù","ān","shì"]' ] || fail "json syllables: $(json_get '$.syllables')"
[ "$(json_get '$.readings_from')" = "place-table" ] || fail "json readings_from"
keys=$(printf "SELECT group_concat(key, ',') FROM json_each(readfile('%s'));\n" "$T/.out" | sqlite3 :memory:)
[ "$keys" = "name,romanization,zhuanming,tongming,syllables,readings_from" ] || fail "json keys: $keys"
run pinyin 开平市 --json --tones
[ "$(json_get '$.romanization')" = "Kāipíng Shì" ] || fail "json tones"
[ "$(json_get '$.readings_from')" = "general" ] || fail "json general"
run pinyin 王村 --class 自然村 --json
[ "$(json_get '$.tongming')" = "" ] || fail "json tongming of a natural village"
[ "$(json_get '$.zhuanming')" = "王村" ] || fail "json zhuanming of a natural village"

# -h prints usage on stdout.
run pinyin --help
expect_rc 0
expect_out_has "usage: diming pinyin TEXT"
expect_err ""

# Refusals: usage errors and bad names exit 2 with nothing on stdout.
refuse() { # refuse EXPECTED-STDERR ARGS...
	local msg=$1
	shift
	run pinyin "$@"
	expect_rc 2
	expect_out ""
	expect_err "$msg"
}
refuse "diming: error: expected a place name (see 'diming pinyin --help')"
refuse "diming: error: unexpected argument '西安' (see 'diming pinyin --help')" 六安 西安
refuse "diming: error: --tones and --sign cannot be used together (see 'diming pinyin --help')" 六安 --tones --sign
refuse "diming: error: option '--colour' is unknown or needs a value (see 'diming pinyin --help')" 六安 --colour
run pinyin 六安 --class
expect_rc 2
expect_out ""
expect_err_has "is unknown or needs a value (see 'diming pinyin --help')"
refuse "diming: error: cannot romanize '（' (U+FF08)" "（高家坪村委会）"
refuse "diming: error: invalid UTF-8 at byte 4" "$(printf '郁\xe9\x83')"
refuse "diming: error: empty name" ""

# Nothing was written: no registry file appeared.
[ ! -e "$DIMING_DB" ] || fail "pinyin created a registry"
