/* reg_place.c - standard place names: classes, places, other names, history.
 *
 * Owns place_class, place, place_name, place_event and place_link.  Every
 * write here also rewrites the place's rows of the name index (reg_name.c),
 * so search and the duplicate checks see it at once.  The approval cases
 * that call these writes are reg_case.c's; reading files is import/'s.
 */
#include "registry/reg_place.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/clock.h"
#include "common/i18n.h"
#include "common/utf8.h"
#include "registry/reg_name.h"
#include "registry/reg_pinyin.h"

/* A class by code, else by name (both indexed), else by alias. */
#define CLASS_COLUMNS \
	"SELECT code, name, coalesce(parent, ''), coalesce(major, ''), coalesce(statutory, 0)," \
	" coalesce(grp, '') FROM place_class"
static const char sql_class_by_code[] = CLASS_COLUMNS " WHERE code = ?1";
static const char sql_class_by_name[] = CLASS_COLUMNS " WHERE name = ?1";
static const char sql_class_by_alias[] = CLASS_COLUMNS
	" WHERE instr(';' || coalesce(aliases, '') || ';', ';' || ?1 || ';') > 0"
	" ORDER BY code LIMIT 1";
static const char sql_class_each[] =
	"SELECT code, name, coalesce(parent, ''), coalesce(major, ''), coalesce(statutory, 0),"
	" coalesce(grp, '') FROM place_class ORDER BY code";
static const char sql_get[] =
	"SELECT p.id, p.name, p.zhuanming, p.tongming, p.romanization, p.class_code, c.name,"
	" p.division_code, p.meaning, p.origin, p.history, p.status, p.valid_from, p.valid_to,"
	" p.protected, p.src_srs, AsBinary(p.geom)"
	" FROM place p JOIN place_class c ON c.code = p.class_code WHERE p.id = ?";
static const char sql_lookup[] =
	"SELECT id FROM place WHERE name = ? ORDER BY status = 'historical', id";
static const char sql_match[] =
	"SELECT id FROM place WHERE name = ?1 AND class_code = ?2 AND division_code = ?3"
	" ORDER BY status = 'historical', id LIMIT 1";
static const char sql_insert[] =
	"INSERT INTO place(name, zhuanming, tongming, romanization, class_code, division_code,"
	" meaning, origin, history, status, valid_from, valid_to, protected, src_srs, geom)"
	" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, GeomFromWKB(?15, 4490))";
static const char sql_update[] =
	"UPDATE place SET name = ?1, zhuanming = ?2, tongming = ?3, romanization = ?4,"
	" class_code = ?5, division_code = ?6, meaning = ?7, origin = ?8, history = ?9,"
	" status = ?10, valid_from = ?11, valid_to = ?12, protected = ?13, src_srs = ?14,"
	" geom = GeomFromWKB(?15, 4490) WHERE id = ?16";
static const char sql_division_exists[] = "SELECT 1 FROM division WHERE code = ?";
static const char sql_other_add[] =
	"INSERT OR IGNORE INTO place_name(place_id, name, kind, valid_from, valid_to)"
	" VALUES(?, ?, ?, ?, ?)";
static const char sql_others[] =
	"SELECT id, name, kind, valid_from, valid_to FROM place_name WHERE place_id = ?"
	" ORDER BY valid_to IS NULL, valid_to, id";
static const char sql_event_add[] =
	"INSERT INTO place_event(place_id, on_date, kind, name, old_name, case_id, other_place,"
	" actor, at, note) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_links[] =
	"SELECT to_place FROM place_link WHERE from_place = ?1"
	" UNION SELECT from_place FROM place_link WHERE to_place = ?1";
static const char sql_history[] =
	"SELECT id, place_id, on_date, kind, name, old_name, case_id, other_place, actor, at, note"
	" FROM place_event WHERE place_id IN (SELECT value FROM json_each(?))"
	" ORDER BY on_date, id";
