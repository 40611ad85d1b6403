/* check_rules.c - the single-name naming rules, on real names.
 *
 * Firing cases are names from china-division 2.7.0 (villages.csv,
 * streets.csv) and the examples of the place-name rules digest; the
 * not-firing case is every division of data/divisions-yunfu-jiangmen.csv.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry/reg_rules.h"
#include "tests/testlib.h"

/* Check name and return the findings of one rule, joined as
 * "severity: message|severity: message". */
static const char *findings(const char *name, const char *class_hint, const char *roman,
			    const char *rule)
{
	static char out[2048];
	struct reg_finding_list l;
	struct err e = ERR_INIT;
	size_t i, len = 0;

	reg_finding_list_init(&l);
	ck_assert_msg(reg_rules_check_name(name, class_hint, roman, &l, &e) == 0, "%s: %s", name,
		      e.msg);
	out[0] = '\0';
	for (i = 0; i < l.n; i++) {
		if (strcmp(l.v[i].rule, rule))
			continue;
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s: %s", len ? "|" : "",
					reg_severity_name(l.v[i].severity), l.v[i].message);
	}
	reg_finding_list_release(&l);
	return out;
}

START_TEST(test_reg_rules_exaggerated)
{
	ck_assert_str_eq(findings("中央党校社区居委会", "社区", NULL, "exaggerated"),
			 "error: contains '中央', a word that overstates the place (大)");
	ck_assert_str_eq(findings("环球村委会", "村", NULL, "exaggerated"),
			 "error: contains '环球', a word that overstates the place (大)");
	ck_assert_str_eq(findings("欧洲花园社区居委会", "社区", NULL, "exaggerated"),
			 "error: contains '欧洲', a word that overstates the place (大)");
	/* An oversized generic is a warning, on buildings and unknown classes. */
	ck_assert_str_eq(findings("人民广场", "广场", NULL, "exaggerated"),
			 "warning: 通名 '广场' may overstate the place: check its size against the "
			 "local thresholds (大)");
	ck_assert_str_eq(findings("新城社区居委会", "社区", NULL, "exaggerated"), "");
	ck_assert_str_eq(findings("石城镇", "镇", NULL, "exaggerated"), "");
	ck_assert_str_eq(findings("中山社区居民委员会", "社区", NULL, "exaggerated"), "");
}
END_TEST

START_TEST(test_reg_rules_foreign)
{
	ck_assert_str_eq(findings("巴黎印象社区居民委员会", "社区", NULL, "foreign"),
			 "error: contains '巴黎', a foreign place or person name (洋)");
	ck_assert_str_eq(findings("维多利亚社区居民委员会", "社区", NULL, "foreign"),
			 "error: contains '维多利亚', a foreign place or person name (洋)");
	ck_assert_str_eq(findings("温泉花园A区社区居委会", "社区", NULL, "foreign"),
			 "error: contains Latin letters (洋)");
	/* Chinese village names that look like transliterations are not listed. */
	ck_assert_str_eq(findings("柏林庄社区居民委员会", "社区", NULL, "foreign"), "");
	ck_assert_str_eq(findings("罗马庄村村民委员会", "村", NULL, "foreign"), "");
	ck_assert_str_eq(findings("银盆村民委员会", "村", NULL, "foreign"), "");
}
END_TEST

START_TEST(test_reg_rules_odd)
{
	ck_assert_str_eq(findings("旭辉御府社区居民委员会", "社区", NULL, "odd"),
			 "error: contains '御府', a word with a feudal flavour (怪)");
	ck_assert_str_eq(findings("1201社区居委会", "社区", NULL, "odd"),
			 "error: the 专名 '1201' is only digits (怪)");
	ck_assert_str_eq(findings("黄寺大街24号社区居委会", "社区", NULL, "odd"),
			 "error: the 专名 '黄寺大街24号' mixes digits with other text (怪)");
	ck_assert_str_eq(findings("大(土郎)村民委员会", "村", NULL, "odd"),
			 "error: symbol '(' in the name (怪)");
	ck_assert_str_eq(findings("幸福·家园", NULL, NULL, "odd"),
			 "error: symbol '·' in the name (怪)");
	ck_assert_str_eq(findings("大迴城村村委会", "村", NULL, "odd"),
			 "error: mixes traditional '迴' and simplified '会' characters (繁简混搭)");
	ck_assert_str_eq(findings("五一村民委员会", "村", NULL, "odd"), "");
	ck_assert_str_eq(findings("承平村民委员会", "村", NULL, "odd"), "");
}
END_TEST

