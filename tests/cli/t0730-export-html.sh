# export gazetteer --format html: the printable 标准地名录, self-contained,
# printed to PDF by headless Chromium; the page count and the first page's
# text are checked.
. "$ROOT/tests/cli/lib-export.sh"
setup_yunan
add_quoted_place
add_shapes
export DIMING_NOW=2026-11-20

run export gazetteer --division 445322 -o "$T/y.html"
expect_rc 0
expect_err "diming: 180 places written to $T/y.html (html)"
h=$(cat "$T/y.html")
# Self-contained: no scripts, no remote or local resources.
grep -Eiq '<script|<link|<img|src=|url\(|@import|https?://' "$T/y.html" && fail "not self-contained"
for want in '<title>郁南县标准地名录</title>' '@page{size:A4' 'break-before:page' \
	'<h1>郁南县<br>标准地名录</h1>' '>180 条<' '资料截至</th><td>2026-11-20<' \
	'<section class="part" id="d-445322100">' '<section class="class" id="d-445322100-21610"><h2>行政村</h2>' \
	'<span class="roman">Yínpén Cūn</span>' '<span class="k">位置</span>都城镇 银盆村民委员会，<span class="nw">东经111°36′31″、北纬23°02′34″</span>' '<span class="k">范围</span><span class="nw">东经111°21′02″–111°54′33″</span>' \
	'<span class="k">曾用名</span>大湾墟、湾圩' '<span class="k">来历</span>清代成圩<br>民国沿用' \
	'<section class="index part" id="index"><h1>罗马字母拼写索引</h1>' \
	'<h2 class="letter">Y</h2>'; do
	case "$h" in *"$want"*) ;; *) fail "html lacks [$want]" ;; esac
done
# Parts in division order: the county's own places first, then the towns.
parts=$(grep -o '<section class="part" id="d-[0-9]*"' "$T/y.html" | grep -o '[0-9]*' | tr '\n' ' ')
want="445322 $(tail -n +2 "$FIX/names-yunan.csv" | cut -d, -f3 | cut -c1-9 | sort -u | tr '\n' ' ')"
[ "$parts" = "$want" ] || fail "parts: [$parts], expected [$want]"
# The index is sorted by romanization, tone marks aside.
grep -o '<span class="r">[^<]*' "$T/y.html" | sed 's/.*>//' >"$T/roman.txt"
[ "$(wc -l <"$T/roman.txt")" = 180 ] || fail "index entries: $(wc -l <"$T/roman.txt")"
sed 's/[üǖǘǚǜ]/v/g' "$T/roman.txt" | iconv -f utf-8 -t ascii//TRANSLIT | tr 'A-Z' 'a-z' | tr -d " '" >"$T/plain.txt"
LC_ALL=C sort -c "$T/plain.txt" || fail "index not sorted"

# Print it on A4 as a county office would, with headless Chromium.
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$T/y.pdf" \
	"file://$T/y.html" >"$T/.chromium" 2>&1 || fail "chromium: $(tail -3 "$T/.chromium")"
rm -rf "$profile"
pdfinfo "$T/y.pdf" >"$T/.pdfinfo" || fail "pdfinfo"
pages=$(sed -n 's/^Pages: *//p' "$T/.pdfinfo")
grep -q '^Page size: *594.96 x 841.92 pts (A4)' "$T/.pdfinfo" || fail "not A4: $(cat "$T/.pdfinfo")"
# Cover, contents, a part per division with a page break before each, the index.
nparts=$(echo $parts | wc -w)
[ "$pages" -ge $((nparts + 3)) ] && [ "$pages" -le 60 ] || fail "pages: $pages"
first=$(pdftotext -f 1 -l 1 -layout "$T/y.pdf" - | tr -s ' \n' ' ')
for want in 广东省云浮市 郁南县 标准地名录 "Yùnán Xiàn" 445322 "180 条" 2026-11-20 CGCS2000; do
	case "$first" in *"$want"*) ;; *) fail "page 1 lacks [$want]: $first" ;; esac
done
second=$(pdftotext -f 2 -l 2 -layout "$T/y.pdf" - | tr -s ' \n' ' ')
case "$second" in *"都城镇 445322100"*"行政村"*) ;; *) fail "page 2 is not the contents: $second" ;; esac
