/* check_case.c - approval cases: the state machine, separation of duties,
 * the override path, deadlines, and what approval does to the register,
 * on the real divisions and village names of 郁南县. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/imp_divisions.h"
#include "import/imp_names.h"
#include "registry/reg_case.h"
#include "registry/reg_name.h"
#include "registry/reg_place.h"
#include "tests/testlib.h"

/* Divisions and the 郁南县 names fixture, committed; a write transaction
 * open; the clock at 2024-05-01. */
static void loaded(struct reg *r)
{
	struct geo_ctx *g;
	struct imp_opts o = { 0 };
	struct imp_divisions_result dres;
	struct imp_names_result nres;
	struct err e = ERR_INIT;

	setenv("DIMING_NOW", "2024-05-01T09:00:00", 1);
	test_registry(r);
	g = geo_ctx_new(&e);
	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(reg_begin(r, &e), 0);
	if (imp_divisions(r, g, test_data("divisions-yunfu-jiangmen.csv"), &o, &dres, &e) < 0 ||
	    imp_names(r, g, test_fixture("names-yunan.csv"), NULL, &o, &nres, &e) < 0)
		ck_abort_msg("import: %s", e.msg);
	ck_assert_int_eq(reg_commit(r, &e), 0);
	ck_assert_int_eq(reg_begin(r, &e), 0);
	geo_ctx_free(g);
}

static void as(struct reg *r, const char *officer)
{
	reg_set_actor(r, officer);
}

static long long place_named(struct reg *r, const char *name)
{
	long long ids[4];
	struct err e = ERR_INIT;
	int n;

	ck_assert_int_eq(reg_place_lookup(r, name, ids, 4, &n, &e), 0);
	ck_assert_int_eq(n, 1);
	return ids[0];
}

static long long open_case(struct reg *r, const char *type, long long place, const char *name,
			   const char *klass, const char *division)
{
	struct reg_case_new n;
	struct err e = ERR_INIT;
	long long id;
	int protect;

	memset(&n, 0, sizeof(n));
	n.type = type;
	n.place_id = place;
	n.name = name;
	n.class_code = klass;
	n.division = division;
	n.applicant = "都城镇人民政府";
	as(r, "zhang");
	if (reg_case_create(r, &n, &id, &protect, &e) < 0)
		ck_abort_msg("reg_case_create: %s", e.msg);
	return id;
}

static const struct reg_case_report reports[] = {
	{ "expert", NULL, "专家论证会纪要", NULL, NULL },
	{ "consultation", NULL, "征求意见报告", NULL, NULL },
};

/* submit (wang), review (li), approve (chen). */
static void through_approval(struct reg *r, long long id, const char *override)
{
	struct err e = ERR_INIT;

	as(r, "wang");
	ck_assert_int_eq(reg_case_submit(r, id, NULL, NULL, NULL, &e), 0);
	as(r, "li");
	ck_assert_int_eq(reg_case_review(r, id, reports, 2, NULL, &e), 0);
	as(r, "chen");
	if (reg_case_approve(r, id, "郁南县人民政府", "郁府函〔2024〕12号", override, NULL, &e) < 0)
		ck_abort_msg("approve: %s", e.msg);
}

static struct reg_case get(struct reg *r, long long id)
{
	struct reg_case c;
	struct err e = ERR_INIT;

	ck_assert_int_eq(reg_case_get(r, id, &c, &e), 1);
	return c;
}

/* ---- the three lives ---- */

