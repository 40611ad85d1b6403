# export gazetteer --format csv: BOM, header, RFC 4180 quoting, CRLF, filters,
# errors that leave nothing behind, and the round trip through import names.
. "$ROOT/tests/cli/lib-export.sh"
setup_yunan
add_quoted_place

snapshot
run export gazetteer --division 445322 --format csv -o "$T/y.csv"
expect_rc 0
expect_out ""
expect_err "diming: 178 places written to $T/y.csv (csv)"
expect_unchanged
expect_no_temp

# UTF-8 BOM, then the contract columns; every record ends in CRLF.
[ "$(head -c 3 "$T/y.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no UTF-8 BOM"
[ "$(head -1 "$T/y.csv" | tail -c +4)" = "$COLUMNS"$'\r' ] || fail "header: $(head -1 "$T/y.csv")"
[ "$(csv_records "$T/y.csv")" = 178 ] || fail "records: $(csv_records "$T/y.csv")"
[ "$(grep -c $'\r$' "$T/y.csv")" = 179 ] || fail "CRLF line ends"
grep -q '^银盆村,Yinpen Cun,银盆,村,行政村,21610,银盆村民委员会,445322100201,111.608622,23.042789,,,,,,,,,现今,'$'\r''$' "$T/y.csv" ||
	fail "row of 银盆村: $(grep 银盆村 "$T/y.csv")"
# Quotes doubled, fields with a comma or a line break quoted, the rest bare.
grep -q '^大湾圩,Dawanwei,大湾圩,,农村居民点,22200,大湾镇,445322111,111.4521,23.1043,"因地处大湾而名，""湾""指河湾","清代成圩$' "$T/y.csv" ||
	fail "quoted row: $(grep -A1 大湾圩 "$T/y.csv")"
grep -q '^民国沿用",1958年属大湾公社,大湾墟;湾圩,,,,,现今,'$'\r''$' "$T/y.csv" || fail "quoted row, second line"

# Filters: a class (by name or alias), a town, stdout.
run export gazetteer --division 445322 --class 行政村 -o "$T/v.csv"
expect_rc 0
[ "$(csv_records "$T/v.csv")" = 177 ] || fail "--class 行政村"
run export gazetteer --division 445322111 -o - --format csv
expect_rc 0
expect_err "diming: 8 places written to stdout (csv)"
expect_out_has "大湾圩"
expect_out_lacks "银盆村"

# The round trip: a fresh registry with the same divisions gets the same
# records from the exported file as it is (import names reads the
# contract's Chinese column names).
must --db "$T/fresh.sqlite" init
must --db "$T/fresh.sqlite" import divisions "$DATA/divisions-yunfu-jiangmen.csv"
run --db "$T/fresh.sqlite" import names "$T/y.csv"
expect_rc 0
expect_err_has "178 read, 178 new, 0 unchanged, 0 updated, 2 other names"
must --db "$T/fresh.sqlite" export gazetteer --division 445322 -o "$T/y2.csv"
cmp -s "$T/y.csv" "$T/y2.csv" || fail "the round trip changed the gazetteer: $(diff "$T/y.csv" "$T/y2.csv" | head -5)"
# And again: the import is idempotent.
run --db "$T/fresh.sqlite" import names "$T/y.csv"
expect_err_has "178 read, 0 new, 178 unchanged"

# Bad requests: exit 2, nothing written, no file left.
snapshot
run export gazetteer --division 999999 -o "$T/bad.csv"
expect_rc 2
expect_err "diming: error: no division with code '999999'"
run export gazetteer --class 火星 -o "$T/bad.csv"
expect_rc 2
expect_err "diming: error: unknown place class '火星'"
run export gazetteer --as-of 2026-02-30 -o "$T/bad.csv"
expect_rc 2
expect_err "diming: error: --as-of: not a date (YYYY-MM-DD): '2026-02-30'"
run export gazetteer -o "$T/bad.txt"
expect_rc 2
expect_err "diming: error: cannot tell the format from '$T/bad.txt': give --format (see 'diming export --help')"
run export gazetteer --format pdf -o "$T/bad.csv"
expect_rc 2
expect_err "diming: error: unknown format 'pdf' (csv, geojson, gpkg, html) (see 'diming export --help')"
run export gazetteer --format csv
expect_rc 2
expect_err "diming: error: gazetteer needs -o FILE (see 'diming export --help')"
run export gazetteer --format gpkg -o -
expect_rc 2
expect_err "diming: error: a GeoPackage cannot go to stdout: give -o FILE (see 'diming export --help')"
run export gazetteer -o "$T/no/such/dir/y.csv"
expect_rc 3
expect_err_has "diming: error: cannot create '$T/no/such/dir/y.csv': No such file or directory"
run export atlas
expect_rc 2
[ ! -e "$T/bad.csv" ] && [ ! -e "$T/bad.txt" ] || fail "a file was written"
expect_no_temp
expect_unchanged

run export --help
expect_rc 0
expect_out_has "usage: diming export gazetteer"
