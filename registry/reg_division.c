/* reg_division.c - administrative divisions: codes, rows, geometry.
 *
 * Owns the `division` table.  Codes are normalised here; reading files is
 * import/'s business, printing is cli/'s.
 */
#include "registry/reg_division.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/i18n.h"
#include "registry/reg_name.h"

static const char sql_get[] =
	"SELECT d.code, d.name, d.level, d.parent_code, d.valid_from, d.valid_to,"
	"  d.geom IS NOT NULL, ST_Area(d.geom, 1) / 1e6,"
	"  (SELECT count(*) FROM division c WHERE c.parent_code = d.code)"
	" FROM division d WHERE d.code = ?";
/* sql_get without the geodesic area: plain SQL, which runs without
 * SpatiaLite (the light executable) and costs no area computation. */
static const char sql_lookup[] =
	"SELECT d.code, d.name, d.level, d.parent_code, d.valid_from, d.valid_to,"
	"  d.geom IS NOT NULL, NULL,"
	"  (SELECT count(*) FROM division c WHERE c.parent_code = d.code)"
	" FROM division d WHERE d.code = ?";
static const char sql_each[] =
	"SELECT d.code, d.name, d.level, d.parent_code, d.valid_from, d.valid_to,"
	"  d.geom IS NOT NULL, ST_Area(d.geom, 1) / 1e6,"
	"  (SELECT count(*) FROM division c WHERE c.parent_code = d.code)"
	" FROM division d WHERE (?1 IS NULL OR d.parent_code = ?1)"
	"  AND (?2 IS NULL OR d.level = ?2) ORDER BY d.code";
static const char sql_insert[] =
	"INSERT INTO division(code, name, level, parent_code, valid_from, valid_to)"
	" VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
/* A bulk load inserts BULK_ROWS rows per statement: a one-row INSERT
 * pays on every row for starting and ending a statement. */
#define BULK_ROWS 256
static const char sql_insert_many[] =
	"INSERT INTO division(code, name, level, parent_code, valid_from, valid_to) VALUES";
static const char sql_insert_tuple[] = "(?, ?, ?, ?, ?, ?)";
/* A national load writes some 80 MB of pages in one transaction, rows
 * in code order.  With a rollback journal (reg_begin_bulk) pages that
 * spill from the cache go straight to the file, so a modest cache holding
 * the right-hand edges of the table and its indexes does: measured, 16 MiB
 * loads as fast as 256 MiB with 40 MB less memory. */
#define BULK_CACHE_KIB 16384
static const char sql_cache_size[] = "PRAGMA cache_size";
static const char sql_is_empty[] = "SELECT NOT EXISTS (SELECT 1 FROM division)";
static const char sql_name[] = "SELECT name FROM division WHERE code = ?";
static const char sql_rename[] = "UPDATE division SET name = ? WHERE code = ?";
static const char sql_set_geom[] =
	"UPDATE division SET geom = GeomFromWKB(?1, 4490), src_srs = ?3 WHERE code = ?2"
	" AND (geom IS NULL OR NOT ST_Equals(geom, GeomFromWKB(?1, 4490))"
	"      OR src_srs IS NOT ?3)";
static const char sql_count[] =
	"SELECT level, count(*), count(geom) FROM division GROUP BY level";

static const char *const level_names[] = {
	NULL, "province", "city", "county", "town", "village"
};
static const char *const level_labels[] = {
	NULL, N_("省级"), N_("地级"), N_("县级"), N_("乡级"), N_("村级")
};

const char *reg_level_name(enum reg_level l)
{
	return (l > REG_LEVEL_NONE && l <= REG_LEVEL_VILLAGE) ? level_names[l] : NULL;
}

const char *reg_level_label(enum reg_level l)
{
	return (l > REG_LEVEL_NONE && l <= REG_LEVEL_VILLAGE) ? _(level_labels[l]) : "";
}

enum reg_level reg_level_parse(const char *s)
{
	int i;

	if (!s)
		return REG_LEVEL_NONE;
	for (i = REG_LEVEL_PROVINCE; i <= REG_LEVEL_VILLAGE; i++)
		if (!strcmp(s, level_names[i]) || !strcmp(s, level_labels[i]))
			return (enum reg_level)i;
	return REG_LEVEL_NONE;
}