START_TEST(test_reg_case_naming_full_life)
{
	struct reg r;
	struct reg_case c;
	struct reg_place p;
	struct err e = ERR_INIT;
	long long id, pid;

	loaded(&r);
	id = open_case(&r, "naming", 0, "金滩路", "街路巷", "445322100");
	ck_assert_str_eq(get(&r, id).state, "draft");
	through_approval(&r, id, NULL);
	c = get(&r, id);
	ck_assert_str_eq(c.state, "approved");
	ck_assert_str_eq(c.approved_on, "2024-05-01");
	ck_assert_str_eq(c.announce_due, "2024-05-16");
	ck_assert_str_eq(c.file_due, "2024-05-16");
	pid = c.result_place;
	ck_assert(pid > 0);
	reg_place_init(&p);
	ck_assert_int_eq(reg_place_get(&r, pid, &p, &e), 1);
	ck_assert_str_eq(p.name, "金滩路");
	ck_assert_str_eq(p.romanization, "Jintan Lu");
	ck_assert_str_eq(p.class_code, "21800");
	ck_assert_str_eq(p.valid_from, "2024-05-01");
	reg_place_release(&p);
	as(&r, "chen");
	ck_assert_int_eq(reg_case_announce(&r, id, "郁南县人民政府网站", NULL, &e), 0);
	ck_assert_int_eq(reg_case_file(&r, id, NULL, &e), 0);
	ck_assert_str_eq(get(&r, id).state, "filed");
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM case_event WHERE case_id = 1"), 6);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM place_event WHERE kind = 'named'"
				     " AND case_id = 1"), 1);
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_case_renaming_keeps_id)
{
	struct reg r;
	struct reg_place p;
	struct err e = ERR_INIT;
	long long id, pid;

	loaded(&r);
	pid = place_named(&r, "银盆村");
	id = open_case(&r, "renaming", pid, "银盆新村", NULL, NULL);
	ck_assert_str_eq(get(&r, id).current_name, "银盆村");
	ck_assert_str_eq(get(&r, id).division_code, "445322100201");
	through_approval(&r, id, NULL);
	ck_assert_int_eq(get(&r, id).result_place, pid);
	reg_place_init(&p);
	ck_assert_int_eq(reg_place_get(&r, pid, &p, &e), 1);
	ck_assert_str_eq(p.name, "银盆新村");
	reg_place_release(&p);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM place_name WHERE name = '银盆村'"
				     " AND kind = '曾用名' AND valid_to = '2024-05-01'"), 1);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM place_event WHERE kind = 'renamed'"
				     " AND old_name = '银盆村' AND name = '银盆新村'"), 1);
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_case_cancellation_makes_historical)
{
	struct reg r;
	struct reg_place p;
	struct err e = ERR_INIT;
	long long id, pid;

	loaded(&r);
	pid = place_named(&r, "榄塘村");
	id = open_case(&r, "cancellation", pid, NULL, NULL, NULL);
	through_approval(&r, id, NULL);
	reg_place_init(&p);
	ck_assert_int_eq(reg_place_get(&r, pid, &p, &e), 1);
	ck_assert_int_eq(p.status, REG_PLACE_HISTORICAL);
	ck_assert_str_eq(p.valid_to, "2024-05-01");
	reg_place_release(&p);
	/* Nothing is deleted; a historical place cannot be cancelled again. */
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM place"), 177);
	{
		struct reg_case_new n = { "cancellation", NULL, pid, NULL, NULL, NULL, NULL, 0, 0, 0 };
		long long id2;
		int protect;

		ck_assert_int_eq(reg_case_create(&r, &n, &id2, &protect, &e), -1);
		ck_assert_int_eq(e.code, ERR_CONFLICT);
		ck_assert_str_eq(e.msg, "place 2 '榄塘村' is historical (销名 2024-05-01)");
	}
	reg_close(&r);
}
END_TEST

/* ---- illegal transitions ---- */

