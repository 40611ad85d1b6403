/* reg_case.c - approval cases for naming, renaming and cancelling names.
 *
 * Owns name_case, case_event, case_report and case_finding: the state
 * machine, separation of duties, the 15-day deadlines and what an approval
 * does to the register (through reg_place.h).  The name checks are
 * reg_namecheck.c's; printing is cli/'s.
 */
#include "registry/reg_case.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/clock.h"
#include "common/i18n.h"
#include "geo/geo_crs.h"
#include "registry/reg_name.h"
#include "registry/reg_namecheck.h"
#include "registry/reg_place.h"

static const char sql_insert[] =
	"INSERT INTO name_case(type, state, division_code, place_id, proposed_name, current_name,"
	" class_code, reason, applicant, lon, lat, created_by, created_at)"
	" VALUES(?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_get[] =
	"SELECT id, type, state, division_code, place_id, proposed_name, current_name, class_code,"
	" reason, applicant, lon, lat, created_by, created_at, submitted_by, reviewed_by,"
	" approved_by, approved_on, authority, doc_number, override_reason, announced_on,"
	" channel, filed_on, result_place FROM name_case";
static const char sql_event[] =
	"INSERT INTO case_event(case_id, state, actor, at, note) VALUES(?, ?, ?, ?, ?)";
static const char sql_events[] =
	"SELECT state, actor, at, note FROM case_event WHERE case_id = ? ORDER BY id";
static const char sql_findings[] =
	"SELECT rule, severity, message, other_place, other_name FROM case_finding"
	" WHERE case_id = ? ORDER BY id";
static const char sql_findings_clear[] = "DELETE FROM case_finding WHERE case_id = ?";
static const char sql_finding_add[] =
	"INSERT INTO case_finding(case_id, rule, severity, message, other_place, other_name)"
	" VALUES(?, ?, ?, ?, ?, ?)";
static const char sql_reports[] =
	"SELECT kind, path, note, actor, at FROM case_report WHERE case_id = ? ORDER BY id";
static const char sql_report_add[] =
	"INSERT INTO case_report(case_id, kind, path, note, actor, at) VALUES(?, ?, ?, ?, ?, ?)";
static const char sql_set_state[] = "UPDATE name_case SET state = ? WHERE id = ?";
static const char sql_submitted[] = "UPDATE name_case SET submitted_by = ? WHERE id = ?";
static const char sql_reviewed[] = "UPDATE name_case SET reviewed_by = ? WHERE id = ?";
static const char sql_approved[] =
	"UPDATE name_case SET approved_by = ?, approved_on = ?, authority = ?, doc_number = ?,"
	" override_reason = ?, result_place = ? WHERE id = ?";
static const char sql_announced[] =
	"UPDATE name_case SET announced_on = ?, channel = ? WHERE id = ?";
static const char sql_filed[] = "UPDATE name_case SET filed_on = ? WHERE id = ?";

static const char *const states[] = {
	"draft", "submitted", "reviewed", "approved", "rejected", "announced", "filed",
	"withdrawn", NULL
};

int reg_case_state_valid(const char *s)
{
	int i;

	for (i = 0; s && states[i]; i++)
		if (!strcmp(states[i], s))
			return 1;
	return 0;
}

/* ---- reading ---- */

static void derive_dues(struct reg_case *c)
{
	char today[11];
	long approved, now;
	struct err ignore = ERR_INIT;

	c->announce_due[0] = c->file_due[0] = '\0';
	c->overdue = 0;
	if (!c->approved_on[0] || clock_parse_date(c->approved_on, &approved, &ignore) < 0)
		return;
	clock_format_date(approved + REG_CASE_DUE_DAYS, c->announce_due);
	clock_format_date(approved + REG_CASE_DUE_DAYS, c->file_due);
	if (clock_today(today, &ignore) < 0 || clock_parse_date(today, &now, &ignore) < 0)
		return;
	if (!strcmp(c->state, "approved") && now > approved + REG_CASE_DUE_DAYS)
		c->overdue = 1;
	if (!strcmp(c->state, "announced") && now > approved + REG_CASE_DUE_DAYS)
		c->overdue = 1;
}

