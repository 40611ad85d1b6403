# case: each illegal transition exits 1 with the reason and writes nothing.
. "$ROOT/tests/cli/lib.sh"
must init
must import divisions "$DATA/divisions-yunfu-jiangmen.csv"
must import names "$FIX/names-yunan.csv"
export DIMING_NOW=2024-05-01

run case new renaming --place 1 --name 银盆新村
expect_out 1
snapshot
illegal() {  # illegal VERB "OPTIONS" STATE NEEDS
	verb=$1 opts=$2
	# shellcheck disable=SC2086
	run case "$verb" 1 --as chen $opts
	expect_rc 1
	expect_out ""
	expect_err "diming: error: case 1 is $3: '$verb' needs a case that is $4"
	expect_unchanged
}
illegal review "--expert 专家 --consultation 意见" draft submitted
illegal approve "--authority 郁南县人民政府 --doc-number 1号" draft reviewed
illegal reject "" draft reviewed
illegal announce "--channel 网站" draft approved
illegal file "" draft announced
must case submit 1 --as wang
snapshot
illegal submit "" submitted draft
illegal approve "--authority 郁南县人民政府 --doc-number 1号" submitted reviewed
illegal announce "--channel 网站" submitted approved
# A review without the reports it must record.
run case review 1 --as li --expert "专家论证"
expect_rc 1
expect_err "diming: error: case 1: a review records the expert review (专家论证, --expert) and the consultation (征求意见, --consultation)"
expect_unchanged
must case review 1 --as li --expert "专家论证" --consultation "征求意见"
snapshot
illegal review "--expert 专家 --consultation 意见" reviewed submitted
illegal file "" reviewed announced
must case approve 1 --as chen --authority 郁南县人民政府 --doc-number 1号
snapshot
illegal withdraw "" approved "draft, submitted or reviewed"
illegal approve "--authority 郁南县人民政府 --doc-number 1号" approved reviewed
illegal reject "" approved reviewed
illegal file "" approved announced
must case announce 1 --as chen --channel 网站
must case file 1 --as chen
snapshot
illegal announce "--channel 网站" filed approved
illegal withdraw "" filed "draft, submitted or reviewed"

# Withdrawn and rejected cases are final.
run case new renaming --place 2 --name 榄塘新村
expect_out 2
must case withdraw 2 --as zhang --note "申请人撤回"
run case submit 2 --as wang
expect_rc 1
expect_err "diming: error: case 2 is withdrawn: 'submit' needs a case that is draft"

# Usage errors exit 2.
run case approve 1 --as chen
expect_rc 2
expect_err "diming: error: approve needs --authority and --doc-number (see 'diming case approve --help')"
run case show 99
expect_rc 2
expect_err "diming: error: no case with id 99"
run case submit 99 --as wang
expect_rc 2
expect_err "diming: error: no case with id 99"
run case new renaming --name 新名
expect_rc 2
expect_err "diming: error: --division is required (see 'diming case new --help')"
run case new naming --division 445322100 --name 金滩路
expect_rc 2
expect_err "diming: error: a naming case needs --name, --class and --division (see 'diming case new --help')"
run case approve 1 --as chen --override
expect_rc 2
expect_err "diming: error: --override needs --reason TEXT (see 'diming case approve --help')"
run case list --state pending
expect_rc 2
