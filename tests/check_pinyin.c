/* check_pinyin.c - romanization, search keys and character facts.
 *
 * The golden lists are real names: county-level divisions of china-division
 * 2.7.0 with polyphonic characters or apostrophes, the examples of the
 * 1984 rules and GB/T 16159-2012, and village committees of 郁南县.  The
 * expected spellings follow the official toneless forms (Lu'an Shi, She
 * Xian), not this code's output.
 */
#include <stdlib.h>
#include <string.h>

#include "registry/reg_hanzi.h"
#include "registry/reg_pinyin.h"
#include "tests/testlib.h"

struct golden {
	const char *name, *expected;
};

/* County-level names whose reading is not the general one, or that hold
 * a polyphonic character (data/place-readings.tsv). */
static const struct golden polyphonic[] = {
	{ "六安市", "Lu'an Shi" },         { "六合区", "Luhe Qu" },
	{ "蚌埠市", "Bengbu Shi" },        { "蚌山区", "Bengshan Qu" },
	{ "番禺区", "Panyu Qu" },          { "厦门市", "Xiamen Shi" },
	{ "洪洞县", "Hongtong Xian" },     { "乐亭县", "Laoting Xian" },
	{ "乐陵市", "Laoling Shi" },       { "乐清市", "Yueqing Shi" },
	{ "乐山市", "Leshan Shi" },        { "丽水市", "Lishui Shi" },
	{ "台州市", "Taizhou Shi" },       { "天台县", "Tiantai Xian" },
	{ "铅山县", "Yanshan Xian" },      { "东阿县", "Dong'e Xian" },
	{ "歙县", "She Xian" },            { "涡阳县", "Guoyang Xian" },
	{ "枞阳县", "Zongyang Xian" },     { "莘县", "Shen Xian" },
	{ "大埔县", "Dabu Xian" },         { "黄埔区", "Huangpu Qu" },
	{ "珲春市", "Hunchun Shi" },       { "荥阳市", "Xingyang Shi" },
	{ "荥经县", "Yingjing Xian" },     { "漯河市", "Luohe Shi" },
	{ "单县", "Shan Xian" },           { "冠县", "Guan Xian" },
	{ "长子县", "Zhangzi Xian" },      { "蔚县", "Yu Xian" },
	{ "尉氏县", "Yushi Xian" },        { "尉犁县", "Yuli Xian" },
	{ "闽侯县", "Minhou Xian" },       { "监利市", "Jianli Shi" },
	{ "阆中市", "Langzhong Shi" },     { "句容市", "Jurong Shi" },
	{ "吴堡县", "Wubu Xian" },         { "济南市", "Jinan Shi" },
	{ "济宁市", "Jining Shi" },        { "济源市", "Jiyuan Shi" },
	{ "繁峙县", "Fanshi Xian" },       { "蠡县", "Li Xian" },
	{ "浚县", "Xun Xian" },            { "泌阳县", "Biyang Xian" },
	{ "黄陂区", "Huangpi Qu" },        { "宝坻区", "Baodi Qu" },
	{ "泊头市", "Botou Shi" },         { "牟平区", "Muping Qu" },
	{ "中牟县", "Zhongmu Xian" },      { "筠连县", "Junlian Xian" },
	{ "犍为县", "Qianwei Xian" },      { "无为市", "Wuwei Shi" },
	{ "闵行区", "Minhang Qu" },        { "余干县", "Yugan Xian" },
	{ "张掖市", "Zhangye Shi" },       { "崆峒区", "Kongtong Qu" },
	{ "穆棱市", "Muling Shi" },        { "召陵区", "Shaoling Qu" },
	{ "斗门区", "Doumen Qu" },         { "曾都区", "Zengdu Qu" },
	{ "龙圩区", "Longxu Qu" },         { "茄子河区", "Qiezihe Qu" },
	{ "太仆寺旗", "Taipusi Qi" },      { "相山区", "Xiangshan Qu" },
	{ "水磨沟区", "Shuimogou Qu" },    { "安塞区", "Ansai Qu" },
	{ "应县", "Ying Xian" },           { "任丘市", "Renqiu Shi" },
	{ "华阴市", "Huayin Shi" },        { "吐鲁番市", "Tulufan Shi" },
	{ "重庆市", "Chongqing Shi" },     { "成都市", "Chengdu Shi" },
	{ "长沙市", "Changsha Shi" },      { "长春市", "Changchun Shi" },
	{ "嘉兴市", "Jiaxing Shi" },       { "绍兴市", "Shaoxing Shi" },
	{ "大兴区", "Daxing Qu" },         { "什邡市", "Shifang Shi" },
	{ "喀什市", "Kashi Shi" },         { "佛山市", "Foshan Shi" },
	{ "弥勒市", "Mile Shi" },          { "绩溪县", "Jixi Xian" },
	{ "汨罗市", "Miluo Shi" },         { "卓尼县", "Zhuoni Xian" },
	{ "朝阳区", "Chaoyang Qu" },       { "都江堰市", "Dujiangyan Shi" },
	{ "长葛市", "Changge Shi" },       { "塔什库尔干塔吉克自治县", "Tashiku'ergan Tajike Zizhixian" },
	{ "内蒙古自治区", "Neimenggu Zizhiqu" },
	{ "西藏自治区", "Xizang Zizhiqu" },
	{ "曲阜市", "Qufu Shi" },          { "涪陵区", "Fuling Qu" },
};