static const char sql_link[] =
	"INSERT OR IGNORE INTO place_link(from_place, to_place, on_date, case_id) VALUES(?, ?, ?, ?)";
static const char sql_geojson[] =
	"SELECT AsGeoJSON(geom, 9) FROM place WHERE id = ? AND geom IS NOT NULL";

/* ---- classes ---- */

static void row_to_class(sqlite3_stmt *st, struct reg_class *c)
{
	memset(c, 0, sizeof(*c));
	reg_col_copy(c->code, sizeof(c->code), st, 0);
	reg_col_copy(c->name, sizeof(c->name), st, 1);
	reg_col_copy(c->parent, sizeof(c->parent), st, 2);
	reg_col_copy(c->major, sizeof(c->major), st, 3);
	c->statutory = sqlite3_column_int(st, 4);
	reg_col_copy(c->group, sizeof(c->group), st, 5);
}

int reg_class_find(struct reg *r, const char *text, struct reg_class *c, struct err *e)
{
	static const char *const sql[] = { sql_class_by_code, sql_class_by_name, sql_class_by_alias };
	size_t i;
	int rc = 0;

	for (i = 0; i < sizeof(sql) / sizeof(sql[0]) && rc == 0; i++) {
		sqlite3_stmt *st = reg_stmt(r, sql[i], e);

		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			row_to_class(st, c);
			rc = 1;
		} else if (rc == SQLITE_DONE) {
			rc = 0;
		} else {
			rc = reg_db_error(r, e, _("cannot read place classes"));
		}
		sqlite3_reset(st);
	}
	return rc;
}

int reg_class_resolve(struct reg *r, const char *text, struct reg_class *c, struct err *e)
{
	int rc = reg_class_find(r, text ? text : "", c, e);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_INPUT, _("unknown place class '%s'"), text ? text : "");
	return 0;
}

int reg_class_each(struct reg *r, int (*fn)(const struct reg_class *, void *), void *arg,
		   struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_class_each, e);
	struct reg_class c;
	int rc;

	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_to_class(st, &c);
		if (fn(&c, arg)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot read place classes"));
	return 0;
}

void reg_class_prefix(const char code[6], char out[6])
{
	size_t n = strlen(code);

	memcpy(out, code, n + 1);
	while (n > 1 && out[n - 1] == '0')
		out[--n] = '\0';
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !memcmp(s + n - m, suffix, m);
}

const char *reg_class_of_division(enum reg_level level, const char *name)
{
	switch (level) {
	case REG_LEVEL_PROVINCE:
		return "21200";
	case REG_LEVEL_CITY:
		return "21300";
	case REG_LEVEL_COUNTY:
		return "21400";
	case REG_LEVEL_TOWN:
		if (ends_with(name, "镇"))
			return "21520";
		if (ends_with(name, "乡"))
			return "21510";
		if (ends_with(name, "街道") || ends_with(name, "办事处"))
			return "21530";
		return "21500";
	case REG_LEVEL_VILLAGE:
		if (ends_with(name, "村民委员会") || ends_with(name, "村委会"))
			return "27610";
		if (ends_with(name, "居民委员会") || ends_with(name, "居委会"))
			return "27620";
		return "21600";
	default:
		return "21000";
	}
}

/* ---- place records ---- */

void reg_place_init(struct reg_place *p)
{
	memset(p, 0, sizeof(*p));
}

void reg_place_release(struct reg_place *p)
{
	free(p->meaning);
	free(p->origin);
	free(p->history);
	free(p->wkb);
	memset(p, 0, sizeof(*p));
}

void reg_place_set_text(char **field, const char *value)
{
	free(*field);
	*field = value && *value ? strdup(value) : NULL;
}

