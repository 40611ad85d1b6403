/* check_place.c - place classes, places, the name index and search, the
 * duplicate and homophone checks, and `import names`, on the real
 * divisions of 云浮市 and 江门市 (data/divisions-yunfu-jiangmen.csv) and the
 * 郁南县 names fixture. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "import/imp_divisions.h"
#include "import/imp_names.h"
#include "registry/reg_division.h"
#include "registry/reg_name.h"
#include "registry/reg_namecheck.h"
#include "registry/reg_place.h"
#include "tests/testlib.h"

/* A registry with the real divisions loaded, indexed and committed, and a
 * new write transaction open. */
static void loaded(struct reg *r)
{
	struct geo_ctx *g;
	struct imp_opts o = { 0 };
	struct imp_divisions_result res;
	struct err e = ERR_INIT;

	test_registry(r);
	g = geo_ctx_new(&e);
	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(reg_begin(r, &e), 0);
	if (imp_divisions(r, g, test_data("divisions-yunfu-jiangmen.csv"), &o, &res, &e) < 0)
		ck_abort_msg("imp_divisions: %s", e.msg);
	ck_assert_int_eq(reg_name_index_sync(r, NULL, &e), 0);
	ck_assert_int_eq(reg_commit(r, &e), 0);
	ck_assert_int_eq(reg_begin(r, &e), 0);
	geo_ctx_free(g);
}

/* What the CLI does after a failed import: roll back, start again. */
static void rollback(struct reg *r)
{
	struct err e = ERR_INIT;

	reg_rollback(r);
	ck_assert_int_eq(reg_begin(r, &e), 0);
}

static long long add_place(struct reg *r, const char *name, const char *klass, const char *code)
{
	struct reg_place p;
	struct reg_class c;
	struct err e = ERR_INIT;
	long long id;

	reg_place_init(&p);
	snprintf(p.name, sizeof(p.name), "%s", name);
	ck_assert_int_eq(reg_class_resolve(r, klass, &c, &e), 0);
	memcpy(p.class_code, c.code, sizeof(c.code));
	memcpy(p.class_name, c.name, sizeof(c.name));
	ck_assert_int_eq(reg_code_normalize(code, p.division_code, &e), 0);
	reg_place_derive(&p);
	if (reg_place_insert(r, &p, &e) < 0)
		ck_abort_msg("reg_place_insert: %s", e.msg);
	id = p.id;
	reg_place_release(&p);
	return id;
}

/* ---- classes ---- */