static void row_to_case(sqlite3_stmt *st, struct reg_case *c)
{
	memset(c, 0, sizeof(*c));
	c->id = sqlite3_column_int64(st, 0);
	reg_col_copy(c->type, sizeof(c->type), st, 1);
	reg_col_copy(c->state, sizeof(c->state), st, 2);
	reg_col_copy(c->division_code, sizeof(c->division_code), st, 3);
	c->place_id = sqlite3_column_int64(st, 4);
	reg_col_copy(c->proposed_name, sizeof(c->proposed_name), st, 5);
	reg_col_copy(c->current_name, sizeof(c->current_name), st, 6);
	reg_col_copy(c->class_code, sizeof(c->class_code), st, 7);
	reg_col_copy(c->reason, sizeof(c->reason), st, 8);
	reg_col_copy(c->applicant, sizeof(c->applicant), st, 9);
	c->has_location = sqlite3_column_type(st, 10) != SQLITE_NULL;
	c->lon = sqlite3_column_double(st, 10);
	c->lat = sqlite3_column_double(st, 11);
	reg_col_copy(c->created_by, sizeof(c->created_by), st, 12);
	reg_col_copy(c->created_at, sizeof(c->created_at), st, 13);
	reg_col_copy(c->submitted_by, sizeof(c->submitted_by), st, 14);
	reg_col_copy(c->reviewed_by, sizeof(c->reviewed_by), st, 15);
	reg_col_copy(c->approved_by, sizeof(c->approved_by), st, 16);
	reg_col_copy(c->approved_on, sizeof(c->approved_on), st, 17);
	reg_col_copy(c->authority, sizeof(c->authority), st, 18);
	reg_col_copy(c->doc_number, sizeof(c->doc_number), st, 19);
	reg_col_copy(c->override_reason, sizeof(c->override_reason), st, 20);
	reg_col_copy(c->announced_on, sizeof(c->announced_on), st, 21);
	reg_col_copy(c->channel, sizeof(c->channel), st, 22);
	reg_col_copy(c->filed_on, sizeof(c->filed_on), st, 23);
	c->result_place = sqlite3_column_int64(st, 24);
	derive_dues(c);
}

int reg_case_get(struct reg *r, long long id, struct reg_case *c, struct err *e)
{
	char sql[sizeof(sql_get) + 32];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "%s WHERE id = ?", sql_get);
	if (!(st = reg_prepare(r, sql, e)))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		row_to_case(st, c);
		rc = 1;
	} else if (rc == SQLITE_DONE) {
		rc = 0;
	} else {
		rc = reg_db_error(r, e, _("cannot read case"));
	}
	sqlite3_finalize(st);
	return rc;
}

int reg_case_each(struct reg *r, const char *state, int overdue_only,
		  int (*fn)(const struct reg_case *, void *), void *arg, struct err *e)
{
	char sql[sizeof(sql_get) + 64];
	struct reg_case c;
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "%s WHERE ?1 IS NULL OR state = ?1 ORDER BY id", sql_get);
	if (!(st = reg_prepare(r, sql, e)))
		return -1;
	reg_bind_opt(st, 1, state);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_to_case(st, &c);
		if (overdue_only && !c.overdue)
			continue;
		if (fn(&c, arg)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot list cases"));
	return 0;
}

