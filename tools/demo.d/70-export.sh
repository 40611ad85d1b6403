# 70-export.sh - the 郁南县 standard gazetteer (标准地名录) as a spreadsheet,
# a GeoPackage and the printable book, and the announcement (公告) of the
# renaming case of 30-names.sh.  Sourced by tools/demo.sh ($D, $DB, $BUILD,
# say; $case_id from 30-names.sh).

say "export: the 郁南县 standard gazetteer (标准地名录)"
out="$PWD/$BUILD"
"$D" export gazetteer --division 445322 --format csv -o "$out/yunan-gazetteer.csv"
"$D" export gazetteer --division 445322 --format html -o "$out/yunan-gazetteer.html"
"$D" export gazetteer --division 445322 --format gpkg -o "$out/yunan-gazetteer.gpkg"
printf '  %-40s %s\n' "spreadsheet (UTF-8 CSV, opens in Excel)" "$out/yunan-gazetteer.csv" \
	"printable book (HTML, print on A4)" "$out/yunan-gazetteer.html" \
	"GIS layers (GeoPackage, opens in QGIS)" "$out/yunan-gazetteer.gpkg"
if command -v chromium >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then
	profile=$(mktemp -d)
	if chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$profile" --no-pdf-header-footer \
		--print-to-pdf="$out/yunan-gazetteer.pdf" "file://$out/yunan-gazetteer.html" \
		>/dev/null 2>&1; then
		pages=$(pdfinfo "$out/yunan-gazetteer.pdf" | awk '/^Pages:/ { print $2 }')
		printf '  %-40s %s\n' "the book printed to PDF ($pages A4 pages)" "$out/yunan-gazetteer.pdf"
	fi
	rm -rf "$profile"
fi
say "the first rows of the gazetteer"
head -4 "$out/yunan-gazetteer.csv" | cut -d, -f1-10

if [ -n "${case_id:-}" ]; then
	say "the announcement (公告) of case $case_id, as published"
	"$D" export announcement "$case_id"
fi