START_TEST(test_reg_case_illegal_transitions)
{
	struct reg r;
	struct err e = ERR_INIT;
	long long id;

	loaded(&r);
	id = open_case(&r, "renaming", place_named(&r, "银盆村"), "银盆新村", NULL, NULL);
	as(&r, "chen");
	ck_assert_int_eq(reg_case_approve(&r, id, "郁南县人民政府", "1号", NULL, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	ck_assert_str_eq(e.msg, "case 1 is draft: 'approve' needs a case that is reviewed");
	ck_assert_int_eq(reg_case_review(&r, id, reports, 2, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "case 1 is draft: 'review' needs a case that is submitted");
	ck_assert_int_eq(reg_case_announce(&r, id, "网站", NULL, &e), -1);
	ck_assert_str_eq(e.msg, "case 1 is draft: 'announce' needs a case that is approved");
	ck_assert_int_eq(reg_case_file(&r, id, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "case 1 is draft: 'file' needs a case that is announced");
	ck_assert_int_eq(reg_case_reject(&r, id, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "case 1 is draft: 'reject' needs a case that is reviewed");
	as(&r, "wang");
	ck_assert_int_eq(reg_case_submit(&r, id, NULL, NULL, NULL, &e), 0);
	ck_assert_int_eq(reg_case_submit(&r, id, NULL, NULL, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "case 1 is submitted: 'submit' needs a case that is draft");
	/* A review without the two reports is refused. */
	as(&r, "li");
	ck_assert_int_eq(reg_case_review(&r, id, reports, 1, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "case 1: a review records the expert review (专家论证, --expert) and the consultation (征求意见, --consultation)");
	ck_assert_int_eq(reg_case_review(&r, id, reports, 2, NULL, &e), 0);
	as(&r, "chen");
	ck_assert_int_eq(reg_case_approve(&r, id, "郁南县人民政府", "1号", NULL, NULL, &e), 0);
	/* Withdrawal ends a case only before approval. */
	ck_assert_int_eq(reg_case_withdraw(&r, id, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "case 1 is approved: 'withdraw' needs a case that is draft, submitted or reviewed");
	ck_assert_int_eq(reg_case_file(&r, id, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "case 1 is approved: 'file' needs a case that is announced");
	ck_assert_int_eq(reg_case_get(&r, 99, NULL, &e) == 0, 1);
	ck_assert_int_eq(reg_case_submit(&r, 99, NULL, NULL, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_NOT_FOUND);
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_case_withdraw_and_reject_are_final)
{
	struct reg r;
	struct err e = ERR_INIT;
	long long a, b;

	loaded(&r);
	a = open_case(&r, "renaming", place_named(&r, "银盆村"), "银盆新村", NULL, NULL);
	as(&r, "zhang");
	ck_assert_int_eq(reg_case_withdraw(&r, a, "申请人撤回", &e), 0);
	ck_assert_str_eq(get(&r, a).state, "withdrawn");
	ck_assert_int_eq(reg_case_submit(&r, a, NULL, NULL, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "case 1 is withdrawn: 'submit' needs a case that is draft");
	b = open_case(&r, "renaming", place_named(&r, "银盆村"), "银盆新村", NULL, NULL);
	as(&r, "wang");
	ck_assert_int_eq(reg_case_submit(&r, b, NULL, NULL, NULL, &e), 0);
	as(&r, "li");
	ck_assert_int_eq(reg_case_review(&r, b, reports, 2, NULL, &e), 0);
	as(&r, "chen");
	ck_assert_int_eq(reg_case_reject(&r, b, "名称不当", &e), 0);
	ck_assert_int_eq(reg_case_approve(&r, b, "郁南县人民政府", "1号", NULL, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "case 2 is rejected: 'approve' needs a case that is reviewed");
	/* Neither touched the register. */
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM place WHERE name = '银盆村'"), 1);
	reg_close(&r);
}
END_TEST

/* ---- separation of duties, override ---- */

START_TEST(test_reg_case_approve_rejects_same_officer)
{
	struct reg r;
	struct err e = ERR_INIT;
	long long id;

	loaded(&r);
	id = open_case(&r, "renaming", place_named(&r, "银盆村"), "银盆新村", NULL, NULL);
	as(&r, "wang");
	ck_assert_int_eq(reg_case_submit(&r, id, NULL, NULL, NULL, &e), 0);
	as(&r, "li");
	ck_assert_int_eq(reg_case_review(&r, id, reports, 2, NULL, &e), 0);
	as(&r, "wang");
	ck_assert_int_eq(reg_case_approve(&r, id, "郁南县人民政府", "1号", NULL, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	ck_assert_str_eq(e.msg, "officer 'wang' submitted case 1 and cannot approve it (separation of duties)");
	as(&r, "li");
	ck_assert_int_eq(reg_case_approve(&r, id, "郁南县人民政府", "1号", NULL, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "officer 'li' reviewed case 1 and cannot approve it (separation of duties)");
	as(&r, "chen");
	ck_assert_int_eq(reg_case_approve(&r, id, "郁南县人民政府", "1号", NULL, NULL, &e), 0);
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_case_errors_block_approval_unless_override)
{
	struct reg r;
	struct err e = ERR_INIT;
	long long id;
	long errors = 0;

	loaded(&r);
	/* 冲口村 already names another village of 郁南县: a duplicate. */
	id = open_case(&r, "renaming", place_named(&r, "银盆村"), "冲口村", NULL, NULL);
	as(&r, "wang");
	ck_assert_int_eq(reg_case_submit(&r, id, NULL, &errors, NULL, &e), 0);
	ck_assert_int_eq(errors, 2);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM case_finding WHERE case_id = 1"
				     " AND rule = 'duplicate' AND severity = 'error'"), 2);
	as(&r, "li");
	ck_assert_int_eq(reg_case_review(&r, id, reports, 2, NULL, &e), 0);
	as(&r, "chen");
	ck_assert_int_eq(reg_case_approve(&r, id, "郁南县人民政府", "1号", NULL, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	ck_assert_str_eq(e.msg, "case 1 has 2 finding(s) of severity error; approve with --override --reason TEXT to record why they are accepted");
	ck_assert_str_eq(get(&r, id).state, "reviewed");
	ck_assert_int_eq(reg_case_approve(&r, id, "郁南县人民政府", "1号", "历史名称恢复，经县政府常务会议研究同意",
					  NULL, &e), 0);
	ck_assert_str_eq(get(&r, id).override_reason, "历史名称恢复，经县政府常务会议研究同意");
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM place WHERE name = '冲口村'"), 3);
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_case_protected_place_warns)
{
	struct reg r;
	struct err e = ERR_INIT;
	struct reg_case_new n;
	long long id, pid;
	long warnings = 0;
	int changed, protect;

	loaded(&r);
	pid = place_named(&r, "银盆村");
	ck_assert_int_eq(reg_place_set_protected(&r, pid, 1, &changed, &e), 0);
	ck_assert_int_eq(changed, 1);
	memset(&n, 0, sizeof(n));
	n.type = "renaming";
	n.place_id = pid;
	n.name = "银盆新村";
	ck_assert_int_eq(reg_case_create(&r, &n, &id, &protect, &e), 0);
	ck_assert_int_eq(protect, 1);
	as(&r, "wang");
	ck_assert_int_eq(reg_case_submit(&r, id, NULL, NULL, &warnings, &e), 0);
	ck_assert_int_eq(warnings, 1);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM case_finding WHERE rule = 'protected'"
				     " AND severity = 'warning'"), 1);
	reg_close(&r);
}
END_TEST

/* ---- deadlines ---- */

struct ids {
	int n;
	long long v[8];
};

static int take(const struct reg_case *c, void *arg)
{
	struct ids *s = arg;

	s->v[s->n++] = c->id;
	return 0;
}

START_TEST(test_reg_case_overdue_after_15_days)
{
	struct reg r;
	struct err e = ERR_INIT;
	struct ids s = { 0, { 0 } };
	long long a, b;

	loaded(&r);
	a = open_case(&r, "renaming", place_named(&r, "银盆村"), "银盆新村", NULL, NULL);
	b = open_case(&r, "renaming", place_named(&r, "榄塘村"), "榄塘新村", NULL, NULL);
	through_approval(&r, a, NULL);
	through_approval(&r, b, NULL);
	as(&r, "chen");
	ck_assert_int_eq(reg_case_announce(&r, b, "郁南县人民政府网站", NULL, &e), 0);
	/* Day 15 after approval: still in time. */
	setenv("DIMING_NOW", "2024-05-16", 1);
	ck_assert_int_eq(reg_case_each(&r, NULL, 1, take, &s, &e), 0);
	ck_assert_int_eq(s.n, 0);
	ck_assert_int_eq(get(&r, a).overdue, 0);
	/* Day 16: both late, a for 公告 and 备案, b for 备案. */
	setenv("DIMING_NOW", "2024-05-17T08:00:00", 1);
	ck_assert_int_eq(reg_case_each(&r, NULL, 1, take, &s, &e), 0);
	ck_assert_int_eq(s.n, 2);
	ck_assert_int_eq(get(&r, b).overdue, 1);
	/* Filing b ends its lateness. */
	ck_assert_int_eq(reg_case_file(&r, b, NULL, &e), 0);
	s.n = 0;
	ck_assert_int_eq(reg_case_each(&r, NULL, 1, take, &s, &e), 0);
	ck_assert_int_eq(s.n, 1);
	ck_assert_int_eq(s.v[0], a);
	s.n = 0;
	ck_assert_int_eq(reg_case_each(&r, "filed", 0, take, &s, &e), 0);
	ck_assert_int_eq(s.n, 1);
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_case_new_refuses_bad_input)
{
	struct reg r;
	struct err e = ERR_INIT;
	struct reg_case_new n;
	long long id;
	int protect;

	loaded(&r);
	memset(&n, 0, sizeof(n));
	n.type = "naming";
	n.name = "金滩路";
	n.division = "445322100";
	ck_assert_int_eq(reg_case_create(&r, &n, &id, &protect, &e), -1);
	ck_assert_int_eq(e.code, ERR_USAGE);
	ck_assert_str_eq(e.msg, "a naming case needs --name, --class and --division");
	n.class_code = "街路巷";
	n.division = "445399";
	ck_assert_int_eq(reg_case_create(&r, &n, &id, &protect, &e), -1);
	ck_assert_int_eq(e.code, ERR_NOT_FOUND);
	ck_assert_str_eq(e.msg, "no division with code '445399'");
	n.type = "renaming";
	n.class_code = NULL;
	ck_assert_int_eq(reg_case_create(&r, &n, &id, &protect, &e), -1);
	ck_assert_str_eq(e.msg, "a renaming case needs --place");
	n.place_id = 999;
	ck_assert_int_eq(reg_case_create(&r, &n, &id, &protect, &e), -1);
	ck_assert_int_eq(e.code, ERR_NOT_FOUND);
	ck_assert_str_eq(e.msg, "no place with id 999");
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM name_case"), 0);
	reg_close(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("case");
	TCase *tc = tcase_create("life");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_reg_case_naming_full_life);
	tcase_add_test(tc, test_reg_case_renaming_keeps_id);
	tcase_add_test(tc, test_reg_case_cancellation_makes_historical);
	tcase_add_test(tc, test_reg_case_new_refuses_bad_input);
	suite_add_tcase(s, tc);
	tc = tcase_create("transitions");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_reg_case_illegal_transitions);
	tcase_add_test(tc, test_reg_case_withdraw_and_reject_are_final);
	suite_add_tcase(s, tc);
	tc = tcase_create("duties");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_reg_case_approve_rejects_same_officer);
	tcase_add_test(tc, test_reg_case_errors_block_approval_unless_override);
	tcase_add_test(tc, test_reg_case_protected_place_warns);
	suite_add_tcase(s, tc);
	tc = tcase_create("deadlines");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_reg_case_overdue_after_15_days);
	suite_add_tcase(s, tc);
	return s;
}