int reg_case_events_each(struct reg *r, long long id,
			 int (*fn)(const struct reg_case_event *, void *), void *arg,
			 struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_events, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct reg_case_event ev = {
			(const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1),
			(const char *)sqlite3_column_text(st, 2),
			(const char *)sqlite3_column_text(st, 3),
		};

		if (fn(&ev, arg)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot read case events"));
	return 0;
}

int reg_case_findings_each(struct reg *r, long long id,
			   int (*fn)(const struct reg_case_finding *, void *), void *arg,
			   struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_findings, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct reg_case_finding f = {
			(const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1),
			(const char *)sqlite3_column_text(st, 2),
			sqlite3_column_int64(st, 3),
			(const char *)sqlite3_column_text(st, 4),
		};

		if (fn(&f, arg)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot read case findings"));
	return 0;
}

int reg_case_reports_each(struct reg *r, long long id,
			  int (*fn)(const struct reg_case_report *, void *), void *arg,
			  struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_reports, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct reg_case_report rep = {
			(const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1),
			(const char *)sqlite3_column_text(st, 2),
			(const char *)sqlite3_column_text(st, 3),
			(const char *)sqlite3_column_text(st, 4),
		};

		if (fn(&rep, arg)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot read case reports"));
	return 0;
}

/* ---- writing ---- */

static const char *actor(struct reg *r)
{
	return r->actor[0] ? r->actor : "unknown";
}

/* Run a one-row UPDATE/INSERT with text and integer parameters: "t" binds
 * a string (NULL or "" as NULL), "i" a long long. */
static int exec_args(struct reg *r, const char *sql, const char *types, ...)
{
	struct err *e;
	sqlite3_stmt *st = NULL;
	va_list ap;
	int i, rc;

	va_start(ap, types);
	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		st = NULL;
	}
	for (i = 0; types[i]; i++) {
		if (types[i] == 't') {
			const char *s = va_arg(ap, const char *);

			if (st)
				reg_bind_opt(st, i + 1, s);
		} else {
			long long v = va_arg(ap, long long);

			if (st)
				sqlite3_bind_int64(st, i + 1, v);
		}
	}
	e = va_arg(ap, struct err *);
	va_end(ap);
	if (!st)
		return reg_db_error(r, e, _("cannot prepare statement"));
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot write case"));
	return 0;
}

static int add_event(struct reg *r, long long id, const char *state, const char *note,
		     struct err *e)
{
	char now[20];

	if (clock_now(now, e) < 0)
		return -1;
	return exec_args(r, sql_event, "itttt", id, state, actor(r), now, note, e);
}

static int set_state(struct reg *r, long long id, const char *state, const char *note,
		     struct err *e)
{
	if (exec_args(r, sql_set_state, "ti", state, id, e) < 0)
		return -1;
	return add_event(r, id, state, note, e);
}

/* Load the case and check the transition: verb needs one of from[]. */
static int begin_transition(struct reg *r, long long id, const char *verb,
			    const char *const *from, struct reg_case *c, struct err *e)
{
	struct buf allowed = BUF_INIT;
	int rc = reg_case_get(r, id, c, e), i;

	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, _("no case with id %lld"), id);
	for (i = 0; from[i]; i++)
		if (!strcmp(c->state, from[i]))
			return 0;
	for (i = 0; from[i]; i++)
		buf_addf(&allowed, "%s%s", i ? (from[i + 1] ? ", " : _(" or ")) : "", from[i]);
	err_set(e, ERR_CONFLICT, _("case %lld is %s: '%s' needs a case that is %s"), id, c->state,
		verb, buf_str(&allowed));
	buf_release(&allowed);
	return -1;
}

static int load_place(struct reg *r, long long id, struct reg_place *p, struct err *e)
{
	int rc = reg_place_get(r, id, p, e);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, _("no place with id %lld"), id);
	return 0;
}

int reg_case_create(struct reg *r, const struct reg_case_new *n, long long *id, int *protect,
		    struct err *e)
{
	char division[13], now[20];
	struct reg_place p;
	struct reg_class c;
	struct reg_division d;
	sqlite3_stmt *st;
	int naming, rc = -1;

