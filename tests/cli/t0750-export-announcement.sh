# export announcement|filing CASE_ID: the 公告 of an approved case with the
# 地名备案公告管理办法 fields, and the 备案 record with the case's documents.
. "$ROOT/tests/cli/lib-export.sh"
setup_yunan
export DIMING_NOW=2026-03-02T09:30:00

id=$("$DIMING" case new naming --division 445322100 --name 大塘新村 --class 自然村 \
	--reason 新建移民安置点 --applicant 都城镇人民政府 --location 111.5212,23.2345) || fail "case new"
draft=$("$DIMING" case new naming --division 445322100 --name 龙湾村 --class 自然村) || fail "case new"
must --as 张三 case submit "$id"
echo "征求意见汇总" >"$T/consultation.txt"
must --as 李四 case review "$id" --expert 专家论证通过 --consultation "$T/consultation.txt"
must --as 王五 case approve "$id" --authority 郁南县人民政府 --doc-number 郁府函〔2026〕12号

snapshot
run export announcement "$id"
expect_rc 0
expect_out "地名命名公告

依据《地名管理条例》第十四条，现将经批准命名的标准地名公告如下：

标准名称：大塘新村
罗马字母拼写：Datangxincun
地名类别：自然村
所属政区：广东省云浮市郁南县都城镇
位置描述：位于广东省云浮市郁南县都城镇，东经111°31′16″、北纬23°14′04″（2000国家大地坐标系）
批准机关：郁南县人民政府
批准文号：郁府函〔2026〕12号
批准时间：2026年3月2日

特此公告。

2026年3月2日"
expect_err ""

run export announcement "$id" --format html -o "$T/a.html"
expect_rc 0
for want in '<title>地名命名公告</title>' '<tr><th>标准名称</th><td>大塘新村</td></tr>' \
	'<tr><th>罗马字母拼写</th><td class="roman">Datangxincun</td></tr>' \
	'<tr><th>所属政区</th><td>广东省云浮市郁南县都城镇</td></tr>' \
	'<tr><th>批准时间</th><td>2026年3月2日</td></tr>'; do
	grep -qF "$want" "$T/a.html" || fail "html lacks [$want]"
done

expect_unchanged

export DIMING_NOW=2026-03-20
must --as 张三 case announce "$id" --channel 郁南县人民政府网站
snapshot
run export filing "$id"
expect_rc 0
expect_out "地名备案登记表（命名）

案件编号      $id
备案事项      地名命名
标准名称      大塘新村
罗马字母拼写  Datangxincun
地名类别      自然村（22210）
所属政区      广东省云浮市郁南县都城镇（445322100）
位置描述      位于广东省云浮市郁南县都城镇，东经111°31′16″、北纬23°14′04″（2000国家大地坐标系）
申请单位      都城镇人民政府
申请理由      新建移民安置点
批准机关      郁南县人民政府
批准文号      郁府函〔2026〕12号
批准时间      2026-03-02（批准人 王五）
名称审查      0 项错误，0 项警告
公告时间      2026-03-20（郁南县人民政府网站；期限 2026-03-17）
备案时间      未备案（期限 2026-03-17）
逾期          是

材料清单
  1. 地名命名申请（都城镇人民政府，2026-03-02T09:30:00）
  2. 专家论证报告：专家论证通过（李四，2026-03-02T09:30:00）
  3. 征求意见材料：$T/consultation.txt（李四，2026-03-02T09:30:00）
  4. 批准文件：郁南县人民政府 郁府函〔2026〕12号（2026-03-02）
  5. 地名公告：2026-03-20，郁南县人民政府网站

办理过程
  2026-03-02T09:30:00  draft       tester
  2026-03-02T09:30:00  submitted   张三
  2026-03-02T09:30:00  reviewed    李四
  2026-03-02T09:30:00  approved    王五
  2026-03-20T00:00:00  announced   张三"
run export filing "$id" --json
expect_rc 0
[ "$(json_get '$.standard_name')" = 大塘新村 ] || fail "json name"
[ "$(json_get '$.division')" = 广东省云浮市郁南县都城镇 ] || fail "json division"
[ "$(json_get '$.documents[1].path')" = "$T/consultation.txt" ] || fail "json documents"
[ "$(json_get '$.documents[0].note')" = 专家论证通过 ] || fail "json documents"
[ "$(json_get '$.overdue')" = 1 ] || fail "json overdue"
[ "$(json_get '$.events[4].state')" = announced ] || fail "json events"
# The announcement keeps its own date once announced.
run export announcement "$id"
expect_out_has "位置描述："
case "$out" in *"2026年3月20日") ;; *) fail "announcement date: $out" ;; esac
expect_unchanged

# Only an approved case has a notice; bad ids and formats are usage errors.
run export announcement "$draft"
expect_rc 1
expect_err "diming: error: case $draft is draft: only an approved case is announced and filed"
run export filing 999
expect_rc 2
expect_err "diming: error: no case with id 999"
run export announcement x1
expect_rc 2
expect_err "diming: error: not a case id: 'x1' (see 'diming export announcement --help')"
run export announcement "$id" --format pdf
expect_rc 2
expect_err "diming: error: unknown format 'pdf' (text, html) (see 'diming export announcement --help')"
run export filing
expect_rc 2
expect_unchanged