void reg_place_set_wkb(struct reg_place *p, const unsigned char *wkb, size_t n)
{
	free(p->wkb);
	p->wkb = NULL;
	p->nwkb = 0;
	if (wkb && n) {
		p->wkb = malloc(n);
		if (!p->wkb)
			abort();
		memcpy(p->wkb, wkb, n);
		p->nwkb = n;
	}
}

void reg_place_derive(struct reg_place *p)
{
	struct reg_roman ro;
	struct err e = ERR_INIT;
	const char *hint = p->class_name[0] ? p->class_name : p->class_code;

	if (reg_pinyin_class_family(hint) == 0 && p->class_code[0])
		hint = p->class_code;
	reg_roman_init(&ro);
	if (reg_pinyin_romanize(p->name, hint, 0, &ro, &e) == 0) {
		if (!p->zhuanming[0] && !p->tongming[0]) {
			snprintf(p->zhuanming, sizeof(p->zhuanming), "%s", buf_str(&ro.zhuanming));
			snprintf(p->tongming, sizeof(p->tongming), "%s", buf_str(&ro.tongming));
		}
		if (!p->romanization[0])
			snprintf(p->romanization, sizeof(p->romanization), "%s", buf_str(&ro.text));
	} else if (!p->zhuanming[0] && !p->tongming[0]) {
		snprintf(p->zhuanming, sizeof(p->zhuanming), "%s", p->name);
	}
	reg_roman_release(&ro);
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s && *s ? strdup((const char *)s) : NULL;
}

int reg_place_get(struct reg *r, long long id, struct reg_place *p, struct err *e)
{
	sqlite3_stmt *st = reg_stmt(r, sql_get, e);
	int rc;

	if (!st)
		return -1;
	reg_place_release(p);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		p->id = sqlite3_column_int64(st, 0);
		reg_col_copy(p->name, sizeof(p->name), st, 1);
		reg_col_copy(p->zhuanming, sizeof(p->zhuanming), st, 2);
		reg_col_copy(p->tongming, sizeof(p->tongming), st, 3);
		reg_col_copy(p->romanization, sizeof(p->romanization), st, 4);
		reg_col_copy(p->class_code, sizeof(p->class_code), st, 5);
		reg_col_copy(p->class_name, sizeof(p->class_name), st, 6);
		reg_col_copy(p->division_code, sizeof(p->division_code), st, 7);
		p->meaning = col_dup(st, 8);
		p->origin = col_dup(st, 9);
		p->history = col_dup(st, 10);
		p->status = !strcmp((const char *)sqlite3_column_text(st, 11), "historical")
			    ? REG_PLACE_HISTORICAL : REG_PLACE_CURRENT;
		reg_col_copy(p->valid_from, sizeof(p->valid_from), st, 12);
		reg_col_copy(p->valid_to, sizeof(p->valid_to), st, 13);
		p->protect = sqlite3_column_int(st, 14);
		reg_col_copy(p->src_srs, sizeof(p->src_srs), st, 15);
		if (sqlite3_column_type(st, 16) == SQLITE_BLOB)
			reg_place_set_wkb(p, sqlite3_column_blob(st, 16),
					  (size_t)sqlite3_column_bytes(st, 16));
		rc = 1;
	} else if (rc == SQLITE_DONE) {
		rc = 0;
	} else {
		rc = reg_db_error(r, e, _("cannot read place"));
	}
	sqlite3_reset(st);
	return rc;
}

int reg_place_lookup(struct reg *r, const char *name, long long *ids, int max, int *n,
		     struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_lookup, e);
	int rc;

	*n = 0;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n < max)
			ids[*n] = sqlite3_column_int64(st, 0);
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot read places"));
	return 0;
}

int reg_place_match(struct reg *r, const char *name, const char class_code[6],
		    const char division_code[13], long long *id, struct err *e)
{
	sqlite3_stmt *st = reg_stmt(r, sql_match, e);
	int rc;

	*id = 0;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, class_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, division_code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot read places"));
	return 0;
}