	*protect = 0;
	reg_place_init(&p);
	naming = !strcmp(n->type, "naming");
	if (!naming && strcmp(n->type, "renaming") && strcmp(n->type, "cancellation")) {
		err_set(e, ERR_USAGE, _("unknown case type '%s' (naming, renaming, cancellation)"),
			n->type);
		goto out;
	}
	c.code[0] = '\0';
	if (naming) {
		if (!n->name || !*n->name || !n->class_code || !*n->class_code || !n->division) {
			err_set(e, ERR_USAGE, _("a naming case needs --name, --class and --division"));
			goto out;
		}
		if (reg_class_resolve(r, n->class_code, &c, e) < 0)
			goto out;
	} else {
		if (!n->place_id) {
			err_set(e, ERR_USAGE, _("a %s case needs --place"), n->type);
			goto out;
		}
		if (!strcmp(n->type, "renaming") && (!n->name || !*n->name)) {
			err_set(e, ERR_USAGE, _("a renaming case needs --name"));
			goto out;
		}
		if (n->class_code && *n->class_code) {
			err_set(e, ERR_USAGE, _("--class is for naming cases"));
			goto out;
		}
	}
	if (n->place_id) {
		if (load_place(r, n->place_id, &p, e) < 0)
			goto out;
		if (!naming && p.status == REG_PLACE_HISTORICAL) {
			err_set(e, ERR_CONFLICT, _("place %lld '%s' is historical (销名 %s)"), p.id,
				p.name, p.valid_to);
			goto out;
		}
		if (!strcmp(n->type, "renaming")) {
			if (!strcmp(p.name, n->name)) {
				err_set(e, ERR_CONFLICT, _("place %lld is already named '%s'"), p.id, p.name);
				goto out;
			}
			*protect = p.protect;
		}
	}
	if (n->division) {
		if (reg_code_normalize(n->division, division, e) < 0)
			goto out;
	} else {
		memcpy(division, p.division_code, sizeof(division));
	}
	rc = reg_division_get(r, division, &d, e);
	if (rc <= 0) {
		if (rc == 0)
			err_set(e, ERR_NOT_FOUND, _("no division with code '%s'"),
				n->division ? n->division : division);
		rc = -1;
		goto out;
	}
	rc = -1;
	if (n->has_location && !geo_china_contains(n->lon, n->lat)) {
		err_set(e, ERR_INPUT,
			_("--location: point lies outside China (lon 73..136, lat 3..54): %g,%g"),
			n->lon, n->lat);
		goto out;
	}
	if (clock_now(now, e) < 0 || !(st = reg_prepare(r, sql_insert, e)))
		goto out;
	sqlite3_bind_text(st, 1, n->type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, division, -1, SQLITE_STATIC);
	if (n->place_id)
		sqlite3_bind_int64(st, 3, n->place_id);
	reg_bind_opt(st, 4, n->name);
	reg_bind_opt(st, 5, n->place_id ? p.name : NULL);
	reg_bind_opt(st, 6, naming ? c.code : (n->place_id ? p.class_code : NULL));
	reg_bind_opt(st, 7, n->reason);
	reg_bind_opt(st, 8, n->applicant);
	if (n->has_location) {
		sqlite3_bind_double(st, 9, n->lon);
		sqlite3_bind_double(st, 10, n->lat);
	}
	sqlite3_bind_text(st, 11, actor(r), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		reg_db_error(r, e, _("cannot write case"));
		sqlite3_finalize(st);
		goto out;
	}
	sqlite3_finalize(st);
	*id = sqlite3_last_insert_rowid(r->db);
	rc = add_event(r, *id, "draft", NULL, e);
out:
	reg_place_release(&p);
	return rc;
}

/* ---- checks ---- */

struct store {
	struct reg *r;
	sqlite3_stmt *st;
	long long id;
	long errors, warnings;
	int failed;
};

static int store_finding(const struct reg_check_finding *f, void *arg)
{
	struct store *s = arg;

	sqlite3_bind_int64(s->st, 1, s->id);
	sqlite3_bind_text(s->st, 2, f->rule, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->st, 3, f->severity, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->st, 4, f->message, -1, SQLITE_STATIC);
	if (f->other_place_id)
		sqlite3_bind_int64(s->st, 5, f->other_place_id);
	else
		sqlite3_bind_null(s->st, 5);
	reg_bind_opt(s->st, 6, f->other_name);
	if (sqlite3_step(s->st) != SQLITE_DONE)
		s->failed = 1;
	sqlite3_reset(s->st);
	if (!strcmp(f->severity, "error"))
		s->errors++;
	else if (!strcmp(f->severity, "warning"))
		s->warnings++;
	return s->failed;
}

/* Replace the case's findings by a fresh check of its proposed name. */
static int run_checks(struct reg *r, const struct reg_case *c, long *errors, long *warnings,
		      struct err *e)
{
	struct store s = { r, NULL, c->id, 0, 0, 0 };
	struct reg_check_input in;
	struct reg_place p;
	int rc = -1;

