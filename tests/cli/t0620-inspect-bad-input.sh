# Bad surveys and bad options: a message naming file, line and field, exit 2,
# and nothing written even with --save.
. "$ROOT/tests/cli/lib.sh"
. "$ROOT/tests/cli/lib-inspect.sh"
snapshot

bad() { # FILE EXPECTED-STDERR
	run inspect $L1 --survey "$1" --save
	expect_rc 2
	expect_err "$2"
	expect_out ""
	expect_unchanged
}

printf 'number,x,y,condition\n%s-001Q,2558772.853,37592127.052,完好\n%s-002Q,2553002.642,37591284.383,良好\n' $L1 $L1 > "$T/cond.csv"
bad "$T/cond.csv" "diming: error: $T/cond.csv:3: field 'condition': unknown condition '良好' (完好, 损坏, 丢失, 移位, 倾斜, 注记不清, 被遮挡)"
printf 'number,x,y,condition\n%s-001Q,2558772.853,abc,完好\n' $L1 > "$T/num.csv"
bad "$T/num.csv" "diming: error: $T/num.csv:2: field 'y': not a number: 'abc'"
printf 'number,x,y,condition\n%s-001Q,,,损坏\n' $L1 > "$T/nopos.csv"
bad "$T/nopos.csv" "diming: error: $T/nopos.csv:2: fields 'x' 'y': empty (only a 丢失 monument may have no coordinates)"
printf 'number,x,y,condition\n%s-001Q,37592127.052,2558772.853,完好\n' $L1 > "$T/swap.csv"
bad "$T/swap.csv" "diming: error: $T/swap.csv:2: field 'x': has 8 digits, x and y look swapped (x is the northing, 7 digits in China): '37592127.052'"
printf 'number,x,y,srs,condition\n%s-001Q,2558772.853,38592127.052,EPSG:4525,完好\n' $L1 > "$T/zone.csv"
run inspect $L1 --survey "$T/zone.csv" --save
expect_rc 2
expect_err_has "diming: error: $T/zone.csv:2: field 'y': zone prefix 38 disagrees with zone 37 of EPSG:4525"
expect_unchanged
printf 'number,x,y,condition,ref1_name,ref1_azimuth,ref1_distance_m\n%s-001Q,2558772.853,37592127.052,完好,电杆,东南,94.7\n' $L1 > "$T/az.csv"
bad "$T/az.csv" "diming: error: $T/az.csv:2: field 'ref1_azimuth': not an azimuth (degrees and minutes as 227°10′, or decimal degrees): '东南'"
printf 'number,northing,easting,condition\nX,1,2,完好\n' > "$T/header.csv"
bad "$T/header.csv" "diming: error: $T/header.csv:1: header must name 'number', 'condition' and 'x','y' or 'lon','lat'"
printf 'number,x,y,condition\n%s-001Q,2558772.853,37592127.052\n' $L1 > "$T/short.csv"
bad "$T/short.csv" "diming: error: $T/short.csv:2: expected 4 fields, found 3"
bad "$FIX/divisions-yunan-gb18030.csv" "diming: error: $FIX/divisions-yunan-gb18030.csv:2: invalid UTF-8 (for GB18030 files use --encoding gb18030)"
bad "$T/nope.csv" "diming: error: $T/nope.csv: cannot open: No such file or directory"

# the same survey in GB18030 reads with --encoding, as other imports do
iconv -f UTF-8 -t GB18030 "$SURVEY" > "$T/gb.csv"
run inspect $L1 --survey "$T/gb.csv" --date 2025-06-18 --json
expect_rc 2
expect_err "diming: error: $T/gb.csv:2: invalid UTF-8 (for GB18030 files use --encoding gb18030)"
run inspect $L1 --survey "$T/gb.csv" --encoding gb18030 --date 2025-06-18 --json
expect_rc 1
[ "$(json_get '$.summary.total')" = 13 ] || fail "GB18030 survey"
expect_unchanged

# a line that is not registered
run inspect 445399-445398 --survey "$SURVEY" --save
expect_rc 2
expect_err "diming: error: no boundary line with code '445399-445398'"
expect_unchanged

# usage
u() { # EXPECTED-STDERR ARGS...
	local msg=$1
	shift
	run inspect "$@"
	expect_rc 2
	expect_err "$msg"
	expect_unchanged
}
u "diming: error: --survey FILE is required (see 'diming inspect --help')" $L1
u "diming: error: expected a LINE_CODE (see 'diming inspect --help')" --survey "$SURVEY"
u "diming: error: --date: not a date (YYYY-MM-DD): '2025-02-30' (see 'diming inspect --help')" $L1 --survey "$SURVEY" --date 2025-02-30
u "diming: error: --format: expected text, json, csv or html: 'pdf' (see 'diming inspect --help')" $L1 --survey "$SURVEY" --format pdf
u "diming: error: --parties: expected two sides as \"A;B\": '郁南县' (see 'diming inspect --help')" $L1 --survey "$SURVEY" --parties 郁南县
u "diming: error: --tolerance-m: not a positive number: '-1' (see 'diming inspect --help')" $L1 --survey "$SURVEY" --tolerance-m -1
u "diming: error: line '$L1' given twice (see 'diming inspect --help')" $L1 $L1 --survey "$SURVEY"
run inspect --help
expect_rc 0
expect_out_has "usage: diming inspect LINE_CODE... --survey FILE"