int reg_code_normalize(const char *in, char out[13], struct err *e)
{
	size_t n = in ? strlen(in) : 0, i;

	for (i = 0; i < n; i++)
		if (in[i] < '0' || in[i] > '9')
			break;
	if (n == 0 || i < n || (n != 2 && n != 4 && n != 6 && n != 9 && n != 12))
		return err_set(e, ERR_INPUT,
			       _("not a division code (2, 4, 6, 9 or 12 digits): '%s'"),
			       in ? in : "");
	memcpy(out, in, n);
	memset(out + n, '0', 12 - n);
	out[12] = '\0';
	if (!strcmp(out, "000000000000") || (out[0] == '0'))
		return err_set(e, ERR_INPUT, _("not a division code: '%s'"), in);
	return 0;
}

static int zeros(const char *s, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++)
		if (s[i] != '0')
			return 0;
	return 1;
}

enum reg_level reg_code_level(const char code[13])
{
	if (zeros(code, 2, 12))
		return REG_LEVEL_PROVINCE;
	if (zeros(code, 4, 12))
		return REG_LEVEL_CITY;
	if (zeros(code, 6, 12))
		return REG_LEVEL_COUNTY;
	if (zeros(code, 9, 12))
		return REG_LEVEL_TOWN;
	return REG_LEVEL_VILLAGE;
}

void reg_code_parent(const char code[13], char out[13])
{
	static const size_t keep[] = { 0, 0, 2, 4, 6, 9 };
	enum reg_level l = reg_code_level(code);

	if (l == REG_LEVEL_PROVINCE) {
		out[0] = '\0';
		return;
	}
	memcpy(out, code, keep[l]);
	memset(out + keep[l], '0', 12 - keep[l]);
	out[12] = '\0';
}

void reg_code_display(const char code[13], char out[13])
{
	size_t n = 12;

	switch (reg_code_level(code)) {
	case REG_LEVEL_PROVINCE:
	case REG_LEVEL_CITY:
	case REG_LEVEL_COUNTY:
		n = 6;
		break;
	case REG_LEVEL_TOWN:
		n = 9;
		break;
	default:
		break;
	}
	memcpy(out, code, n);
	out[n] = '\0';
}

static void row_to_division(sqlite3_stmt *st, struct reg_division *d)
{
	memset(d, 0, sizeof(*d));
	reg_col_copy(d->code, sizeof(d->code), st, 0);
	reg_col_copy(d->name, sizeof(d->name), st, 1);
	d->level = reg_level_parse((const char *)sqlite3_column_text(st, 2));
	reg_col_copy(d->parent_code, sizeof(d->parent_code), st, 3);
	reg_col_copy(d->valid_from, sizeof(d->valid_from), st, 4);
	reg_col_copy(d->valid_to, sizeof(d->valid_to), st, 5);
	d->has_geometry = sqlite3_column_int(st, 6);
	d->area_km2 = sqlite3_column_type(st, 7) == SQLITE_NULL ? NAN
		      : sqlite3_column_double(st, 7);
	d->children = sqlite3_column_int(st, 8);
}

static int get_one(struct reg *r, const char *sql, const char *code, struct reg_division *d,
		   struct err *e)
{
	char norm[13];
	sqlite3_stmt *st;
	int rc;

	if (reg_code_normalize(code, norm, e) < 0)
		return -1;
	st = reg_prepare(r, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, norm, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		row_to_division(st, d);
		rc = 1;
	} else if (rc == SQLITE_DONE) {
		rc = 0;
	} else {
		rc = reg_db_error(r, e, _("cannot read division"));
	}
	sqlite3_finalize(st);
	return rc;
}

int reg_division_get(struct reg *r, const char *code, struct reg_division *d,
		     struct err *e)
{
	return get_one(r, sql_get, code, d, e);
}

int reg_division_lookup(struct reg *r, const char *code, struct reg_division *d,
			struct err *e)
{
	return get_one(r, sql_lookup, code, d, e);
}

int reg_division_each(struct reg *r, const char *parent, enum reg_level level,
		      int (*fn)(const struct reg_division *, void *), void *arg,
		      struct err *e)
{
	char norm[13];
	struct reg_division d;
	sqlite3_stmt *st;
	int rc;