	reg_place_init(&p);
	if (reg_name_index_sync(r, NULL, e) < 0 ||
	    exec_args(r, sql_findings_clear, "i", c->id, e) < 0 ||
	    !(s.st = reg_prepare(r, sql_finding_add, e)))
		goto out;
	if (strcmp(c->type, "cancellation")) {
		memset(&in, 0, sizeof(in));
		in.name = c->proposed_name;
		in.division = c->division_code;
		in.class_code = c->class_code[0] ? c->class_code : NULL;
		in.place_id = !strcmp(c->type, "renaming") ? c->place_id : 0;
		if (reg_check_name(r, &in, store_finding, &s, NULL, e) < 0)
			goto out;
	}
	if (!strcmp(c->type, "renaming") && c->place_id) {
		if (load_place(r, c->place_id, &p, e) < 0)
			goto out;
		if (p.protect) {
			struct reg_check_finding f;
			char msg[512];

			snprintf(msg, sizeof(msg),
				 _("'%s' is on the protection list (保护名录, 条例 art. 25): a listed name that must change needs protection measures first"),
				 p.name);
			memset(&f, 0, sizeof(f));
			f.rule = "protected";
			f.severity = "warning";
			f.name = p.name;
			f.message = msg;
			store_finding(&f, &s);
		}
	}
	if (s.failed) {
		reg_db_error(r, e, _("cannot write case findings"));
		goto out;
	}
	if (errors)
		*errors = s.errors;
	if (warnings)
		*warnings = s.warnings;
	rc = 0;
out:
	sqlite3_finalize(s.st);
	reg_place_release(&p);
	return rc;
}

/* ---- transitions ---- */

int reg_case_submit(struct reg *r, long long id, const char *note, long *errors,
		    long *warnings, struct err *e)
{
	static const char *const from[] = { "draft", NULL };
	struct reg_case c;

	if (begin_transition(r, id, "submit", from, &c, e) < 0 ||
	    run_checks(r, &c, errors, warnings, e) < 0 ||
	    exec_args(r, sql_submitted, "ti", actor(r), id, e) < 0)
		return -1;
	return set_state(r, id, "submitted", note, e);
}

int reg_case_review(struct reg *r, long long id, const struct reg_case_report *reports,
		    int nreports, const char *note, struct err *e)
{
	static const char *const from[] = { "submitted", NULL };
	struct reg_case c;
	char now[20];
	int i, expert = 0, consult = 0;

	if (begin_transition(r, id, "review", from, &c, e) < 0)
		return -1;
	for (i = 0; i < nreports; i++) {
		expert |= !strcmp(reports[i].kind, "expert");
		consult |= !strcmp(reports[i].kind, "consultation");
	}
	if (!expert || !consult)
		return err_set(e, ERR_CONFLICT,
			       _("case %lld: a review records the expert review (专家论证, --expert) and the consultation (征求意见, --consultation)"),
			       id);
	if (clock_now(now, e) < 0)
		return -1;
	for (i = 0; i < nreports; i++)
		if (exec_args(r, sql_report_add, "itttt" "t", id, reports[i].kind, reports[i].path,
			      reports[i].note, actor(r), now, e) < 0)
			return -1;
	if (exec_args(r, sql_reviewed, "ti", actor(r), id, e) < 0)
		return -1;
	return set_state(r, id, "reviewed", note, e);
}

/* WKB of a point (little-endian ISO WKB: byte order, type 1, x, y). */
static void point_wkb(double lon, double lat, unsigned char out[21])
{
	uint32_t type = 1;
	unsigned char *p = out;
	int i;

	*p++ = 1;
	for (i = 0; i < 4; i++)
		*p++ = (unsigned char)(type >> (8 * i));
	/* Doubles in the machine's order: diming builds for little-endian
	 * hosts only (x86-64, arm64), as SpatiaLite's own blobs assume. */
	memcpy(p, &lon, 8);
	memcpy(p + 8, &lat, 8);
}

static int approve_effects(struct reg *r, const struct reg_case *c, const char *today,
			   long long *result, const char *note, struct err *e)
{
	struct reg_place p;
	unsigned char wkb[21];
	int rc = -1;

	reg_place_init(&p);
	if (!strcmp(c->type, "naming")) {
		snprintf(p.name, sizeof(p.name), "%s", c->proposed_name);
		memcpy(p.class_code, c->class_code, sizeof(p.class_code));
		memcpy(p.division_code, c->division_code, sizeof(p.division_code));
		snprintf(p.valid_from, sizeof(p.valid_from), "%s", today);
		if (c->has_location) {
			point_wkb(c->lon, c->lat, wkb);
			reg_place_set_wkb(&p, wkb, sizeof(wkb));
			snprintf(p.src_srs, sizeof(p.src_srs), "EPSG:4490");
		}
		{
			struct reg_class cl;

			if (reg_class_resolve(r, p.class_code, &cl, e) < 0)
				goto out;
			snprintf(p.class_name, sizeof(p.class_name), "%s", cl.name);
		}
		reg_place_derive(&p);
		if (reg_place_insert(r, &p, e) < 0 ||
		    reg_place_event_add(r, p.id, "named", today, p.name, NULL, c->id, c->place_id,
					note, e) < 0)
			goto out;
		if (c->place_id && reg_place_link(r, c->place_id, p.id, today, c->id, e) < 0)
			goto out;
		*result = p.id;
	} else {
		if (load_place(r, c->place_id, &p, e) < 0)
			goto out;
		if (strcmp(p.name, c->current_name)) {
			err_set(e, ERR_CONFLICT,
				_("place %lld is now named '%s', not '%s' as when case %lld was opened"),
				p.id, p.name, c->current_name, c->id);
			goto out;
		}
		if (!strcmp(c->type, "renaming")) {
			if (reg_place_rename(r, p.id, c->proposed_name, today, c->id, note, e) < 0)
				goto out;
		} else if (reg_place_cancel(r, p.id, today, c->id, note, e) < 0) {
			goto out;
		}
		*result = p.id;
	}
	rc = 0;
out:
	reg_place_release(&p);
	return rc;
}

