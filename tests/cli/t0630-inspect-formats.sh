# CSV (the updated 界桩登记表, UTF-8 with BOM) and the HTML report, rendered in
# headless Chromium and checked not to be blank.
. "$ROOT/tests/cli/lib.sh"
. "$ROOT/tests/cli/lib-inspect.sh"

run inspect $L1 --survey "$SURVEY" --date 2025-06-18 --format csv
expect_rc 1
[ "$(head -c 3 "$T/.out" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no UTF-8 BOM"
head -1 "$T/.out" | tail -c +4 | grep -q '^number,boundary_code,type,verdict,condition,action,x,y,h,srs,x_surveyed,y_surveyed,h_surveyed,dx_m,dy_m,displacement_m,dh_m,distance_to_line_m,tolerance_m,ref1_name,ref1_azimuth,ref1_distance_m,' ||
	fail "csv header: $(head -1 "$T/.out")"
[ "$(wc -l < "$T/.out")" -eq 14 ] || fail "csv rows: $(wc -l < "$T/.out")"
grep -q "^$L1-003Q,$L1,Q,displaced,完好,复位,2547766.448,37591819.551,381.688,EPSG:4525,2547769.557,37591816.854,381.358,3.109,-2.697,4.116,-0.330,3.201,0.141,独立树,58°33′,201.5," "$T/.out" ||
	fail "003Q row: $(grep "^$L1-003Q" "$T/.out")"
# 004Q lost its 输电塔: two 方位物 written, the third slot empty
grep -q "^$L1-004Q,.*,电杆,32°30′,149.3,三角点,146°09′,59.8,,,,,,," "$T/.out" || fail "004Q 方位物: $(grep "^$L1-004Q" "$T/.out")"
grep -q "^$L1-007Q,$L1,Q,missing,丢失,补设," "$T/.out" || fail "007Q"

# -o with an extension chooses the format
run inspect $L1 --survey "$SURVEY" --date 2025-06-18 --parties "郁南县人民政府;云浮市云安区人民政府" -o "$T/report.html"
expect_rc 1
expect_out ""
grep -q '<svg xmlns="http://www.w3.org/2000/svg"' "$T/report.html" || fail "no inline SVG map"
grep -q '甲方：郁南县人民政府' "$T/report.html" && grep -q '乙方：云浮市云安区人民政府' "$T/report.html" || fail "signature blocks"
grep -q '位移（放大 200 倍）' "$T/report.html" || fail "exaggeration factor"
! grep -q -E '<script|<link|src="http' "$T/report.html" || fail "not self-contained"

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$T/chromium" --no-pdf-header-footer \
	--print-to-pdf="$T/report.pdf" "file://$T/report.html" >/dev/null 2>&1 || fail "chromium failed"
pages=$(pdfinfo "$T/report.pdf" | awk '/^Pages:/ { print $2 }')
size=$(pdfinfo "$T/report.pdf" | awk '/^Page size:/ { print $3 "x" $5 }')
[ "$pages" -ge 2 ] || fail "$pages pages"
[ "$size" = "594.96x841.92" ] || fail "not A4: $size"
dark=$(dark_pixels "$T/report.pdf")
# A4 at 30 dpi is 248x351 pixels a page: text, tables and the map darken
# several thousand; a blank or unstyled page far fewer.
[ "$dark" -gt 8000 ] || fail "the report looks blank: $dark dark pixels on $pages pages"