START_TEST(test_reg_rules_rare_and_traditional_chars)
{
	ck_assert_str_eq(findings("奤夿屯村委会", "村", NULL, "rare-char"),
			 "error: '奤' (U+5964) is not in the 通用规范汉字表 (生僻字)|"
			 "error: '夿' (U+593F) is not in the 通用规范汉字表 (生僻字)");
	ck_assert_str_eq(findings("大栜树村委会", "村", NULL, "rare-char"),
			 "error: '栜' (U+681C) is not in the 通用规范汉字表 (生僻字)");
	ck_assert_str_eq(findings("东趙村村委会", "村", NULL, "traditional-char"),
			 "error: '趙' is the traditional form of '赵' (繁体字)");
	ck_assert_str_eq(findings("西高坵村民委员会", "村", NULL, "traditional-char"),
			 "error: '坵' is a variant form of '丘' (异体字)");
	/* A traditional character is not also rare, and 乾 is standard. */
	ck_assert_str_eq(findings("东趙村村委会", "村", NULL, "rare-char"), "");
	ck_assert_str_eq(findings("乾安县", "县级", NULL, "traditional-char"), "");
	ck_assert_str_eq(findings("歙县", "县级", NULL, "rare-char"), "");
}
END_TEST

START_TEST(test_reg_rules_person_name)
{
	ck_assert_str_eq(findings("朱德村民委员会", "村", NULL, "person-name"),
			 "warning: contains '朱德', the name of a listed person (人名)");
	ck_assert_str_eq(findings("王岐山村委会", "村", NULL, "person-name"),
			 "warning: contains '王岐山', the name of a listed person (人名)");
	/* Given names alone (中山, 左权) are not matched. */
	ck_assert_str_eq(findings("中山社区居民委员会", "社区", NULL, "person-name"), "");
	ck_assert_str_eq(findings("左权县", "县级", NULL, "person-name"), "");
}
END_TEST

START_TEST(test_reg_rules_generic)
{
	ck_assert_str_eq(findings("都城镇", "街路巷", NULL, "generic"),
			 "error: 通名 '镇' does not fit class '街路巷' (expected one like 路、街、巷、"
			 "大道)");
	ck_assert_str_eq(findings("沾河林业局", "乡镇", NULL, "generic"),
			 "error: no 通名 for class '乡镇' (expected one like 乡、镇、街道)");
	ck_assert_str_eq(findings("解放", "21800", NULL, "generic"),
			 "error: no 通名 for class '21800' (expected one like 路、街、巷、大道)");
	ck_assert_str_eq(findings("解放路", "街路巷", NULL, "generic"), "");
	ck_assert_str_eq(findings("中山北路", "road", NULL, "generic"), "");
	ck_assert_str_eq(findings("都城镇", "镇", NULL, "generic"), "");
	ck_assert_str_eq(findings("云城街道", "乡镇", NULL, "generic"), "");
	/* Natural villages need no 通名; an unknown class checks nothing. */
	ck_assert_str_eq(findings("周口店", "自然村", NULL, "generic"), "");
	ck_assert_str_eq(findings("周口店", NULL, NULL, "generic"), "");
}
END_TEST

START_TEST(test_reg_rules_romanization)
{
	ck_assert_str_eq(findings("郁南县", NULL, "Yunan County", "romanization"),
			 "error: romanization 'Yunan County': English generic 'County' (write the "
			 "通名 in pinyin)");
	ck_assert_str_eq(findings("东吴南路", NULL, "dongwu rd s", "romanization"),
			 "error: romanization 'dongwu rd s': English generic 'rd' (write the 通名 in "
			 "pinyin)");
	ck_assert_str_eq(findings("西安市", NULL, "Xian Shi", "romanization"),
			 "error: romanization 'Xian Shi': missing apostrophe (expected 'Xi'an Shi')");
	ck_assert_str_eq(findings("西安", NULL, "XIAN", "romanization"),
			 "error: romanization 'XIAN': missing apostrophe (expected 'Xi'an')");
	ck_assert_str_eq(findings("郁南县", NULL, "Yu'nan Xian", "romanization"),
			 "error: romanization 'Yu'nan Xian': misplaced apostrophe (expected 'Yunan "
			 "Xian')");
	ck_assert_str_eq(findings("郁南县", NULL, "yunan xian", "romanization"),
			 "error: romanization 'yunan xian': wrong capitals (expected 'Yunan Xian')");
	ck_assert_str_eq(findings("郁南县", NULL, "Yunanxian", "romanization"),
			 "error: romanization 'Yunanxian': wrong word division (expected 'Yunan "
			 "Xian')");
	ck_assert_str_eq(findings("郁南县", NULL, "Yü-nan Hsien", "romanization"),
			 "error: romanization 'Yü-nan Hsien' differs from the standard spelling "
			 "'Yunan Xian'");
	/* The three standard styles pass. */
	ck_assert_str_eq(findings("郁南县", NULL, "Yunan Xian", "romanization"), "");
	ck_assert_str_eq(findings("郁南县", NULL, "Yùnán Xiàn", "romanization"), "");
	ck_assert_str_eq(findings("郁南县", NULL, "YUNAN XIAN", "romanization"), "");
	ck_assert_str_eq(findings("六安市", NULL, "LU'AN SHI", "romanization"), "");
	ck_assert_str_eq(findings("东吴南路", NULL, "DONGWU NANLU", "romanization"), "");
}
END_TEST