	if (parent && reg_code_normalize(parent, norm, e) < 0)
		return -1;
	st = reg_prepare(r, sql_each, e);
	if (!st)
		return -1;
	if (parent)
		sqlite3_bind_text(st, 1, norm, -1, SQLITE_STATIC);
	if (level != REG_LEVEL_NONE)
		sqlite3_bind_text(st, 2, reg_level_name(level), -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_to_division(st, &d);
		if (fn(&d, arg)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot list divisions"));
	return 0;
}

int reg_division_count(struct reg *r, long counts[6], long *with_geometry,
		       struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_count, e);
	int rc;

	memset(counts, 0, 6 * sizeof(long));
	*with_geometry = 0;
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		enum reg_level l = reg_level_parse((const char *)sqlite3_column_text(st, 0));

		counts[l] += sqlite3_column_int64(st, 1);
		*with_geometry += sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot count divisions"));
	return 0;
}

/* A row a bulk load holds until it is written: the strings of
 * struct reg_division without its 256-byte name buffer. */
struct bulk_row {
	char code[REG_CODE_LEN], parent[REG_CODE_LEN];
	char valid_from[10], valid_to[10];
	unsigned char level;
	uint32_t name;                     /* offset in the writer's names */
};

struct reg_division_writer {
	struct reg *r;
	int bulk;
	sqlite3_stmt *insert, *name, *rename, *set_geom;
	sqlite3_stmt *insert_many;         /* bulk: BULK_ROWS rows */
	struct bulk_row *rows;             /* bulk: rows not yet inserted */
	size_t nrows, caprows;
	struct buf names;                  /* bulk: their names, NUL-ended */
	char *suspended;                   /* bulk: name index hook, to restore */
	int cache_size;                    /* bulk: the connection's, restored */
	int cache_set;
};

/* Set the connection's cache_size; -1 on error. */
static int set_cache_size(struct reg *r, int n, struct err *e)
{
	char sql[64];

	snprintf(sql, sizeof(sql), "%s=%d", sql_cache_size, n);
	return reg_exec(r, sql, e);
}

/* Give a bulk load a cache of BULK_CACHE_KIB; remember the old size to restore. */
static int set_bulk_cache(struct reg_division_writer *w, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(w->r, sql_cache_size, e);
	int rc;

	if (!st)
		return -1;
	rc = sqlite3_step(st);
	w->cache_size = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return reg_db_error(w->r, e, _("cannot read cache_size"));
	if (set_cache_size(w->r, -BULK_CACHE_KIB, e) < 0)
		return -1;
	w->cache_set = 1;
	return 0;
}

static sqlite3_stmt *prepare_insert_many(struct reg *r, struct err *e)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	int i;

	buf_adds(&sql, sql_insert_many);
	for (i = 0; i < BULK_ROWS; i++) {
		if (i)
			buf_addc(&sql, ',');
		buf_adds(&sql, sql_insert_tuple);
	}
	st = reg_prepare(r, buf_str(&sql), e);
	buf_release(&sql);
	return st;
}

struct reg_division_writer *reg_division_writer_new(struct reg *r, struct err *e)
{
	struct reg_division_writer *w = calloc(1, sizeof(*w));

	if (!w) {
		err_set(e, ERR_NOMEM, _("out of memory"));
		return NULL;
	}
	w->r = r;
	if (!(w->insert = reg_prepare(r, sql_is_empty, e)))
		goto fail;
	w->bulk = sqlite3_step(w->insert) == SQLITE_ROW && sqlite3_column_int(w->insert, 0);
	sqlite3_finalize(w->insert);
	w->insert = NULL;
	if (w->bulk && (reg_name_pending_suspend(r, &w->suspended, e) < 0 ||
			set_bulk_cache(w, e) < 0 || !(w->insert_many = prepare_insert_many(r, e))))
		goto fail;
	if (!(w->insert = reg_prepare(r, sql_insert, e)) ||
	    !(w->name = reg_prepare(r, sql_name, e)) ||
	    !(w->rename = reg_prepare(r, sql_rename, e)) ||
	    !(w->set_geom = reg_prepare(r, sql_set_geom, e)))
		goto fail;
	return w;
fail:
	reg_division_writer_free(w);
	return NULL;
}

static int flush(struct reg_division_writer *w, struct err *e);

int reg_division_writer_bulk(const struct reg_division_writer *w)
{
	return w->bulk;
}

int reg_division_writer_finish(struct reg_division_writer *w, struct err *e)
{
	if (!w->bulk)
		return 0;
	if (flush(w, e) < 0)
		return -1;
	w->bulk = 0;
	/* Every division is new: the table was empty. */
	if (reg_name_pending_resume(w->r, w->suspended, e) < 0)
		return -1;
	free(w->suspended);
	w->suspended = NULL;
	return 0;
}

