# 50-boundaries.sh - boundary lines (行政区域界线) and monuments (界桩) of 郁南县.
# Sourced by tools/demo.sh ($D the binary, $DB the registry, say).

say "the two lines the 郁南县 plan names, with SAMPLE attributes (data/README.md)"
"$D" import boundaries data/boundaries-yunan-sample.geojson

say "county lines of 云浮市 derived from the county polygons (gaps and overlaps reported)"
"$D" boundary derive --within 4453 | grep -v '^      '

say "23 SAMPLE monuments from a 界桩成果表 (Gauss-Krüger zone 37, EPSG:4525)"
"$D" import monuments data/monuments-yunan-sample.csv

say "lines of 郁南县"
"$D" boundary list --division 445322

say "云安区—郁南县线"
"$D" boundary show 445303-445322 --json
"$D" boundary show 445303-445322 | sed -n '1,14p'

say "its monuments, in order along the line from its start"
"$D" monument list --boundary 445303-445322

say "a monument of a 同号双立 pair"
"$D" monument show 445303-445322-006A