/* Apostrophes: before a, o, e inside a word, never at its start. */
static const struct golden apostrophe[] = {
	{ "西安市", "Xi'an Shi" },         { "云安区", "Yun'an Qu" },
	{ "建瓯市", "Jian'ou Shi" },       { "天峨县", "Tian'e Xian" },
	{ "延安市", "Yan'an Shi" },        { "淮安市", "Huai'an Shi" },
	{ "泰安市", "Tai'an Shi" },        { "吉安市", "Ji'an Shi" },
	{ "广安市", "Guang'an Shi" },      { "雅安市", "Ya'an Shi" },
	{ "瑞安市", "Rui'an Shi" },        { "长安区", "Chang'an Qu" },
	{ "兴安县", "Xing'an Xian" },      { "普安县", "Pu'an Xian" },
	{ "福安市", "Fu'an Shi" },         { "惠安县", "Hui'an Xian" },
	{ "新安县", "Xin'an Xian" },       { "怀安县", "Huai'an Xian" },
	{ "晋安区", "Jin'an Qu" },         { "永安市", "Yong'an Shi" },
	{ "宁安市", "Ning'an Shi" },       { "集安市", "Ji'an Shi" },
	{ "临安区", "Lin'an Qu" },         { "海安市", "Hai'an Shi" },
	{ "万安县", "Wan'an Xian" },       { "乾安县", "Qian'an Xian" },
	{ "迁安市", "Qian'an Shi" },       { "镇安县", "Zhen'an Xian" },
	{ "静安区", "Jing'an Qu" },        { "南澳县", "Nan'ao Xian" },
	{ "乌尔禾区", "Wu'erhe Qu" },      { "海拉尔区", "Haila'er Qu" },
	{ "准格尔旗", "Zhunge'er Qi" },    { "和林格尔县", "Helinge'er Xian" },
	{ "阿尔山市", "A'ershan Shi" },    { "若尔盖县", "Ruo'ergai Xian" },
	{ "额尔古纳市", "E'erguna Shi" },  { "鄂尔多斯市", "E'erduosi Shi" },
	{ "库尔勒市", "Ku'erle Shi" },     { "台儿庄区", "Tai'erzhuang Qu" },
	{ "阿勒泰市", "Aletai Shi" },      { "鄂州市", "Ezhou Shi" },
	{ "郁南县", "Yunan Xian" },        { "开平市", "Kaiping Shi" },
	{ "新疆维吾尔自治区", "Xinjiang Weiwu'er Zizhiqu" },
	{ "梅里斯达斡尔族区", "Meilisi Dawo'erzu Qu" },
	{ "博尔塔拉蒙古自治州", "Bo'ertala Menggu Zizhizhou" },
};