START_TEST(test_reg_rules_bad_input)
{
	struct reg_finding_list l;
	struct err e = ERR_INIT;

	reg_finding_list_init(&l);
	ck_assert_int_eq(reg_rules_check_name("", NULL, NULL, &l, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "empty name");
	ck_assert_int_eq(reg_rules_check_name("郁\xE9\x83", NULL, NULL, &l, &e), -1);
	ck_assert_str_eq(e.msg, "invalid UTF-8 at byte 4");
	ck_assert_uint_eq(l.n, 0);
	reg_finding_list_release(&l);
}
END_TEST

START_TEST(test_reg_rules_finding_list_appends)
{
	struct reg_finding_list l;
	struct reg_finding *f;
	struct err e = ERR_INIT;

	reg_finding_list_init(&l);
	ck_assert_int_eq(reg_rules_check_name("朱德村民委员会", "村", NULL, &l, &e), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_uint_eq(reg_finding_list_errors(&l), 0);
	f = reg_finding_add(&l, "duplicate", REG_SEV_ERROR, "'%s' is used twice", "东村");
	f->place_id = 7;
	ck_assert_uint_eq(l.n, 2);
	ck_assert_uint_eq(reg_finding_list_errors(&l), 1);
	ck_assert_str_eq(l.v[1].rule, "duplicate");
	ck_assert_str_eq(l.v[1].message, "'东村' is used twice");
	ck_assert_int_eq(l.v[1].place_id, 7);
	ck_assert_int_eq(l.v[0].place_id, 0);
	ck_assert_str_eq(reg_severity_name(l.v[0].severity), "warning");
	reg_finding_list_clear(&l);
	ck_assert_uint_eq(l.n, 0);
	reg_finding_list_release(&l);
}
END_TEST

/* Every name of the 云浮/江门 sample: 郁南县 has no finding at all; the
 * two prefectures have these, in file order: non-township units at town
 * level (industrial parks, a prison, new districts), a traditional 裡, a
 * rare 氹, variants 廻 and 菴, and brackets around an unencodable 土郎. */
static const char *const sample_findings =
	"圭峰区 generic|银湖湾 generic|银湖湾滨海新区 generic|工业园区 generic|"
	"裡村村委会 traditional-char|裡村村委会 odd|翠山湖新区 generic|桥氹村委会 rare-char|"
	"广东省江门监狱 generic|恩平园区 generic|(土郎)头村民委员会 odd|大(土郎)村民委员会 odd|"
	"梭(土郎)村民委员会 odd|步(土郎)村民委员会 odd|旧(土郎)村民委员会 odd|"
	"新(土郎)村民委员会 odd|廻龙村民委员会 traditional-char|石菴村民委员会 traditional-char";

START_TEST(test_reg_rules_sample_divisions)
{
	FILE *f = fopen(test_data("divisions-yunfu-jiangmen.csv"), "r");
	struct reg_finding_list l;
	struct err e = ERR_INIT;
	char line[512], seen[2048] = "";
	long yunan = 0, names = 0;

	ck_assert_ptr_nonnull(f);
	reg_finding_list_init(&l);
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));   /* header */
	while (fgets(line, sizeof(line), f)) {
		/* code,name,parent_code,level with no quoting. */
		char *code = line, *name = strchr(code, ','), *parent, *level;
		const char *cls;
		size_t before = l.n, i;

		ck_assert_ptr_nonnull(name);
		*name++ = '\0';
		parent = strchr(name, ',');
		ck_assert_ptr_nonnull(parent);
		*parent++ = '\0';
		level = strchr(parent, ',');
		ck_assert_ptr_nonnull(level);
		level++;
		level[strcspn(level, "\r\n")] = '\0';
		cls = !strcmp(level, "village") ? "村" : !strcmp(level, "town") ? "乡镇" : "division";
		ck_assert_int_eq(reg_rules_check_name(name, cls, NULL, &l, &e), 0);
		names++;
		if (!strncmp(code, "445322", 6)) {
			yunan++;
			ck_assert_msg(l.n == before, "%s: %s", name, l.n > before ? l.v[before].message : "");
		}
		for (i = before; i < l.n; i++) {
			size_t len = strlen(seen);

			snprintf(seen + len, sizeof(seen) - len, "%s%s %s", len ? "|" : "", name,
				 l.v[i].rule);
		}
	}
	fclose(f);
	ck_assert_int_eq(names, 2496);
	ck_assert_int_eq(yunan, 224);
	ck_assert_str_eq(seen, sample_findings);
	reg_finding_list_release(&l);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("rules");

	tcase_add_test(tc, test_reg_rules_exaggerated);
	tcase_add_test(tc, test_reg_rules_foreign);
	tcase_add_test(tc, test_reg_rules_odd);
	tcase_add_test(tc, test_reg_rules_rare_and_traditional_chars);
	tcase_add_test(tc, test_reg_rules_person_name);
	tcase_add_test(tc, test_reg_rules_generic);
	tcase_add_test(tc, test_reg_rules_romanization);
	suite_add_tcase(s, tc);
	tc = tcase_create("api");
	tcase_add_test(tc, test_reg_rules_bad_input);
	tcase_add_test(tc, test_reg_rules_finding_list_appends);
	suite_add_tcase(s, tc);
	tc = tcase_create("sample");
	tcase_add_test(tc, test_reg_rules_sample_divisions);
	suite_add_tcase(s, tc);
	return s;
}