static int check_place(struct reg *r, struct reg_place *p, struct err *e)
{
	struct reg_class c;
	sqlite3_stmt *st;
	char disp[13];
	int rc;

	if (!p->name[0])
		return err_set(e, ERR_INPUT, _("field 'name': empty"));
	if (reg_class_resolve(r, p->class_code, &c, e) < 0)
		return err_prefix(e, _("field 'class': "));
	memcpy(p->class_code, c.code, sizeof(c.code));
	snprintf(p->class_name, sizeof(p->class_name), "%s", c.name);
	st = reg_stmt(r, sql_division_exists, e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, p->division_code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE) {
		reg_code_display(p->division_code, disp);
		return err_set(e, ERR_INPUT, _("field 'division_code': no division '%s'"), disp);
	}
	if (rc != SQLITE_ROW)
		return reg_db_error(r, e, _("cannot read divisions"));
	return 0;
}

static void bind_place(sqlite3_stmt *st, const struct reg_place *p)
{
	sqlite3_bind_text(st, 1, p->name, -1, SQLITE_STATIC);
	reg_bind_opt(st, 2, p->zhuanming);
	reg_bind_opt(st, 3, p->tongming);
	reg_bind_opt(st, 4, p->romanization);
	sqlite3_bind_text(st, 5, p->class_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, p->division_code, -1, SQLITE_STATIC);
	reg_bind_opt(st, 7, p->meaning);
	reg_bind_opt(st, 8, p->origin);
	reg_bind_opt(st, 9, p->history);
	sqlite3_bind_text(st, 10, p->status == REG_PLACE_HISTORICAL ? "historical" : "current",
			  -1, SQLITE_STATIC);
	reg_bind_opt(st, 11, p->valid_from);
	reg_bind_opt(st, 12, p->valid_to);
	sqlite3_bind_int(st, 13, p->protect);
	reg_bind_opt(st, 14, p->src_srs);
	if (p->wkb)
		sqlite3_bind_blob(st, 15, p->wkb, (int)p->nwkb, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 15);
}

/* Rewrite every index row of a place: its standard name and other names. */
static int index_place(struct reg *r, long long id, struct err *e)
{
	struct reg_place p;
	struct reg_name_entry en;
	sqlite3_stmt *st;
	int rc;

	reg_place_init(&p);
	rc = reg_place_get(r, id, &p, e);
	if (rc <= 0) {
		reg_place_release(&p);
		return rc < 0 ? -1 : err_set(e, ERR_NOT_FOUND, _("no place with id %lld"), id);
	}
	memset(&en, 0, sizeof(en));
	en.src = REG_NAME_PLACE;
	en.ref = id;
	en.place_id = id;
	en.name = p.name;
	en.class_code = p.class_code;
	en.division_code = p.division_code;
	en.current = p.status == REG_PLACE_CURRENT;
	rc = reg_name_index_put(r, &en, e);
	st = rc == 0 ? reg_stmt(r, sql_others, e) : NULL;
	if (!st)
		rc = -1;
	else
		sqlite3_bind_int64(st, 1, id);
	while (rc == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		en.src = REG_NAME_OTHER;
		en.ref = sqlite3_column_int64(st, 0);
		en.name = (const char *)sqlite3_column_text(st, 1);
		en.kind = (const char *)sqlite3_column_text(st, 2);
		rc = reg_name_index_put(r, &en, e);
	}
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc > 0)
		rc = reg_db_error(r, e, _("cannot read other names"));
	sqlite3_reset(st);
	reg_place_release(&p);
	return rc;
}

int reg_place_insert(struct reg *r, struct reg_place *p, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (check_place(r, p, e) < 0)
		return -1;
	if (!(st = reg_stmt(r, sql_insert, e)))
		return -1;
	bind_place(st, p);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot write place"));
	p->id = sqlite3_last_insert_rowid(r->db);
	return index_place(r, p->id, e);
}

