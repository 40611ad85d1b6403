/* reg_hazard.c - the hazard ledger (隐患台账): add, close, list. */
#include "registry/reg_hazard.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "common/clock.h"
#include "common/i18n.h"
#include "common/utf8.h"

static const char sql_insert[] =
	"INSERT INTO hazard(boundary_code, monument_number, kind, note, status, opened_at, opened_by) "
	"VALUES(?, NULLIF(?, ''), ?, ?, 'open', ?, ?)";
static const char sql_get[] =
	"SELECT status, closed_at FROM hazard WHERE id = ?";
static const char sql_close[] =
	"UPDATE hazard SET status = 'closed', closed_at = ?, closed_by = ?, resolution = ? "
	"WHERE id = ?";
static const char sql_each[] =
	"SELECT id, boundary_code, ifnull(monument_number, ''), kind, note, status, opened_at, "
	"opened_by, ifnull(closed_at, ''), ifnull(closed_by, ''), ifnull(resolution, '') "
	"FROM hazard WHERE (?1 IS NULL OR boundary_code = ?1) AND (?2 = 0 OR status = 'open') "
	"ORDER BY id";

const struct reg_hazard_kind reg_hazard_kinds[] = {
	{ "dispute", "界线纠纷" },
	{ "construction", "跨界生产建设" },
	{ "excavation", "取土采砂" },
	{ "river", "河道变化" },
	{ "road", "道路变化" },
	{ "terrain", "地物地貌变化" },
	{ "monument", "界桩受威胁" },
	{ "marker", "单方设立标志" },
	{ "other", "其他" },
	{ NULL, NULL }
};

const char *reg_hazard_kind_parse(const char *s)
{
	const struct reg_hazard_kind *k;

	for (k = reg_hazard_kinds; k->id; k++)
		if (!strcasecmp(s, k->id) || !strcmp(s, k->zh))
			return k->zh;
	return NULL;
}

static int text_ok(const char *field, const char *s, size_t max, struct err *e)
{
	if (!s || !*s)
		return err_set(e, ERR_INPUT, _("%s: empty"), field);
	if (utf8_invalid_at(s, strlen(s)) != (size_t)-1)
		return err_set(e, ERR_INPUT, _("%s: invalid UTF-8"), field);
	if (strlen(s) > max)
		return err_set(e, ERR_INPUT, _("%s: longer than %zu bytes"), field, max);
	return 0;
}

int reg_hazard_add(struct reg *r, const struct reg_hazard *h, long long *id, struct err *e)
{
	const struct reg_hazard_kind *k;
	const char *kind = h->kind ? reg_hazard_kind_parse(h->kind) : NULL;
	struct buf list = BUF_INIT;
	sqlite3_stmt *st;
	char at[20];
	int rc = 0;

	if (!kind) {
		for (k = reg_hazard_kinds; k->id; k++)
			buf_addf(&list, "%s%s %s", list.len ? ", " : "", k->id, k->zh);
		err_set(e, ERR_INPUT, _("unknown kind '%s' (%s)"), h->kind ? h->kind : "",
			buf_str(&list));
		buf_release(&list);
		return -1;
	}
	if (text_ok("note", h->note, 4000, e) < 0 || clock_now(at, e) < 0)
		return -1;
	if (!(st = reg_prepare(r, sql_insert, e)))
		return -1;
	sqlite3_bind_text(st, 1, h->boundary_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, h->monument ? h->monument : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, h->note, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, r->actor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = reg_db_error(r, e, "hazard");
	else if (id)
		*id = sqlite3_last_insert_rowid(r->db);
	sqlite3_finalize(st);
	return rc;
}

int reg_hazard_close(struct reg *r, long long id, const char *resolution, struct err *e)
{
	sqlite3_stmt *st;
	char at[20];
	int rc;

	if (text_ok("resolution", resolution, 4000, e) < 0)
		return -1;
	if (!(st = reg_prepare(r, sql_get, e)))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(st, 0), "closed"))
		rc = err_set(e, ERR_CONFLICT, _("hazard %lld was already closed on %.10s"), id,
			     (const char *)sqlite3_column_text(st, 1));
	else if (rc == SQLITE_DONE)
		rc = err_set(e, ERR_NOT_FOUND, _("no hazard with id %lld"), id);
	else if (rc != SQLITE_ROW)
		rc = reg_db_error(r, e, "hazard");
	else
		rc = 0;
	sqlite3_finalize(st);
	if (rc < 0 || clock_now(at, e) < 0)
		return -1;
	if (!(st = reg_prepare(r, sql_close, e)))
		return -1;
	sqlite3_bind_text(st, 1, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, resolution, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, id);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : reg_db_error(r, e, "hazard");
	sqlite3_finalize(st);
	return rc;
}

int reg_hazard_each(struct reg *r, const char *boundary_code, int open_only,
		    int (*fn)(const struct reg_hazard *, void *), void *arg, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_each, e);
	int rc;

	if (!st)
		return -1;
	if (boundary_code)
		sqlite3_bind_text(st, 1, boundary_code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, open_only);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct reg_hazard h;

		h.id = sqlite3_column_int64(st, 0);
		h.boundary_code = reg_col_text(st, 1);
		h.monument = reg_col_text(st, 2);
		h.kind = reg_col_text(st, 3);
		h.note = reg_col_text(st, 4);
		h.status = reg_col_text(st, 5);
		h.opened_at = reg_col_text(st, 6);
		h.opened_by = reg_col_text(st, 7);
		h.closed_at = reg_col_text(st, 8);
		h.closed_by = reg_col_text(st, 9);
		h.resolution = reg_col_text(st, 10);
		if (fn(&h, arg))
			break;
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : reg_db_error(r, e, "hazard");
	sqlite3_finalize(st);
	return rc;
}
