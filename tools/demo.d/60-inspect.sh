# 60-inspect.sh - the joint inspection (联检) of the two 郁南县 lines from a SAMPLE survey.
# Sourced by tools/demo.sh ($D the binary, $DB the registry, $BUILD, say).
# `diming inspect` exits 1 when it finds problems, which this survey has.

inspect() { "$D" inspect "$@" || [ $? -eq 1 ]; }

say "hazards found on the line before the round (隐患台账)"
"$D" hazard add --boundary 445303-445322 --monument 445303-445322-009Q --kind construction \
	--note "修路施工紧邻界桩，需双方协商保护措施" >/dev/null
"$D" hazard add --boundary 445303-445322 --kind marker \
	--note "012Q 处发现一颗未登记界桩，疑单方设立，待双方核实" >/dev/null
"$D" hazard list --open

say "联检 of both lines from the SAMPLE survey data/survey-yunan-sample.csv"
inspect 445303-445322 445322-445381 --survey data/survey-yunan-sample.csv \
	--date 2025-06-18 --round 第四轮联检

say "the JSON of one monument's result"
inspect 445303-445322 --survey data/survey-yunan-sample.csv --date 2025-06-18 --json |
	awk '/"number": "445303-445322-009Q"/ { on = 1 } on { print } on && /^    }/ { on = 0 }'

say "the signed reports (HTML, A4) and the updated 界桩登记表 (CSV), saved as round 第四轮联检"
inspect 445303-445322 --survey data/survey-yunan-sample.csv --date 2025-06-18 --round 第四轮联检 \
	--parties "云浮市云安区人民政府;郁南县人民政府" --save -o "$BUILD/inspect-445303-445322.html"
inspect 445322-445381 --survey data/survey-yunan-sample.csv --date 2025-06-18 --round 第四轮联检 \
	--parties "郁南县人民政府;罗定市人民政府" --save -o "$BUILD/inspect-445322-445381.html"
inspect 445303-445322 445322-445381 --survey data/survey-yunan-sample.csv --date 2025-06-18 \
	--round 第四轮联检 -o "$BUILD/inspect-yunan.csv"
ls -l "$BUILD"/inspect-445303-445322.html "$BUILD"/inspect-445322-445381.html "$BUILD"/inspect-yunan.csv |
	awk '{ print "  " $NF " (" $5 " bytes)" }'

say "the round in a monument's history and the line's last inspection"
"$D" monument show 445303-445322-009Q | sed -n '/^inspections/,$p'
"$D" boundary show 445303-445322 --json | grep '"last_inspected"'