/* Word division: generics, modifiers, ethnic names, ordinals, 儿化. */
static const struct golden division[] = {
	{ "解放路", "Jiefang Lu" },
	{ "中山北路", "Zhongshan Beilu" },
	{ "人民南路", "Renmin Nanlu" },
	{ "东吴南路", "Dongwu Nanlu" },
	{ "江南路", "Jiangnan Lu" },
	{ "长安街", "Chang'an Jie" },
	{ "南京路", "Nanjing Lu" },
	{ "门框胡同", "Menkuang Hutong" },
	{ "景山后街", "Jingshan Houjie" },
	{ "朝阳门内南小街", "Chaoyangmennei Nanxiaojie" },
	{ "经五路", "Jing 5 Lu" },
	{ "二马路", "2 Malu" },
	{ "大川淀一巷", "Dachuandian 1 Xiang" },
	{ "第九弄", "Di 9 Long" },
	{ "五一路", "Wuyi Lu" },
	{ "三八路", "Sanba Lu" },
	{ "五一广场", "Wuyi Guangchang" },
	{ "盆儿胡同", "Penr Hutong" },
	{ "太湖", "Tai Hu" },
	{ "汾河", "Fen He" },
	{ "西辽河", "Xiliao He" },
	{ "五指山", "Wuzhi Shan" },
	{ "三门峡", "Sanmen Xia" },
	{ "二道沟", "Erdao Gou" },
	{ "渤海湾", "Bohai Wan" },
	{ "欧阳海水库", "Ouyanghai Shuiku" },
	{ "黑龙江省", "Heilongjiang Sheng" },
	{ "景德镇市", "Jingdezhen Shi" },
	{ "左权县", "Zuoquan Xian" },
	{ "通县", "Tong Xian" },
	{ "虹口区", "Hongkou Qu" },
	{ "浦东新区", "Pudong Xinqu" },
	{ "阿拉善左旗", "Alashan Zuoqi" },
	{ "长阳土家族自治县", "Changyang Tujiazu Zizhixian" },
	{ "恩施土家族苗族自治州", "Enshi Tujiazu Miaozu Zizhizhou" },
	{ "双江拉祜族佤族布朗族傣族自治县", "Shuangjiang Lahuzu Wazu Bulangzu Daizu Zizhixian" },
	{ "大通回族土族自治县", "Datong Huizu Tuzu Zizhixian" },
	{ "龙胜各族自治县", "Longsheng Gezu Zizhixian" },
	{ "广西壮族自治区", "Guangxi Zhuangzu Zizhiqu" },
	{ "宁夏回族自治区", "Ningxia Huizu Zizhiqu" },
	{ "香港特别行政区", "Xianggang Tebie Xingzhengqu" },
	{ "都城镇", "Ducheng Zhen" },
	{ "大湾镇", "Dawan Zhen" },
	{ "平台镇", "Pingtai Zhen" },
	{ "银盆村民委员会", "Yinpen Cunmin Weiyuanhui" },
	{ "城东社区居民委员会", "Chengdong Shequ Jumin Weiyuanhui" },
	{ "多福巷社区居委会", "Duofuxiang Shequ Juweihui" },
	{ "王村", "Wang Cun" },
	{ "大街", "Dajie" },
	{ "天安门广场", "Tian'anmen Guangchang" },
	{ "吕梁市", "Lüliang Shi" },
};

/* Natural villages run together (1984 rules §3). */
static const struct golden natural_village[] = {
	{ "王村", "Wangcun" },
	{ "周口店", "Zhoukoudian" },
	{ "南王家荡", "Nanwangjiadang" },
	{ "文家市", "Wenjiashi" },
	{ "油坊桥", "Youfangqiao" },
	{ "十里堡", "Shilipu" },
	{ "大黄堡", "Dahuangbao" },
};

