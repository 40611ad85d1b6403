# lib-inspect.sh - sourced by the 06xx tests after lib.sh: a registry with the
# SAMPLE lines and monuments of 郁南县 (data/README.md), nodes from
# `boundary derive`, and helpers for surveys.
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
run import divisions "$DATA/counties-yunfu.geojson"
must import boundaries "$DATA/boundaries-yunan-sample.geojson"
run boundary derive --within 4453
expect_rc 0
must import monuments "$DATA/monuments-yunan-sample.csv"
L1=445303-445322
L2=445322-445381
SURVEY="$DATA/survey-yunan-sample.csv"

# A survey that finds every monument of the sample exactly as registered.
clean_survey() { # OUT
	awk -F, 'NR == 1 { print "number,x,y,h,srs,condition,ref1_name,ref1_azimuth,ref1_distance_m,ref2_name,ref2_azimuth,ref2_distance_m,ref3_name,ref3_azimuth,ref3_distance_m"; next }
		{ print $1 "," $5 "," $6 "," $7 "," $8 ",完好," $12 "," $13 "," $14 "," $15 "," $16 "," $17 "," $18 "," $19 "," $20 }' \
		"$DATA/monuments-yunan-sample.csv" > "$1"
}

# Non-white pixels of a PDF rendered at 30 dpi in grey, all pages.
dark_pixels() { # PDF
	local d n=0 f w h c
	d=$(mktemp -d "$T/ppm.XXXXXX")
	pdftoppm -r 30 -gray "$1" "$d/p"
	for f in "$d"/p*.pgm; do
		# P5, width height, maxval, then one byte per pixel
		read -r w h < <(head -c 20 "$f" | sed -n 2p)
		c=$(tail -c $((w * h)) "$f" | od -An -v -tu1 | awk '{ for (i = 1; i <= NF; i++) if ($i < 200) n++ } END { print n + 0 }')
		n=$((n + c))
	done
	echo "$n"
}
