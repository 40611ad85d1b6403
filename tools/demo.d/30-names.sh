# 30-names.sh - standard place names (标准地名) of 郁南县 and a renaming case
# (更名) through its whole legal life.  Sourced by tools/demo.sh ($D the
# binary, $DB the registry, say).  The dates are set with DIMING_NOW so the
# deadlines read the same on every run.

say "the 177 administrative villages of 郁南县 (from the real 村民委员会 rows; points approximate)"
DIMING_NOW=2023-01-10 "$D" import names tests/fixtures/names-yunan.csv
"$D" name show 银盆村

say "search: by pinyin, initials, one wrong character; division names count"
"$D" name search yinpen
"$D" name search ypc --by initials --division 445322
"$D" name search 郁男县 --by fuzzy

say "a proposed name against the rules and the register (2022 scopes)"
"$D" check name 冲口村 --division 445322100201 --class 行政村 || true

say "renaming 银盆村 → 银盆新村: draft, submit, review, approve, announce, file"
export DIMING_NOW=2024-05-06T09:00:00
case_id=$("$D" case new renaming --place 1 --name 银盆新村 \
	--reason "村庄扩建后名实不符" --applicant "银盆村民委员会")
"$D" case submit "$case_id" --as 王科员 --note "材料齐全"
"$D" case review "$case_id" --as 李科长 --expert "专家论证会纪要（2024-04-28）" \
	--consultation "征求意见报告：村民代表会议通过"
"$D" case approve "$case_id" --as 陈局长 --authority 郁南县人民政府 --doc-number "郁府函〔2024〕12号"
DIMING_NOW=2024-05-22 "$D" case list --overdue
DIMING_NOW=2024-05-10 "$D" case announce "$case_id" --as 陈局长 --channel "郁南县人民政府网站"
DIMING_NOW=2024-05-12 "$D" case file "$case_id" --as 陈局长
"$D" case show "$case_id"
unset DIMING_NOW

say "the place kept its id; its history, and search by its former name"
"$D" name history 1
"$D" name search 银盆村 --by exact