static void check_golden(const struct golden *g, const char *class_hint)
{
	struct reg_roman r;
	struct err e = ERR_INIT;

	reg_roman_init(&r);
	ck_assert_msg(reg_pinyin_romanize(g->name, class_hint, 0, &r, &e) == 0, "%s: %s", g->name,
		      e.msg);
	ck_assert_msg(!strcmp(r.text.data, g->expected), "%s: expected '%s', got '%s'", g->name,
		      g->expected, r.text.data);
	reg_roman_release(&r);
}

START_TEST(test_reg_pinyin_romanize_polyphonic_counties)
{
	check_golden(&polyphonic[_i], NULL);
}
END_TEST

START_TEST(test_reg_pinyin_romanize_apostrophes)
{
	check_golden(&apostrophe[_i], NULL);
}
END_TEST

START_TEST(test_reg_pinyin_romanize_word_division)
{
	check_golden(&division[_i], NULL);
}
END_TEST

START_TEST(test_reg_pinyin_romanize_natural_villages_as_one_word)
{
	check_golden(&natural_village[_i], "自然村");
}
END_TEST

static const char *romanize(const char *name, const char *class_hint, unsigned flags,
			    struct reg_roman *r)
{
	struct err e = ERR_INIT;

	ck_assert_msg(reg_pinyin_romanize(name, class_hint, flags, r, &e) == 0, "%s: %s", name,
		      e.msg);
	return r->text.data;
}

START_TEST(test_reg_pinyin_romanize_tones_and_sign)
{
	struct reg_roman r;

	reg_roman_init(&r);
	ck_assert_str_eq(romanize("六安市", NULL, REG_ROMAN_TONES, &r), "Lù'ān Shì");
	ck_assert_str_eq(romanize("六安市", NULL, REG_ROMAN_SIGN, &r), "LU'AN SHI");
	ck_assert_str_eq(romanize("西安", NULL, REG_ROMAN_TONES, &r), "Xī'ān");
	ck_assert_str_eq(romanize("吕梁市", NULL, REG_ROMAN_TONES, &r), "Lǚliáng Shì");
	ck_assert_str_eq(romanize("吕梁市", NULL, REG_ROMAN_SIGN, &r), "LÜLIANG SHI");
	ck_assert_str_eq(romanize("解放路", NULL, REG_ROMAN_SIGN, &r), "JIEFANG LU");
	ck_assert_str_eq(romanize("郁南县", NULL, REG_ROMAN_TONES, &r), "Yùnán Xiàn");
	ck_assert_str_eq(romanize("东阿县", NULL, REG_ROMAN_TONES, &r), "Dōng'ē Xiàn");
	ck_assert_str_eq(romanize("柳州市", NULL, REG_ROMAN_TONES, &r), "Liǔzhōu Shì");
	ck_assert_str_eq(romanize("贵州省", NULL, REG_ROMAN_TONES, &r), "Guìzhōu Shěng");
	ck_assert_str_eq(romanize("欧阳海水库", NULL, REG_ROMAN_TONES, &r), "Ōuyánghǎi Shuǐkù");
	ck_assert_str_eq(romanize("经五路", NULL, REG_ROMAN_SIGN, &r), "JING 5 LU");
	ck_assert_str_eq(romanize("王村", "自然村", REG_ROMAN_SIGN, &r), "WANGCUN");
	reg_roman_release(&r);
}
END_TEST