void reg_division_writer_free(struct reg_division_writer *w)
{
	if (!w)
		return;
	sqlite3_finalize(w->insert);
	sqlite3_finalize(w->name);
	sqlite3_finalize(w->rename);
	sqlite3_finalize(w->set_geom);
	sqlite3_finalize(w->insert_many);
	if (w->cache_set)
		set_cache_size(w->r, w->cache_size, NULL);
	free(w->rows);
	free(w->suspended);
	buf_release(&w->names);
	free(w);
}

static void bind_opt(sqlite3_stmt *st, int i, const char *s, int n)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, n, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

int reg_division_exists(struct reg_division_writer *w, const char code[13],
			struct err *e)
{
	int rc;

	if (flush(w, e) < 0)
		return -1;
	sqlite3_bind_text(w->name, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(w->name);
	sqlite3_reset(w->name);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return reg_db_error(w->r, e, _("cannot read division"));
}

/* Bind d's columns to parameters i+1 .. i+6 of st. */
static void bind_row(sqlite3_stmt *st, int i, const struct reg_division *d)
{
	sqlite3_bind_text(st, i + 1, d->code, REG_CODE_LEN, SQLITE_STATIC);
	sqlite3_bind_text(st, i + 2, d->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, i + 3, reg_level_name(d->level), -1, SQLITE_STATIC);
	bind_opt(st, i + 4, d->parent_code, REG_CODE_LEN);
	bind_opt(st, i + 5, d->valid_from, -1);
	bind_opt(st, i + 6, d->valid_to, -1);
}

/* The same for a held row; its strings are not NUL-ended. */
static void bind_bulk_row(struct reg_division_writer *w, sqlite3_stmt *st, int i,
			  const struct bulk_row *d)
{
	sqlite3_bind_text(st, i + 1, d->code, REG_CODE_LEN, SQLITE_STATIC);
	sqlite3_bind_text(st, i + 2, w->names.data + d->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, i + 3, reg_level_name((enum reg_level)d->level), -1,
			  SQLITE_STATIC);
	bind_opt(st, i + 4, d->parent, d->parent[0] ? REG_CODE_LEN : 0);
	bind_opt(st, i + 5, d->valid_from, d->valid_from[0] ? 10 : 0);
	bind_opt(st, i + 6, d->valid_to, d->valid_to[0] ? 10 : 0);
}

static int insert(struct reg_division_writer *w, const struct reg_division *d,
		  struct err *e)
{
	sqlite3_stmt *st = w->insert;
	int rc;

	bind_row(st, 0, d);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(w->r, e, _("cannot write division"));
	return sqlite3_changes(w->r->db);
}

static int row_cmp(const struct bulk_row *a, const struct bulk_row *b)
{
	return memcmp(a->code, b->code, REG_CODE_LEN);
}

/* Merge the sorted runs a[lo..mid) and a[mid..hi) through tmp. */
static void merge(struct bulk_row *a, struct bulk_row *tmp, size_t lo, size_t mid,
		  size_t hi)
{
	size_t i = lo, j = mid, k = lo;

	if (row_cmp(&a[mid - 1], &a[mid]) <= 0)
		return;
	while (i < mid && j < hi)
		tmp[k++] = row_cmp(&a[j], &a[i]) < 0 ? a[j++] : a[i++];
	while (i < mid)
		tmp[k++] = a[i++];
	memcpy(&a[lo], &tmp[lo], (j - lo) * sizeof(*a));
}

/* Sort rows by code.  Code lists come as a few sorted runs (one per
 * level, or one per province), so a natural merge sort: find the runs,
 * merge neighbours until one is left. */
static int sort_rows(struct bulk_row *a, size_t n, struct err *e)
{
	size_t *runs, nruns = 0, i, width;
	struct bulk_row *tmp;

	if (n < 2)
		return 0;
	runs = malloc((n + 1) * sizeof(*runs));
	tmp = alloc_huge(n * sizeof(*tmp));
	if (!runs || !tmp) {
		free(runs);
		free(tmp);
		return err_set(e, ERR_NOMEM, _("out of memory"));
	}
	runs[nruns++] = 0;
	for (i = 1; i < n; i++)
		if (row_cmp(&a[i - 1], &a[i]) > 0)
			runs[nruns++] = i;
	runs[nruns] = n;
	for (width = 1; width < nruns; width *= 2)
		for (i = 0; i + width < nruns; i += 2 * width)
			merge(a, tmp, runs[i], runs[i + width],
			      runs[i + 2 * width < nruns ? i + 2 * width : nruns]);
	free(runs);
	free(tmp);
	return 0;
}

/* Insert the rows a bulk load holds, in code order: the code index then
 * grows at its end, and parents come before their children, so the
 * indexes are kept up to date for less than rebuilding them costs. */
static int flush(struct reg_division_writer *w, struct err *e)
{
	size_t i, n = w->nrows;
	int k, rc;

	if (!n)
		return 0;
	w->nrows = 0;
	if (sort_rows(w->rows, n, e) < 0)
		return -1;
	for (i = 0; i < n; i += BULK_ROWS) {
		sqlite3_stmt *st = w->insert_many;

		if (n - i < BULK_ROWS) {
			/* The tail, row by row. */
			for (; i < n; i++) {
				bind_bulk_row(w, w->insert, 0, &w->rows[i]);
				rc = sqlite3_step(w->insert);
				sqlite3_reset(w->insert);
				if (rc != SQLITE_DONE)
					return reg_db_error(w->r, e, _("cannot write division"));
			}
			break;
		}
		for (k = 0; k < BULK_ROWS; k++)
			bind_bulk_row(w, st, 6 * k, &w->rows[i + (size_t)k]);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return reg_db_error(w->r, e, _("cannot write division"));
	}
	buf_clear(&w->names);
	return 0;
}

void reg_division_writer_reserve(struct reg_division_writer *w, size_t n)
{
	struct bulk_row *rows;

	if (!w->bulk || w->rows || n < 2)
		return;
	if ((rows = alloc_huge(n * sizeof(*rows))) != NULL) {
		w->rows = rows;
		w->caprows = n;
	}
	/* Names of villages run to some 20 bytes. */
	buf_reserve_huge(&w->names, n * 24);
}

int reg_division_put_new(struct reg_division_writer *w, const struct reg_division *d,
			 struct err *e)
{
	struct bulk_row *row;