int reg_place_update(struct reg *r, struct reg_place *p, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (check_place(r, p, e) < 0)
		return -1;
	if (!(st = reg_stmt(r, sql_update, e)))
		return -1;
	bind_place(st, p);
	sqlite3_bind_int64(st, 16, p->id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot write place"));
	if (sqlite3_changes(r->db) == 0)
		return err_set(e, ERR_NOT_FOUND, _("no place with id %lld"), p->id);
	return index_place(r, p->id, e);
}

/* ---- other names ---- */

const char *reg_other_kind(const char *text)
{
	if (!text)
		return NULL;
	if (!strcmp(text, "别名") || !strcmp(text, "alias"))
		return "别名";
	if (!strcmp(text, "简称") || !strcmp(text, "short"))
		return "简称";
	if (!strcmp(text, "曾用名") || !strcmp(text, "former"))
		return "曾用名";
	return NULL;
}

int reg_place_other_add(struct reg *r, long long place_id, const char *name,
			const char *kind, const char *valid_from, const char *valid_to,
			int *added, struct err *e)
{
	sqlite3_stmt *st;
	const char *k = reg_other_kind(kind);
	int rc;

	if (added)
		*added = 0;
	if (!k)
		return err_set(e, ERR_INPUT, _("unknown kind of name '%s' (别名, 简称, 曾用名)"),
			       kind ? kind : "");
	if (!name || !*name)
		return err_set(e, ERR_INPUT, _("empty name"));
	if (!(st = reg_stmt(r, sql_other_add, e)))
		return -1;
	sqlite3_bind_int64(st, 1, place_id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, k, -1, SQLITE_STATIC);
	reg_bind_opt(st, 4, valid_from);
	reg_bind_opt(st, 5, valid_to);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot write other name"));
	if (sqlite3_changes(r->db) == 0)
		return 0;
	if (added)
		*added = 1;
	return index_place(r, place_id, e);
}

int reg_place_others_each(struct reg *r, long long place_id,
			  int (*fn)(const struct reg_other_name *, void *), void *arg,
			  struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_others, e);
	struct reg_other_name o;
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, place_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		o.id = sqlite3_column_int64(st, 0);
		reg_col_copy(o.name, sizeof(o.name), st, 1);
		reg_col_copy(o.kind, sizeof(o.kind), st, 2);
		reg_col_copy(o.valid_from, sizeof(o.valid_from), st, 3);
		reg_col_copy(o.valid_to, sizeof(o.valid_to), st, 4);
		if (fn(&o, arg)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot read other names"));
	return 0;
}

/* ---- history ---- */

const char *reg_place_event_label(const char *kind)
{
	static const struct {
		const char *kind, *label;
	} labels[] = {
		{ "registered", N_("登记") }, { "named", N_("命名") }, { "renamed", N_("更名") },
		{ "cancelled", N_("销名") }, { "protected", N_("列入保护名录") },
		{ "unprotected", N_("移出保护名录") }, { "updated", N_("更新") },
	};
	size_t i;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (!strcmp(kind, labels[i].kind))
			return _(labels[i].label);
	return kind;
}

int reg_place_event_add(struct reg *r, long long place_id, const char *kind,
			const char *on_date, const char *name, const char *old_name,
			long long case_id, long long other_place, const char *note,
			struct err *e)
{
	char today[11], now[20];
	sqlite3_stmt *st;
	int rc;

	if (clock_now(now, e) < 0)
		return -1;
	memcpy(today, now, 10);
	today[10] = '\0';
	if (!(st = reg_stmt(r, sql_event_add, e)))
		return -1;
	sqlite3_bind_int64(st, 1, place_id);
	sqlite3_bind_text(st, 2, on_date && *on_date ? on_date : today, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	reg_bind_opt(st, 4, name);
	reg_bind_opt(st, 5, old_name);
	if (case_id)
		sqlite3_bind_int64(st, 6, case_id);
	else
		sqlite3_bind_null(st, 6);
	if (other_place)
		sqlite3_bind_int64(st, 7, other_place);
	else
		sqlite3_bind_null(st, 7);
	sqlite3_bind_text(st, 8, r->actor[0] ? r->actor : "unknown", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, now, -1, SQLITE_STATIC);
	reg_bind_opt(st, 10, note);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot write place history"));
	return 0;
}

int reg_place_link(struct reg *r, long long from, long long to, const char *on_date,
		   long long case_id, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_link, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	reg_bind_opt(st, 3, on_date);
	if (case_id)
		sqlite3_bind_int64(st, 4, case_id);
	else
		sqlite3_bind_null(st, 4);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot link places"));
	return 0;
}

int reg_place_history(struct reg *r, long long place_id,
		      int (*fn)(const struct reg_place_event *, void *), void *arg,
		      struct err *e)
{
	long long *ids = NULL;
	size_t n = 0, cap = 0, i, k;
	sqlite3_stmt *st = reg_prepare(r, sql_links, e);
	struct buf json = BUF_INIT;
	int rc = 0;

	if (!st)
		return -1;
	/* Predecessors and successors, followed both ways. */
	ids = malloc(16 * sizeof(*ids));
	if (!ids)
		abort();
	cap = 16;
	ids[n++] = place_id;
	for (i = 0; i < n && rc == 0; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			long long id = sqlite3_column_int64(st, 0);

			for (k = 0; k < n && ids[k] != id; k++)
				;
			if (k < n)
				continue;
			if (n == cap) {
				cap *= 2;
				ids = realloc(ids, cap * sizeof(*ids));
				if (!ids)
					abort();
			}
			ids[n++] = id;
		}
		sqlite3_reset(st);
		rc = rc == SQLITE_DONE ? 0 : reg_db_error(r, e, _("cannot read place links"));
	}
	sqlite3_finalize(st);
	buf_addc(&json, '[');
	for (i = 0; i < n; i++)
		buf_addf(&json, "%s%lld", i ? "," : "", ids[i]);
	buf_addc(&json, ']');
	free(ids);
	if (rc < 0 || !(st = reg_prepare(r, sql_history, e))) {
		buf_release(&json);
		return -1;
	}
	sqlite3_bind_text(st, 1, buf_str(&json), -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct reg_place_event ev;

		memset(&ev, 0, sizeof(ev));
		ev.id = sqlite3_column_int64(st, 0);
		ev.place_id = sqlite3_column_int64(st, 1);
		reg_col_copy(ev.on_date, sizeof(ev.on_date), st, 2);
		ev.kind = (const char *)sqlite3_column_text(st, 3);
		ev.name = (const char *)sqlite3_column_text(st, 4);
		ev.old_name = (const char *)sqlite3_column_text(st, 5);
		ev.case_id = sqlite3_column_int64(st, 6);
		ev.other_place = sqlite3_column_int64(st, 7);
		ev.actor = (const char *)sqlite3_column_text(st, 8);
		ev.at = (const char *)sqlite3_column_text(st, 9);
		ev.note = (const char *)sqlite3_column_text(st, 10);
		if (fn(&ev, arg)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	buf_release(&json);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot read place history"));
	return 0;
}

/* ---- 更名, 销名, 保护名录 ---- */

static int get_current(struct reg *r, long long id, struct reg_place *p, const char *what,
		       struct err *e)
{
	int rc = reg_place_get(r, id, p, e);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, _("no place with id %lld"), id);
	if (p->status == REG_PLACE_HISTORICAL)
		return err_set(e, ERR_CONFLICT, _("place %lld '%s' is historical (销名 %s): it cannot be %s"),
			       id, p->name, p->valid_to[0] ? p->valid_to : "?", what);
	return 0;
}

int reg_place_rename(struct reg *r, long long id, const char *new_name, const char *on_date,
		     long long case_id, const char *note, struct err *e)
{
	struct reg_place p;
	char old[REG_MAX_NAME], since[11];
	int rc = -1;

	reg_place_init(&p);
	if (get_current(r, id, &p, _("renamed"), e) < 0)
		goto out;
	if (!strcmp(p.name, new_name)) {
		err_set(e, ERR_CONFLICT, _("place %lld is already named '%s'"), id, new_name);
		goto out;
	}
	if (strlen(new_name) >= sizeof(p.name)) {
		err_set(e, ERR_INPUT, _("name longer than %d bytes"), (int)sizeof(p.name) - 1);
		goto out;
	}
	snprintf(old, sizeof(old), "%s", p.name);
	snprintf(since, sizeof(since), "%s", p.valid_from);
	snprintf(p.name, sizeof(p.name), "%s", new_name);
	p.zhuanming[0] = p.tongming[0] = p.romanization[0] = '\0';
	reg_place_derive(&p);
	snprintf(p.valid_from, sizeof(p.valid_from), "%s", on_date);
	if (reg_place_update(r, &p, e) < 0 ||
	    reg_place_other_add(r, id, old, "曾用名", since, on_date, NULL, e) < 0 ||
	    reg_place_event_add(r, id, "renamed", on_date, new_name, old, case_id, 0, note, e) < 0)
		goto out;
	rc = 0;
out:
	reg_place_release(&p);
	return rc;
}

int reg_place_cancel(struct reg *r, long long id, const char *on_date, long long case_id,
		     const char *note, struct err *e)
{
	struct reg_place p;
	int rc = -1;

	reg_place_init(&p);
	if (get_current(r, id, &p, _("cancelled"), e) < 0)
		goto out;
	p.status = REG_PLACE_HISTORICAL;
	snprintf(p.valid_to, sizeof(p.valid_to), "%s", on_date);
	if (reg_place_update(r, &p, e) < 0 ||
	    reg_place_event_add(r, id, "cancelled", on_date, p.name, NULL, case_id, 0, note, e) < 0)
		goto out;
	rc = 0;
out:
	reg_place_release(&p);
	return rc;
}

int reg_place_set_protected(struct reg *r, long long id, int on, int *changed,
			    struct err *e)
{
	struct reg_place p;
	int rc;

	*changed = 0;
	reg_place_init(&p);
	rc = reg_place_get(r, id, &p, e);
	if (rc <= 0) {
		reg_place_release(&p);
		return rc < 0 ? -1 : err_set(e, ERR_NOT_FOUND, _("no place with id %lld"), id);
	}
	rc = 0;
	if (!p.protect != !on) {
		p.protect = !!on;
		if (reg_place_update(r, &p, e) < 0 ||
		    reg_place_event_add(r, id, on ? "protected" : "unprotected", NULL, p.name, NULL,
					0, 0, NULL, e) < 0)
			rc = -1;
		else
			*changed = 1;
	}
	reg_place_release(&p);
	return rc;
}

int reg_place_geojson(struct reg *r, long long id, struct buf *out, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_geojson, e);
	int rc;

	buf_clear(out);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0))
		buf_adds(out, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot read place geometry"));
	return 0;
}

int reg_place_reindex_all(struct reg *r, long *n, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, "SELECT id FROM place ORDER BY id", e);
	long long *ids = NULL;
	size_t k = 0, cap = 0, i;
	int rc;

	*n = 0;
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (k == cap) {
			cap = cap ? cap * 2 : 256;
			ids = realloc(ids, cap * sizeof(*ids));
			if (!ids)
				abort();
		}
		ids[k++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(ids);
		return reg_db_error(r, e, _("cannot read places"));
	}
	for (i = 0, rc = 0; i < k && rc == 0; i++)
		rc = index_place(r, ids[i], e);
	free(ids);
	*n = (long)k;
	return rc;
}