START_TEST(test_reg_pinyin_romanize_parts_and_sources)
{
	struct reg_roman r;
	const char *p;

	reg_roman_init(&r);
	romanize("六安市", NULL, 0, &r);
	ck_assert_str_eq(r.zhuanming.data, "六安");
	ck_assert_str_eq(r.tongming.data, "市");
	ck_assert_int_eq(r.from_place_table, 1);
	ck_assert_uint_eq(r.generic_kinds, REG_FAM_DIVISION);
	ck_assert_uint_eq(r.nsyllables, 3);
	p = r.syllables.data;
	ck_assert_str_eq(p, "lù");
	p += strlen(p) + 1;
	ck_assert_str_eq(p, "ān");
	p += strlen(p) + 1;
	ck_assert_str_eq(p, "shì");

	romanize("郁南县", NULL, 0, &r);
	ck_assert_int_eq(r.from_place_table, 1);   /* 南 is checked in the county list */
	romanize("开平市", NULL, 0, &r);
	ck_assert_int_eq(r.from_place_table, 0);
	ck_assert_str_eq(r.zhuanming.data, "开平");

	/* A name that is only a generic is all 专名. */
	romanize("大街", NULL, 0, &r);
	ck_assert_str_eq(r.zhuanming.data, "大街");
	ck_assert_str_eq(r.tongming.data, "");
	ck_assert_uint_eq(r.generic_kinds, 0);

	romanize("王村", "natural village", 0, &r);
	ck_assert_int_eq(r.one_word, 1);
	ck_assert_str_eq(r.zhuanming.data, "王村");
	ck_assert_str_eq(r.tongming.data, "");

	romanize("中山北路", NULL, 0, &r);
	ck_assert_str_eq(r.tongming.data, "北路");
	ck_assert_uint_eq(r.generic_kinds, REG_FAM_STREET);
	reg_roman_release(&r);
}
END_TEST

START_TEST(test_reg_pinyin_romanize_keeps_latin_and_splits_at_symbols)
{
	struct reg_roman r;

	reg_roman_init(&r);
	ck_assert_str_eq(romanize("EE新城小区", NULL, 0, &r), "EE Xincheng Xiaoqu");
	ck_assert_str_eq(romanize("EE新城小区", NULL, REG_ROMAN_SIGN, &r), "EE XINCHENG XIAOQU");
	ck_assert_str_eq(romanize("幸福·家园", NULL, 0, &r), "Xingfu Jiayuan");
	reg_roman_release(&r);
}
END_TEST