	if (!w->bulk)
		return insert(w, d, e) < 0 ? -1 : 0;
	if (w->nrows == w->caprows) {
		size_t cap = w->caprows ? w->caprows * 2 : 4096;
		struct bulk_row *nr = realloc(w->rows, cap * sizeof(*nr));

		if (!nr)
			return err_set(e, ERR_NOMEM, _("out of memory"));
		w->rows = nr;
		w->caprows = cap;
	}
	if (w->names.len > UINT32_MAX - REG_MAX_NAME)
		return err_set(e, ERR_NOMEM, _("too many divisions in one load"));
	row = &w->rows[w->nrows++];
	memcpy(row->code, d->code, REG_CODE_LEN);
	memcpy(row->parent, d->parent_code, d->parent_code[0] ? REG_CODE_LEN : 1);
	memcpy(row->valid_from, d->valid_from, d->valid_from[0] ? 10 : 1);
	memcpy(row->valid_to, d->valid_to, d->valid_to[0] ? 10 : 1);
	row->level = (unsigned char)d->level;
	row->name = (uint32_t)w->names.len;
	buf_add(&w->names, d->name, strlen(d->name) + 1);
	return 0;
}

int reg_division_put(struct reg_division_writer *w, const struct reg_division *d,
		     int update, enum reg_put_outcome *out, char *old_name,
		     struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (flush(w, e) < 0)
		return -1;
	rc = insert(w, d, e);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		*out = REG_PUT_INSERTED;
		return 0;
	}
	/* The code exists: same name is a no-op, another name a conflict. */
	st = w->name;
	sqlite3_bind_text(st, 1, d->code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return reg_db_error(w->r, e, _("cannot read division"));
	}
	if (!strcmp((const char *)sqlite3_column_text(st, 0), d->name)) {
		sqlite3_reset(st);
		*out = REG_PUT_UNCHANGED;
		return 0;
	}
	if (old_name)
		snprintf(old_name, REG_MAX_NAME, "%s", sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (!update) {
		*out = REG_PUT_CONFLICT;
		return 0;
	}
	st = w->rename;
	sqlite3_bind_text(st, 1, d->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(w->r, e, _("cannot write division"));
	*out = REG_PUT_UPDATED;
	return 0;
}

int reg_division_set_geometry(struct reg_division_writer *w, const char code[13],
			      const unsigned char *wkb, size_t n, const char *src_srs,
			      int *changed, struct err *e)
{
	sqlite3_stmt *st = w->set_geom;
	int rc;

	if (flush(w, e) < 0)
		return -1;
	sqlite3_bind_blob(st, 1, wkb, (int)n, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	bind_opt(st, 3, src_srs, -1);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(w->r, e, _("cannot write division geometry"));
	*changed = sqlite3_changes(w->r->db) > 0;
	return 0;
}