START_TEST(test_reg_class_find_by_code_name_alias)
{
	struct reg r;
	struct reg_class c;
	struct err e = ERR_INIT;
	char prefix[6];

	test_registry(&r);
	ck_assert_int_eq(reg_class_find(&r, "21610", &c, &e), 1);
	ck_assert_str_eq(c.name, "行政村");
	ck_assert_str_eq(c.group, "community");
	ck_assert_int_eq(c.statutory, 3);
	ck_assert_int_eq(reg_class_find(&r, "街路巷", &c, &e), 1);
	ck_assert_str_eq(c.code, "21800");
	ck_assert_int_eq(c.statutory, 5);
	ck_assert_int_eq(reg_class_find(&r, "村委会", &c, &e), 1);
	ck_assert_str_eq(c.code, "27610");
	ck_assert_str_eq(c.major, "群众自治组织");
	ck_assert_int_eq(reg_class_find(&r, "自然村", &c, &e), 1);
	ck_assert_str_eq(c.parent, "22200");
	ck_assert_int_eq(reg_class_find(&r, "村庄庄", &c, &e), 0);
	ck_assert_int_eq(reg_class_resolve(&r, "村庄庄", &c, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "unknown place class '村庄庄'");
	reg_class_prefix("21500", prefix);
	ck_assert_str_eq(prefix, "215");
	reg_class_prefix("21000", prefix);
	ck_assert_str_eq(prefix, "21");
	/* The census's 12 major classes are all in the table. */
	ck_assert_int_eq(test_scalar(&r, "SELECT count(DISTINCT major) FROM place_class"), 12);
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_class_of_division_by_generic)
{
	ck_assert_str_eq(reg_class_of_division(REG_LEVEL_COUNTY, "郁南县"), "21400");
	ck_assert_str_eq(reg_class_of_division(REG_LEVEL_TOWN, "都城镇"), "21520");
	ck_assert_str_eq(reg_class_of_division(REG_LEVEL_TOWN, "白沙街道"), "21530");
	ck_assert_str_eq(reg_class_of_division(REG_LEVEL_TOWN, "西江林场"), "21500");
	ck_assert_str_eq(reg_class_of_division(REG_LEVEL_VILLAGE, "银盆村民委员会"), "27610");
	ck_assert_str_eq(reg_class_of_division(REG_LEVEL_VILLAGE, "城东社区居民委员会"), "27620");
}
END_TEST

/* ---- places and history ---- */

START_TEST(test_reg_place_insert_derives_and_reads_back)
{
	struct reg r;
	struct reg_place p;
	struct err e = ERR_INIT;
	long long id;

	loaded(&r);
	id = add_place(&r, "银盆村", "行政村", "445322100201");
	reg_place_init(&p);
	ck_assert_int_eq(reg_place_get(&r, id, &p, &e), 1);
	ck_assert_str_eq(p.name, "银盆村");
	ck_assert_str_eq(p.zhuanming, "银盆");
	ck_assert_str_eq(p.tongming, "村");
	ck_assert_str_eq(p.romanization, "Yinpen Cun");
	ck_assert_str_eq(p.class_code, "21610");
	ck_assert_str_eq(p.class_name, "行政村");
	ck_assert_str_eq(p.division_code, "445322100201");
	ck_assert_int_eq(p.status, REG_PLACE_CURRENT);
	ck_assert_int_eq(reg_place_get(&r, 999, &p, &e), 0);
	reg_place_release(&p);
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_place_insert_refuses_unknown_division)
{
	struct reg r;
	struct reg_place p;
	struct err e = ERR_INIT;

	loaded(&r);
	reg_place_init(&p);
	strcpy(p.name, "银盆村");
	strcpy(p.class_code, "21610");
	ck_assert_int_eq(reg_code_normalize("445399", p.division_code, &e), 0);
	ck_assert_int_eq(reg_place_insert(&r, &p, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "field 'division_code': no division '445399'");
	strcpy(p.class_code, "99999");
	ck_assert_int_eq(reg_place_insert(&r, &p, &e), -1);
	ck_assert_str_eq(e.msg, "field 'class': unknown place class '99999'");
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM place"), 0);
	reg_place_release(&p);
	reg_close(&r);
}
END_TEST

struct events {
	char text[1024];
};

static int collect_event(const struct reg_place_event *ev, void *arg)
{
	struct events *s = arg;
	size_t n = strlen(s->text);

	snprintf(s->text + n, sizeof(s->text) - n, "%s%lld:%s:%s:%s", n ? "|" : "", ev->place_id,
		 ev->kind, ev->old_name ? ev->old_name : "", ev->name ? ev->name : "");
	return 0;
}

START_TEST(test_reg_place_rename_keeps_id_and_former_name)
{
	struct reg r;
	struct reg_place p;
	struct err e = ERR_INIT;
	struct events ev = { "" };
	long long id;

	loaded(&r);
	setenv("DIMING_NOW", "2024-05-01", 1);
	id = add_place(&r, "银盆村", "行政村", "445322100201");
	ck_assert_int_eq(reg_place_event_add(&r, id, "registered", "2000-01-01", "银盆村", NULL, 0, 0,
					     NULL, &e), 0);
	ck_assert_int_eq(reg_place_rename(&r, id, "银盆新村", "2024-05-01", 7, NULL, &e), 0);
	reg_place_init(&p);
	ck_assert_int_eq(reg_place_get(&r, id, &p, &e), 1);
	ck_assert_str_eq(p.name, "银盆新村");
	ck_assert_str_eq(p.romanization, "Yinpenxin Cun");
	ck_assert_str_eq(p.valid_from, "2024-05-01");
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM place_name WHERE name = '银盆村'"
				     " AND kind = '曾用名' AND valid_to = '2024-05-01'"), 1);
	ck_assert_int_eq(reg_place_history(&r, id, collect_event, &ev, &e), 0);
	ck_assert_str_eq(ev.text, "1:registered::银盆村|1:renamed:银盆村:银盆新村");
	/* Renaming to the same name, or a cancelled place, is refused. */
	ck_assert_int_eq(reg_place_rename(&r, id, "银盆新村", "2024-06-01", 0, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	ck_assert_int_eq(reg_place_cancel(&r, id, "2024-06-01", 0, NULL, &e), 0);
	ck_assert_int_eq(reg_place_rename(&r, id, "银盆旧村", "2024-07-01", 0, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "place 1 '银盆新村' is historical (销名 2024-06-01): it cannot be renamed");
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM name_index WHERE place_id = 1 AND current"), 0);
	reg_place_release(&p);
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_place_history_follows_links)
{
	struct reg r;
	struct err e = ERR_INIT;
	struct events ev = { "" };
	long long a, b;

	loaded(&r);
	a = add_place(&r, "榄塘村", "行政村", "445322100202");
	b = add_place(&r, "榄盆村", "行政村", "445322100202");
	ck_assert_int_eq(reg_place_event_add(&r, a, "registered", "2001-01-01", "榄塘村", NULL, 0, 0, NULL, &e), 0);
	ck_assert_int_eq(reg_place_cancel(&r, a, "2020-01-01", 0, NULL, &e), 0);
	ck_assert_int_eq(reg_place_event_add(&r, b, "named", "2020-01-01", "榄盆村", NULL, 0, a, NULL, &e), 0);
	ck_assert_int_eq(reg_place_link(&r, a, b, "2020-01-01", 0, &e), 0);
	ck_assert_int_eq(reg_place_history(&r, b, collect_event, &ev, &e), 0);
	ck_assert_str_eq(ev.text, "1:registered::榄塘村|1:cancelled::榄塘村|2:named::榄盆村");
	reg_close(&r);
}
END_TEST

/* ---- name keys ---- */

START_TEST(test_reg_name_keys_core_ignores_generic)
{
	struct reg_name_keys k;
	struct err e = ERR_INIT;

	reg_name_keys_init(&k);
	ck_assert_int_eq(reg_name_keys_compute("东村村", &k, &e), 0);
	ck_assert_str_eq(buf_str(&k.core), "东村");
	ck_assert_int_eq(reg_name_keys_compute("东村", &k, &e), 0);
	ck_assert_str_eq(buf_str(&k.core), "东村");
	ck_assert_int_eq(reg_name_keys_compute("银盆村民委员会", &k, &e), 0);
	ck_assert_str_eq(buf_str(&k.core), "银盆");
	ck_assert_str_eq(buf_str(&k.ckey), "yin-pen");
	ck_assert_int_eq(reg_name_keys_compute("中山北路", &k, &e), 0);
	ck_assert_str_eq(buf_str(&k.core), "中山北");
	ck_assert_int_eq(reg_name_keys_compute("开平市", &k, &e), 0);
	ck_assert_str_eq(buf_str(&k.pkey), "kaipingshi");
	ck_assert_str_eq(buf_str(&k.pinit), "kps");
	ck_assert_int_eq(reg_name_keys_compute("郁南县", &k, &e), 0);
	ck_assert_str_eq(buf_str(&k.ckey), "yu-nan");
	ck_assert_int_eq(reg_name_keys_compute("云安区", &k, &e), 0);
	ck_assert_str_eq(buf_str(&k.ckey), "yun-an");
	ck_assert_int_eq(reg_name_keys_compute("\xff", &k, &e), -1);
	reg_name_keys_release(&k);
}
END_TEST

START_TEST(test_reg_name_distance1_edits)
{
	ck_assert_int_eq(reg_name_distance1("都城镇", "都城镇"), 0);
	ck_assert_int_eq(reg_name_distance1("都城镇", "都成镇"), 1);
	ck_assert_int_eq(reg_name_distance1("都城镇", "都城"), 1);
	ck_assert_int_eq(reg_name_distance1("都城", "都城镇"), 1);
	ck_assert_int_eq(reg_name_distance1("都城镇", "大都城镇"), 1);
	ck_assert_int_eq(reg_name_distance1("都城镇", "城都镇"), 2);
	ck_assert_int_eq(reg_name_distance1("都城镇", "都"), 2);
}
END_TEST

/* ---- search ---- */

struct hits {
	int n;
	char text[2048];
};

static int collect_hit(const struct reg_search_hit *h, void *arg)
{
	struct hits *s = arg;
	size_t n = strlen(s->text);

	snprintf(s->text + n, sizeof(s->text) - n, "%s%s/%s/%s", n ? "|" : "", h->name,
		 h->matched_as, h->matched_name);
	s->n++;
	return 0;
}

static const char *search(struct reg *r, const char *q, const char *by, struct hits *h,
			  const char *division, int historical)
{
	struct reg_search s = { 0 };
	struct err e = ERR_INIT;

	memset(h, 0, sizeof(*h));
	ck_assert_int_eq(reg_search_by_parse(by, &s.by), 0);
	s.division = division;
	s.include_historical = historical;
	s.limit = 20;
	if (reg_name_search(r, q, &s, collect_hit, h, NULL, &e) < 0)
		ck_abort_msg("search %s %s: %s", by, q, e.msg);
	return h->text;
}

START_TEST(test_reg_name_search_modes_find_divisions)
{
	struct reg r;
	struct hits h;

	loaded(&r);
	ck_assert_str_eq(search(&r, "郁南县", "exact", &h, NULL, 0), "郁南县/standard/郁南县");
	ck_assert_str_eq(search(&r, "都城", "prefix", &h, NULL, 0), "都城镇/standard/都城镇");
	ck_assert_str_eq(search(&r, "kaiping", "pinyin", &h, NULL, 0), "开平市/standard/开平市");
	ck_assert_str_eq(search(&r, "Kāipíng", "pinyin", &h, NULL, 0), "开平市/standard/开平市");
	ck_assert_str_eq(search(&r, "kps", "initials", &h, NULL, 0), "开平市/standard/开平市");
	ck_assert_str_eq(search(&r, "郁男县", "fuzzy", &h, NULL, 0), "郁南县/standard/郁南县");
	ck_assert_str_eq(search(&r, "郁南", "fuzzy", &h, NULL, 0), "郁南县/standard/郁南县");
	ck_assert_str_eq(search(&r, "南郁县", "fuzzy", &h, NULL, 0), "");
	search(&r, "冲口村", "contains", &h, "445322", 0);
	ck_assert_int_eq(h.n, 2);
	search(&r, "冲口村", "contains", &h, "445322102", 0);
	ck_assert_int_eq(h.n, 1);
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_name_search_finds_former_names)
{
	struct reg r;
	struct hits h;
	struct err e = ERR_INIT;
	long long id;

	loaded(&r);
	id = add_place(&r, "银盆村", "行政村", "445322100201");
	ck_assert_int_eq(reg_place_rename(&r, id, "银盆新村", "2024-05-01", 0, NULL, &e), 0);
	ck_assert_str_eq(search(&r, "银盆村", "exact", &h, NULL, 0), "银盆新村/former/银盆村");
	ck_assert_str_eq(search(&r, "银盆", "prefix", &h, NULL, 0),
			 "银盆新村/standard/银盆新村|银盆新村/former/银盆村|银盆村民委员会/standard/银盆村民委员会");
	ck_assert_str_eq(search(&r, "yinpenxincun", "pinyin", &h, NULL, 0), "银盆新村/standard/银盆新村");
	ck_assert_int_eq(reg_place_other_add(&r, id, "银盆", "简称", NULL, NULL, NULL, &e), 0);
	ck_assert_str_eq(search(&r, "银盆", "exact", &h, NULL, 0), "银盆新村/alternate/银盆");
	/* Historical places only when asked. */
	ck_assert_int_eq(reg_place_cancel(&r, id, "2025-01-01", 0, NULL, &e), 0);
	ck_assert_str_eq(search(&r, "银盆新村", "exact", &h, NULL, 0), "");
	ck_assert_str_eq(search(&r, "银盆新村", "exact", &h, NULL, 1), "银盆新村/standard/银盆新村");
	reg_close(&r);
}
END_TEST

/* ---- duplicate and homophone ---- */

struct found {
	int n, errors;
	char text[4096];
};

static int collect_finding(const struct reg_check_finding *f, void *arg)
{
	struct found *s = arg;
	size_t n = strlen(s->text);

	snprintf(s->text + n, sizeof(s->text) - n, "%s%s:%s:%s:%s", n ? "|" : "", f->rule,
		 f->severity, f->name, f->other_name ? f->other_name : "");
	s->n++;
	return 0;
}

static const char *check(struct reg *r, const char *name, const char *code, const char *klass,
			 struct found *f)
{
	struct reg_check_input in;
	struct err e = ERR_INIT;
	char norm[13];
	long errors;

	memset(f, 0, sizeof(*f));
	ck_assert_int_eq(reg_code_normalize(code, norm, &e), 0);
	memset(&in, 0, sizeof(in));
	in.name = name;
	in.division = norm;
	in.class_code = klass;
	if (reg_check_name(r, &in, collect_finding, f, &errors, &e) < 0)
		ck_abort_msg("check %s: %s", name, e.msg);
	f->errors = (int)errors;
	return f->text;
}

START_TEST(test_reg_check_name_duplicate_ignores_generic)
{
	struct reg r;
	struct found f;

	loaded(&r);
	add_place(&r, "东村", "行政村", "445322101201");
	/* 东村村 in another town of the same county: a duplicate (2022 county
	 * scope), reported with the other place. */
	ck_assert_str_eq(check(&r, "东村村", "445322102201", "行政村", &f),
			 "duplicate:error:东村村:东村");
	ck_assert_int_eq(f.errors, 1);
	/* In another county: no finding. */
	ck_assert_str_eq(check(&r, "东村村", "445321100201", "行政村", &f), "");
	/* A village seat named after its own committee is the same entity. */
	ck_assert_str_eq(check(&r, "银盆村", "445322100201", "行政村", &f), "");
	/* ...but another village of the county with that 专名 is not. */
	ck_assert_str_eq(check(&r, "银盆村", "445322101201", "行政村", &f),
			 "duplicate:error:银盆村:银盆村民委员会");
	/* Towns: unique within the province. */
	ck_assert_str_eq(check(&r, "都城镇", "445321", "镇", &f), "duplicate:error:都城镇:都城镇");
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_check_name_scope_1996)
{
	struct reg r;
	struct found f;
	struct err e = ERR_INIT;

	loaded(&r);
	add_place(&r, "东村", "行政村", "445322101201");
	ck_assert_int_eq(reg_config_set(&r, "scope.table", "1996", &e), 0);
	/* 1996: villages unique within the town only. */
	ck_assert_str_eq(check(&r, "东村村", "445322102201", "行政村", &f), "");
	ck_assert_str_eq(check(&r, "东村村", "445322101202", "行政村", &f), "duplicate:error:东村村:东村");
	/* 1996: towns unique within the county. */
	ck_assert_str_eq(check(&r, "都城镇", "445321", "镇", &f), "");
	/* One class's group set by hand. */
	ck_assert_int_eq(reg_config_set(&r, "scope.行政村", "county", &e), 0);
	ck_assert_str_eq(check(&r, "东村村", "445322102201", "行政村", &f), "duplicate:error:东村村:东村");
	ck_assert_int_eq(reg_config_set(&r, "scope.行政村", "everywhere", &e), 0);
	memset(&f, 0, sizeof(f));
	{
		struct reg_check_input in = { "东村村", "445322102201", "21610", NULL, 0 };

		ck_assert_int_eq(reg_check_name(&r, &in, collect_finding, &f, NULL, &e), -1);
		ck_assert_int_eq(e.code, ERR_INPUT);
		ck_assert_str_eq(e.msg, "config 'scope.行政村': unknown scope 'everywhere' (nation, province, city, county, town, village, builtup, none)");
	}
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_check_name_homophone)
{
	struct reg r;
	struct found f;

	loaded(&r);
	add_place(&r, "东村", "行政村", "445322101201");
	ck_assert_str_eq(check(&r, "冬村", "445322102201", "行政村", &f),
			 "homophone:warning:冬村:东村");
	ck_assert_int_eq(f.errors, 0);
	/* 郁南 (yu-nan) and 云安 (yun-an) share letters, not sounds. */
	ck_assert_str_eq(check(&r, "云南县", "445321", "县级", &f), "");
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_check_names_groups_in_sql)
{
	struct reg r;
	struct found f;
	struct err e = ERR_INIT;
	char code[13];

	loaded(&r);
	memset(&f, 0, sizeof(f));
	ck_assert_int_eq(reg_code_normalize("445322", code, &e), 0);
	ck_assert_int_eq(reg_check_names(&r, code, NULL, collect_finding, &f, NULL, &e), 0);
	/* The two 冲口 and two 龙塘 village committees of 郁南县 (real data). */
	ck_assert(strstr(f.text, "duplicate:error:冲口村民委员会:冲口村民委员会") != NULL);
	ck_assert(strstr(f.text, "duplicate:error:龙塘村民委员会:龙塘村民委员会") != NULL);
	ck_assert(strstr(f.text, "homophone:warning:里洞镇:历洞镇") != NULL);
	reg_close(&r);
}
END_TEST

/* ---- import ---- */

START_TEST(test_imp_names_fixture_idempotent)
{
	struct reg r;
	struct geo_ctx *g;
	struct imp_opts o = { 0 };
	struct imp_names_result res;
	struct err e = ERR_INIT;

	loaded(&r);
	g = geo_ctx_new(&e);
	ck_assert_int_eq(imp_names(&r, g, test_fixture("names-yunan.csv"), NULL, &o, &res, &e), 0);
	ck_assert_int_eq(res.rows, 177);
	ck_assert_int_eq(res.inserted, 177);
	ck_assert_int_eq(imp_names(&r, g, test_fixture("names-yunan.csv"), NULL, &o, &res, &e), 0);
	ck_assert_int_eq(res.unchanged, 177);
	ck_assert_int_eq(res.inserted, 0);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM place"), 177);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM place WHERE geom IS NOT NULL"), 177);
	geo_ctx_free(g);
	reg_close(&r);
}
END_TEST

START_TEST(test_imp_names_errors_name_line_and_field)
{
	struct reg r;
	struct geo_ctx *g;
	struct imp_opts o = { 0 };
	struct imp_names_result res;
	struct err e = ERR_INIT;
	static const char bad_class[] =
		"name,class,division_code,lon,lat,former_names\n"
		"银盆村,行政村,445322100201,111.6,23.0,\n"
		"榄塘村,村落,445322100202,111.6,23.0,\n";
	static const char far[] =
		"name,class,division_code,lon,lat\n"
		"银盆村,行政村,445322100201,11.6,23.0\n";
	static const char gk[] =
		"name,class,division_code,x,y\n"
		"银盆村,行政村,445322100201,2549097.609,37562521.129\n";
	const char *p;

	loaded(&r);
	g = geo_ctx_new(&e);
	p = test_write_file("bad-class.csv", bad_class, sizeof(bad_class) - 1);
	ck_assert_int_eq(imp_names(&r, g, p, NULL, &o, &res, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert(strstr(e.msg, "bad-class.csv:3: field 'class': unknown place class '村落'") != NULL);
	rollback(&r);
	p = test_write_file("far.csv", far, sizeof(far) - 1);
	ck_assert_int_eq(imp_names(&r, g, p, NULL, &o, &res, &e), -1);
	ck_assert(strstr(e.msg, "far.csv:2: fields 'lon' 'lat': point lies outside China") != NULL);
	rollback(&r);
	/* Gauss-Krüger X/Y (3° zone 37 by its prefix) becomes CGCS2000 lon/lat. */
	p = test_write_file("gk.csv", gk, sizeof(gk) - 1);
	ck_assert_int_eq(imp_names(&r, g, p, NULL, &o, &res, &e), 0);
	ck_assert_int_eq(test_scalar(&r, "SELECT abs(X(geom) - 111.61) < 1e-6 AND abs(Y(geom) - 23.04) < 1e-6"
				     " FROM place WHERE name = '银盆村'"), 1);
	geo_ctx_free(g);
	reg_close(&r);
}
END_TEST

/* A large names import goes through a batch that drops the name index's
 * search indexes and writes the hashes sorted at the end; the index it
 * leaves is the one smaller imports (no drop) build, and searchable. */
static const char *batch_csv(const char *file, int from, int to)
{
	static const char *const ch[] = {
		"东", "西", "南", "北", "山", "水", "林", "田", "石", "岭",
		"桥", "塘", "坑", "岗", "湖", "冲", "坪", "岩", "江", "洞",
	};
	static const char *const div[] = { "445322100201", "445322100202", "445322101201" };
	struct buf b = BUF_INIT;
	const char *p;
	int i;

	buf_adds(&b, "name,class,division_code\n");
	for (i = from; i < to; i++)
		buf_addf(&b, "%s%s%s村,自然村,%s\n", ch[i % 20], ch[i / 20 % 20], ch[i / 400 % 17],
			 div[i / 6800]);
	p = test_write_file(file, buf_str(&b), b.len);
	buf_release(&b);
	return p;
}

static const char sql_index_sum[] =
	"SELECT (SELECT total(length(name || core || pkey || pinit || ckey) * ref) FROM name_index)"
	" + (SELECT total((h % 1000003) * nid) FROM name_fuzzy)"
	" + (SELECT total((g % 1000003) * nid) FROM name_gram)";

static int count_hit(const struct reg_search_hit *h, void *arg)
{
	(void)h;
	++*(int *)arg;
	return 0;
}

START_TEST(test_imp_names_batch_same_index)
{
	struct reg a, b;
	struct geo_ctx *g;
	struct imp_opts o = { 0 };
	struct imp_names_result res;
	struct err e = ERR_INIT;
	struct reg_search s = { REG_SEARCH_FUZZY, NULL, NULL, 0, 0 };
	const char *all = batch_csv("all.csv", 0, 20400);
	int i, hits = 0, more = 0;

	g = geo_ctx_new(&e);
	loaded(&a);
	ck_assert_int_eq(imp_names(&a, g, all, NULL, &o, &res, &e), 0);
	ck_assert_int_eq(res.inserted, 20400);
	ck_assert_int_eq(reg_commit(&a, &e), 0);
	ck_assert_int_eq(test_scalar(&a, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
				     " AND tbl_name = 'name_index' AND sql IS NOT NULL"), 6);
	loaded(&b);
	for (i = 0; i < 3; i++) {
		char name[32];

		snprintf(name, sizeof(name), "part%d.csv", i);
		ck_assert_int_eq(imp_names(&b, g, batch_csv(name, i * 6800, (i + 1) * 6800), NULL,
					   &o, &res, &e), 0);
		ck_assert_int_eq(res.inserted, 6800);
	}
	ck_assert_int_eq(reg_commit(&b, &e), 0);
	ck_assert_int_eq(test_scalar(&a, "SELECT count(*) FROM name_fuzzy"),
			 test_scalar(&b, "SELECT count(*) FROM name_fuzzy"));
	ck_assert_int_eq(test_scalar(&a, "SELECT count(*) FROM name_gram"),
			 test_scalar(&b, "SELECT count(*) FROM name_gram"));
	ck_assert_int_eq(test_scalar(&a, sql_index_sum), test_scalar(&b, sql_index_sum));
	/* One wrong character still finds 东西南村 (row 20 * 1 + 2 * 400 ...). */
	ck_assert_int_eq(reg_name_search(&a, "东西南庄", &s, count_hit, &hits, &more, &e), 0);
	ck_assert_int_ge(hits, 1);
	geo_ctx_free(g);
	reg_close(&a);
	reg_close(&b);
}
END_TEST

START_TEST(test_imp_names_conflict_and_update)
{
	struct reg r;
	struct geo_ctx *g;
	struct imp_opts o = { 0 };
	struct imp_names_result res;
	struct err e = ERR_INIT;
	static const char one[] =
		"name,class,division_code,meaning,former_names\n"
		"银盆村,行政村,445322100201,村前有盆地,\n";
	static const char two[] =
		"name,class,division_code,meaning,former_names\n"
		"银盆村,行政村,445322100201,村形似银盆,银盆堡;盆村\n";
	const char *p1, *p2;

	loaded(&r);
	g = geo_ctx_new(&e);
	p1 = test_write_file("one.csv", one, sizeof(one) - 1);
	p2 = test_write_file("two.csv", two, sizeof(two) - 1);
	ck_assert_int_eq(imp_names(&r, g, p1, NULL, &o, &res, &e), 0);
	ck_assert_int_eq(imp_names(&r, g, p2, NULL, &o, &res, &e), -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	ck_assert_int_eq(res.conflicts, 1);
	o.update = 1;
	ck_assert_int_eq(imp_names(&r, g, p2, NULL, &o, &res, &e), 0);
	ck_assert_int_eq(res.updated, 1);
	ck_assert_int_eq(res.other_names, 2);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM place_name WHERE kind = '曾用名'"), 2);
	ck_assert_int_eq(test_scalar(&r, "SELECT meaning = '村形似银盆' FROM place"), 1);
	geo_ctx_free(g);
	reg_close(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("place");
	TCase *tc = tcase_create("class");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_reg_class_find_by_code_name_alias);
	tcase_add_test(tc, test_reg_class_of_division_by_generic);
	suite_add_tcase(s, tc);
	tc = tcase_create("place");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_reg_place_insert_derives_and_reads_back);
	tcase_add_test(tc, test_reg_place_insert_refuses_unknown_division);
	tcase_add_test(tc, test_reg_place_rename_keeps_id_and_former_name);
	tcase_add_test(tc, test_reg_place_history_follows_links);
	suite_add_tcase(s, tc);
	tc = tcase_create("keys");
	tcase_add_test(tc, test_reg_name_keys_core_ignores_generic);
	tcase_add_test(tc, test_reg_name_distance1_edits);
	suite_add_tcase(s, tc);
	tc = tcase_create("search");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_reg_name_search_modes_find_divisions);
	tcase_add_test(tc, test_reg_name_search_finds_former_names);
	suite_add_tcase(s, tc);
	tc = tcase_create("check");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_reg_check_name_duplicate_ignores_generic);
	tcase_add_test(tc, test_reg_check_name_scope_1996);
	tcase_add_test(tc, test_reg_check_name_homophone);
	tcase_add_test(tc, test_reg_check_names_groups_in_sql);
	suite_add_tcase(s, tc);
	tc = tcase_create("import");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_imp_names_fixture_idempotent);
	tcase_add_test(tc, test_imp_names_errors_name_line_and_field);
	tcase_add_test(tc, test_imp_names_conflict_and_update);
	tcase_add_test(tc, test_imp_names_batch_same_index);
	suite_add_tcase(s, tc);
	return s;
}