static void romanize_fails(const char *name, const char *msg)
{
	struct reg_roman r;
	struct err e = ERR_INIT;

	reg_roman_init(&r);
	ck_assert_int_eq(reg_pinyin_romanize(name, NULL, 0, &r, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, msg);
	reg_roman_release(&r);
}

START_TEST(test_reg_pinyin_romanize_rejects_bad_input)
{
	char longname[3 * (REG_PINYIN_MAX_CHARS + 1) + 1];
	int i;

	romanize_fails("", "empty name");
	romanize_fails("·", "empty name");
	romanize_fails("郁\xC0\x80南", "invalid UTF-8 at byte 4");
	romanize_fails("（高家坪村委会）", "cannot romanize '（' (U+FF08)");
	romanize_fails("尾\xEE\x82\x8B村", "cannot romanize '\xEE\x82\x8B' (U+E08B)");
	for (i = 0; i <= REG_PINYIN_MAX_CHARS; i++)
		memcpy(longname + 3 * i, "郁", 3);
	longname[3 * (REG_PINYIN_MAX_CHARS + 1)] = '\0';
	romanize_fails(longname, "name longer than 128 characters");
}
END_TEST

START_TEST(test_reg_pinyin_key_toneless_and_initials)
{
	struct buf key = BUF_INIT, ini = BUF_INIT;
	struct err e = ERR_INIT;

	ck_assert_int_eq(reg_pinyin_key("开平", &key, &ini, &e), 0);
	ck_assert_str_eq(key.data, "kaiping");
	ck_assert_str_eq(ini.data, "kp");
	/* Place readings apply; buffers are reset on every call. */
	ck_assert_int_eq(reg_pinyin_key("六安市", &key, &ini, &e), 0);
	ck_assert_str_eq(key.data, "luanshi");
	ck_assert_str_eq(ini.data, "las");
	ck_assert_int_eq(reg_pinyin_key("吕梁", &key, NULL, &e), 0);
	ck_assert_str_eq(key.data, "lvliang");
	ck_assert_int_eq(reg_pinyin_key("24克拉·A座", NULL, &ini, &e), 0);
	ck_assert_str_eq(ini.data, "24klaz");
	/* Homophones share the key: 东村 and 冬村. */
	ck_assert_int_eq(reg_pinyin_key("冬村", &key, NULL, &e), 0);
	ck_assert_str_eq(key.data, "dongcun");
	/* A character with no reading stays as it is. */
	ck_assert_int_eq(reg_pinyin_key("尾\xEE\x82\x8B村", &key, &ini, &e), 0);
	ck_assert_str_eq(key.data, "wei\xEE\x82\x8B" "cun");
	ck_assert_str_eq(ini.data, "w\xEE\x82\x8B" "c");
	ck_assert_int_eq(reg_pinyin_key("郁\xE9\x83", &key, &ini, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "invalid UTF-8 at byte 4");
	buf_release(&key);
	buf_release(&ini);
}
END_TEST

START_TEST(test_reg_pinyin_class_family_by_name_and_code)
{
	ck_assert(reg_pinyin_class_is_one_word("自然村"));
	ck_assert(reg_pinyin_class_is_one_word("Natural Village"));
	ck_assert(reg_pinyin_class_is_one_word("22200"));
	ck_assert(!reg_pinyin_class_is_one_word("村"));
	ck_assert(!reg_pinyin_class_is_one_word(NULL));
	ck_assert_uint_eq(reg_pinyin_class_family("街路巷"), REG_FAM_STREET);
	ck_assert_uint_eq(reg_pinyin_class_family("road"), REG_FAM_STREET);
	ck_assert_uint_eq(reg_pinyin_class_family("镇"), REG_FAM_TOWNSHIP);
	ck_assert_uint_eq(reg_pinyin_class_family("no such class"), 0);
	ck_assert_uint_eq(reg_pinyin_class_family(""), 0);
}
END_TEST

START_TEST(test_reg_hanzi_readings_and_tables)
{
	struct reg_syllable s;
	char text[16];
	int variant = -1;

	/* General readings: 长 is zhǎng in general text; place names get
	 * cháng from the place table (长沙 above). */
	ck_assert(reg_hanzi_reading(0x957F, &s));
	reg_hanzi_syllable_format(s, REG_SYL_TONES, text, sizeof(text));
	ck_assert_str_eq(text, "zhǎng");
	/* 罗: kMandarin luō is not a 通用规范汉字表 reading, so luó. */
	ck_assert(reg_hanzi_reading(0x7F57, &s));
	reg_hanzi_syllable_format(s, REG_SYL_TONES, text, sizeof(text));
	ck_assert_str_eq(text, "luó");
	ck_assert(!reg_hanzi_reading('A', &s));
	ck_assert(reg_hanzi_is_polyphonic(0x4E50));          /* 乐 */
	ck_assert(!reg_hanzi_is_polyphonic(0x90C1));         /* 郁 */
	ck_assert_int_eq(reg_hanzi_tgh_level(0x7684), 1);    /* 的 */
	ck_assert_int_eq(reg_hanzi_tgh_level(0x6771), 0);    /* 東 */
	ck_assert_uint_eq(reg_hanzi_standard_form(0x6771, &variant), 0x4E1C);
	ck_assert_int_eq(variant, 0);
	ck_assert_uint_eq(reg_hanzi_standard_form(0x5CEF, &variant), 0x5CF0);  /* 峯 峰 */
	ck_assert_int_eq(variant, 1);
	ck_assert_uint_eq(reg_hanzi_standard_form(0x4E1C, NULL), 0);
	ck_assert_uint_eq(reg_hanzi_standard_form(0x4E7E, NULL), 0);           /* 乾 is standard */
	ck_assert(reg_hanzi_is_traditional(0x6771));
	ck_assert(reg_hanzi_is_simplified(0x95E8));          /* 门 */
	ck_assert(reg_hanzi_is_simplified(0x90C1));          /* 郁 for 鬱 */
	ck_assert(!reg_hanzi_is_simplified(0x5357));         /* 南 */
	/* Outside the dense block: U+20164 (𠅤), level 3, read xí. */
	ck_assert(reg_hanzi_reading(0x20164, &s));
	reg_hanzi_syllable_format(s, REG_SYL_TONES, text, sizeof(text));
	ck_assert_str_eq(text, "xí");
	ck_assert_int_eq(reg_hanzi_tgh_level(0x20164), 3);
	ck_assert_int_eq(reg_hanzi_tgh_level(0x21336), 0);
}
END_TEST

START_TEST(test_reg_hanzi_syllable_tone_marks)
{
	static const struct {
		const char *toneless;
		int tone;
		const char *marked;
	} cases[] = {
		{ "liu", 2, "liú" }, { "gui", 4, "guì" }, { "lou", 2, "lóu" }, { "nve", 4, "nüè" },
		{ "lv", 3, "lǚ" },   { "er", 2, "ér" },   { "zi", 0, "zi" },   { "shuang", 1, "shuāng" },
		{ "xiong", 2, "xióng" }, { "jue", 2, "jué" }, { "ou", 1, "ōu" }, { "yun", 4, "yùn" },
	};
	size_t i;
	unsigned k;
	char text[16];

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct reg_syllable s = { 0, (uint8_t)cases[i].tone };

		for (k = 1; k < 1000 && strcmp(reg_hanzi_syllable_text(k), cases[i].toneless); k++)
			;
		ck_assert_msg(k < 1000, "no syllable %s", cases[i].toneless);
		s.syl = (uint16_t)k;
		reg_hanzi_syllable_format(s, REG_SYL_TONES, text, sizeof(text));
		ck_assert_str_eq(text, cases[i].marked);
	}
	ck_assert_str_eq(reg_hanzi_syllable_text(0), "");
	ck_assert_str_eq(reg_hanzi_syllable_text(60000), "");
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("pinyin");
	TCase *tc = tcase_create("golden");

	tcase_add_loop_test(tc, test_reg_pinyin_romanize_polyphonic_counties, 0,
			    (int)(sizeof(polyphonic) / sizeof(polyphonic[0])));
	tcase_add_loop_test(tc, test_reg_pinyin_romanize_apostrophes, 0,
			    (int)(sizeof(apostrophe) / sizeof(apostrophe[0])));
	tcase_add_loop_test(tc, test_reg_pinyin_romanize_word_division, 0,
			    (int)(sizeof(division) / sizeof(division[0])));
	tcase_add_loop_test(tc, test_reg_pinyin_romanize_natural_villages_as_one_word, 0,
			    (int)(sizeof(natural_village) / sizeof(natural_village[0])));
	suite_add_tcase(s, tc);
	tc = tcase_create("romanize");
	tcase_add_test(tc, test_reg_pinyin_romanize_tones_and_sign);
	tcase_add_test(tc, test_reg_pinyin_romanize_parts_and_sources);
	tcase_add_test(tc, test_reg_pinyin_romanize_keeps_latin_and_splits_at_symbols);
	tcase_add_test(tc, test_reg_pinyin_romanize_rejects_bad_input);
	suite_add_tcase(s, tc);
	tc = tcase_create("key");
	tcase_add_test(tc, test_reg_pinyin_key_toneless_and_initials);
	tcase_add_test(tc, test_reg_pinyin_class_family_by_name_and_code);
	suite_add_tcase(s, tc);
	tc = tcase_create("hanzi");
	tcase_add_test(tc, test_reg_hanzi_readings_and_tables);
	tcase_add_test(tc, test_reg_hanzi_syllable_tone_marks);
	suite_add_tcase(s, tc);
	return s;
}