int reg_case_approve(struct reg *r, long long id, const char *authority,
		     const char *doc_number, const char *override_reason, const char *note,
		     struct err *e)
{
	static const char *const from[] = { "reviewed", NULL };
	struct reg_case c;
	char today[11];
	long errors = 0;
	long long result = 0;

	if (begin_transition(r, id, "approve", from, &c, e) < 0)
		return -1;
	if (!authority || !*authority || !doc_number || !*doc_number)
		return err_set(e, ERR_USAGE, _("approve needs --authority and --doc-number"));
	if (!strcmp(actor(r), c.submitted_by))
		return err_set(e, ERR_CONFLICT,
			       _("officer '%s' submitted case %lld and cannot approve it (separation of duties)"),
			       actor(r), id);
	if (!strcmp(actor(r), c.reviewed_by))
		return err_set(e, ERR_CONFLICT,
			       _("officer '%s' reviewed case %lld and cannot approve it (separation of duties)"),
			       actor(r), id);
	/* The registry may have changed since submission: check again. */
	if (run_checks(r, &c, &errors, NULL, e) < 0)
		return -1;
	if (errors && !(override_reason && *override_reason))
		return err_set(e, ERR_CONFLICT,
			       _("case %lld has %ld finding(s) of severity error; approve with --override --reason TEXT to record why they are accepted"),
			       id, errors);
	if (clock_today(today, e) < 0 || approve_effects(r, &c, today, &result, note, e) < 0)
		return -1;
	if (exec_args(r, sql_approved, "tttttii", actor(r), today, authority, doc_number,
		      errors ? override_reason : NULL, result, id, e) < 0)
		return -1;
	return set_state(r, id, "approved", note, e);
}

int reg_case_reject(struct reg *r, long long id, const char *note, struct err *e)
{
	static const char *const from[] = { "reviewed", NULL };
	struct reg_case c;

	if (begin_transition(r, id, "reject", from, &c, e) < 0)
		return -1;
	return set_state(r, id, "rejected", note, e);
}

int reg_case_announce(struct reg *r, long long id, const char *channel, const char *note,
		      struct err *e)
{
	static const char *const from[] = { "approved", NULL };
	struct reg_case c;
	char today[11];

	if (begin_transition(r, id, "announce", from, &c, e) < 0)
		return -1;
	if (!channel || !*channel)
		return err_set(e, ERR_USAGE, _("announce needs --channel"));
	if (clock_today(today, e) < 0 ||
	    exec_args(r, sql_announced, "tti", today, channel, id, e) < 0)
		return -1;
	return set_state(r, id, "announced", note, e);
}

int reg_case_file(struct reg *r, long long id, const char *note, struct err *e)
{
	static const char *const from[] = { "announced", NULL };
	struct reg_case c;
	char today[11];

	if (begin_transition(r, id, "file", from, &c, e) < 0)
		return -1;
	if (clock_today(today, e) < 0 || exec_args(r, sql_filed, "ti", today, id, e) < 0)
		return -1;
	return set_state(r, id, "filed", note, e);
}

int reg_case_withdraw(struct reg *r, long long id, const char *note, struct err *e)
{
	static const char *const from[] = { "draft", "submitted", "reviewed", NULL };
	struct reg_case c;

	if (begin_transition(r, id, "withdraw", from, &c, e) < 0)
		return -1;
	return set_state(r, id, "withdrawn", note, e);
}
