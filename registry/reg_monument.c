/* reg_monument.c - boundary monuments (界桩) and their reference objects (方位物).
 *
 * Owns the `monument` and `monument_ref` tables: storing a monument with
 * its verbatim coordinates, comparing it with the registered one, reading
 * monuments back, and ordering a line's monuments along it.  Parsing the
 * 成果表 is import/'s; inspection histories are reg_inspect's.
 */
#include "registry/reg_monument.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "geo/geo_inspect.h"

static const char sql_select[] =
	"SELECT id, boundary_code, number, type, tri_junction, X(geom), Y(geom), lonlat,"
	"  x, y, ifnull(h_text, ''), h, srs, precision_m, ifnull(material, ''),"
	"  ifnull(managing_party, '')"
	" FROM monument";
static const char sql_where_number[] =
	" WHERE (?1 IS NULL OR boundary_code = ?1) AND number = ?2 ORDER BY boundary_code";
static const char sql_where_line[] = " WHERE ?1 IS NULL OR boundary_code = ?1 ORDER BY id";
static const char sql_where_key[] = " WHERE boundary_code = ?1 AND number = ?2";
static const char sql_refs[] =
	"SELECT name, azimuth, azimuth_deg, distance_m FROM monument_ref"
	" WHERE monument_id = ? ORDER BY seq";
static const char sql_count[] = "SELECT count(*) FROM monument WHERE boundary_code = ?";
static const char sql_insert[] =
	"INSERT INTO monument(boundary_code, number, type, tri_junction, lonlat, x, y, h_text,"
	"  h, srs, precision_m, material, managing_party, geom)"
	" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, MakePoint(?14, ?15, 4490))";
static const char sql_update[] =
	"UPDATE monument SET type = ?3, tri_junction = ?4, lonlat = ?5, x = ?6, y = ?7,"
	"  h_text = ?8, h = ?9, srs = ?10, precision_m = ?11, material = ?12,"
	"  managing_party = ?13, geom = MakePoint(?14, ?15, 4490)"
	" WHERE id = ?16";
static const char sql_refs_delete[] = "DELETE FROM monument_ref WHERE monument_id = ?";
static const char sql_ref_insert[] =
	"INSERT INTO monument_ref(monument_id, seq, name, azimuth, azimuth_deg, distance_m)"
	" VALUES(?, ?, ?, ?, ?, ?)";

/* ---- types and numbers ---- */

int reg_monument_type_valid(char type)
{
	return type && strchr("QABCDE", type) != NULL;
}

const char *reg_monument_type_label(char type)
{
	switch (type) {
	case 'Q':
		return _("单立");
	case 'A':
	case 'B':
		return _("同号双立");
	case 'C':
	case 'D':
	case 'E':
		return _("同号三立");
	default:
		return "";
	}
}

void reg_monument_group_key(const char *number, char type,
			    char out[REG_MONUMENT_MAX_NUMBER])
{
	size_t n = strlen(number);

	snprintf(out, REG_MONUMENT_MAX_NUMBER, "%s", number);
	if (n > 1 && n < REG_MONUMENT_MAX_NUMBER && isdigit((unsigned char)number[n - 2]) &&
	    toupper((unsigned char)number[n - 1]) == type)
		out[n - 1] = '\0';
}

int reg_monument_number_check_provincial(const char *number, char type,
					 const char *line_code, struct err *e)
{
	size_t i;

	if (strlen(number) != 8)
		goto bad;
	for (i = 0; i < 7; i++)
		if (!isdigit((unsigned char)number[i]))
			goto bad;
	if (!reg_monument_type_valid(number[7]))
		goto bad;
	if (strncmp(number, line_code, 4) || strlen(line_code) != 4)
		return err_set(e, ERR_INPUT, _("line code '%.4s' of '%s' is not the line's code '%s'"),
			       number, number, line_code);
	if (number[7] != type)
		return err_set(e, ERR_INPUT, _("type letter '%c' of '%s' is not its type '%c'"),
			       number[7], number, type);
	return 0;
bad:
	return err_set(e, ERR_INPUT,
		       _("'%s' is not a provincial monument number (4-digit line code, 3-digit sequence, type letter: 8 characters)"),
		       number);
}

/* ---- reading ---- */

static void row_to_monument(sqlite3_stmt *st, struct reg_monument *m)
{
	const unsigned char *t;

	memset(m, 0, sizeof(*m));
	m->id = sqlite3_column_int64(st, 0);
	reg_col_copy(m->boundary_code, sizeof(m->boundary_code), st, 1);
	reg_col_copy(m->number, sizeof(m->number), st, 2);
	t = sqlite3_column_text(st, 3);
	m->type = t ? (char)t[0] : '?';
	m->tri_junction = sqlite3_column_int(st, 4);
	m->lon = sqlite3_column_double(st, 5);
	m->lat = sqlite3_column_double(st, 6);
	m->lonlat = sqlite3_column_int(st, 7);
	reg_col_copy(m->x, sizeof(m->x), st, 8);
	reg_col_copy(m->y, sizeof(m->y), st, 9);
	reg_col_copy(m->h_text, sizeof(m->h_text), st, 10);
	m->has_h = sqlite3_column_type(st, 11) != SQLITE_NULL;
	m->h = m->has_h ? sqlite3_column_double(st, 11) : NAN;
	reg_col_copy(m->srs, sizeof(m->srs), st, 12);
	m->precision_m = sqlite3_column_type(st, 13) == SQLITE_NULL ? NAN
			 : sqlite3_column_double(st, 13);
	reg_col_copy(m->material, sizeof(m->material), st, 14);
	reg_col_copy(m->managing_party, sizeof(m->managing_party), st, 15);
	m->along_m = NAN;
	m->distance_to_line_m = NAN;
}

static int load_refs(struct reg *r, sqlite3_stmt *st, struct reg_monument *m, struct err *e)
{
	int rc;

	sqlite3_bind_int64(st, 1, m->id);
	m->nref = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && m->nref < REG_MONUMENT_MAX_REFS) {
		struct reg_monument_ref *f = &m->ref[m->nref++];

		reg_col_copy(f->name, sizeof(f->name), st, 0);
		reg_col_copy(f->azimuth, sizeof(f->azimuth), st, 1);
		f->azimuth_deg = sqlite3_column_double(st, 2);
		f->distance_m = sqlite3_column_double(st, 3);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return reg_db_error(r, e, _("cannot read reference objects"));
	return 0;
}

static sqlite3_stmt *prepare2(struct reg *r, const char *a, const char *b, struct err *e)
{
	char sql[sizeof(sql_select) + 128];

	snprintf(sql, sizeof(sql), "%s%s", a, b);
	return reg_prepare(r, sql, e);
}

int reg_monument_get(struct reg *r, const char *boundary_code, const char *number,
		     struct reg_monument *m, struct err *e)
{
	sqlite3_stmt *st = prepare2(r, sql_select, sql_where_number, e), *refs = NULL;
	int rc, n = 0;

	if (!st)
		return -1;
	if (boundary_code)
		sqlite3_bind_text(st, 1, boundary_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, number, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (n++ == 0)
			row_to_monument(st, m);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot read monument"));
	if (n) {
		refs = reg_prepare(r, sql_refs, e);
		if (!refs || load_refs(r, refs, m, e) < 0) {
			sqlite3_finalize(refs);
			return -1;
		}
		sqlite3_finalize(refs);
	}
	return n;
}

int reg_monument_each(struct reg *r, const char *boundary_code,
		      int (*fn)(const struct reg_monument *, void *), void *arg,
		      struct err *e)
{
	sqlite3_stmt *st = prepare2(r, sql_select, sql_where_line, e), *refs;
	struct reg_monument m;
	int rc;

	if (!st)
		return -1;
	refs = reg_prepare(r, sql_refs, e);
	if (!refs) {
		sqlite3_finalize(st);
		return -1;
	}
	if (boundary_code)
		sqlite3_bind_text(st, 1, boundary_code, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_to_monument(st, &m);
		if (load_refs(r, refs, &m, e) < 0) {
			rc = -1;
			break;
		}
		if (fn(&m, arg)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(refs);
	sqlite3_finalize(st);
	if (rc == -1)
		return -1;
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot list monuments"));
	return 0;
}

int reg_monument_count(struct reg *r, const char *boundary_code, long *n, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_count, e);

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, boundary_code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return reg_db_error(r, e, _("cannot count monuments"));
	}
	*n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* ---- along the line ---- */

struct collect {
	struct reg_monument *v;
	size_t n, cap;
};

static int collect_one(const struct reg_monument *m, void *arg)
{
	struct collect *c = arg;

	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 32;
		struct reg_monument *p = realloc(c->v, cap * sizeof(*p));

		if (!p)
			abort();
		c->v = p;
		c->cap = cap;
	}
	c->v[c->n++] = *m;
	return 0;
}

static int along_cmp(const void *x, const void *y)
{
	const struct reg_monument *a = x, *b = y;

	/* within a millimetre is one place: a pair, a triple */
	if (fabs(a->along_m - b->along_m) > 1e-3)
		return a->along_m < b->along_m ? -1 : 1;
	return strcmp(a->number, b->number);
}

int reg_monument_list(struct reg *r, struct geo_ctx *g, struct geo_crs_cache *cc,
		      const char *boundary_code, struct reg_monument **out, size_t *n,
		      struct err *e)
{
	struct collect c = { NULL, 0, 0 };
	struct reg_boundary b;
	struct geo_inspect_line *line = NULL;
	GEOSGeometry *geom = NULL;
	size_t i;
	int rc;

	*out = NULL;
	*n = 0;
	rc = reg_boundary_get(r, g, boundary_code, &b, &geom, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, _("no boundary line with code '%s'"), boundary_code);
	if (geom) {
		line = geo_inspect_line_new(g, geom, e);
		GEOSGeom_destroy_r(g->gh, geom);
		if (!line)
			return err_prefix(e, _("line '%s': "), boundary_code);
	}
	if (reg_monument_each(r, boundary_code, collect_one, &c, e) < 0)
		goto fail;
	for (i = 0; line && i < c.n; i++) {
		struct geo_inspect_loc loc;

		if (geo_inspect_line_locate(line, cc, c.v[i].lon, c.v[i].lat, &loc, e) < 0) {
			err_prefix(e, _("monument '%s': "), c.v[i].number);
			goto fail;
		}
		c.v[i].along_m = loc.measure_m;
		c.v[i].distance_to_line_m = loc.distance_m;
		c.v[i].side = loc.side;
	}
	if (line && c.n > 1)
		qsort(c.v, c.n, sizeof(*c.v), along_cmp);
	geo_inspect_line_free(line);
	*out = c.v;
	*n = c.n;
	return 0;
fail:
	geo_inspect_line_free(line);
	free(c.v);
	return -1;
}

/* ---- writing ---- */

struct reg_monument_writer {
	struct reg *r;
	sqlite3_stmt *find, *refs, *insert, *update, *refs_delete, *ref_insert;
};

struct reg_monument_writer *reg_monument_writer_new(struct reg *r, struct err *e)
{
	struct reg_monument_writer *w = calloc(1, sizeof(*w));

	if (!w) {
		err_set(e, ERR_NOMEM, _("out of memory"));
		return NULL;
	}
	w->r = r;
	if (!(w->find = prepare2(r, sql_select, sql_where_key, e)) ||
	    !(w->refs = reg_prepare(r, sql_refs, e)) ||
	    !(w->insert = reg_prepare(r, sql_insert, e)) ||
	    !(w->update = reg_prepare(r, sql_update, e)) ||
	    !(w->refs_delete = reg_prepare(r, sql_refs_delete, e)) ||
	    !(w->ref_insert = reg_prepare(r, sql_ref_insert, e))) {
		reg_monument_writer_free(w);
		return NULL;
	}
	return w;
}

void reg_monument_writer_free(struct reg_monument_writer *w)
{
	if (!w)
		return;
	sqlite3_finalize(w->find);
	sqlite3_finalize(w->refs);
	sqlite3_finalize(w->insert);
	sqlite3_finalize(w->update);
	sqlite3_finalize(w->refs_delete);
	sqlite3_finalize(w->ref_insert);
	free(w);
}

static int same_num(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

/* The first field in which the registered o and the new m differ. */
static const char *differs(const struct reg_monument *o, const struct reg_monument *m)
{
	int i;

	if (o->type != m->type)
		return "type";
	if (o->tri_junction != m->tri_junction)
		return "tri_junction";
	if (o->lonlat != m->lonlat || strcmp(o->x, m->x) || strcmp(o->y, m->y))
		return m->lonlat ? "lon" : "x";
	if (strcmp(o->srs, m->srs))
		return "srs";
	if (o->lon != m->lon || o->lat != m->lat)
		return "position";
	if (strcmp(o->h_text, m->h_text))
		return "h";
	if (!same_num(o->precision_m, m->precision_m))
		return "precision_m";
	if (strcmp(o->material, m->material))
		return "material";
	if (strcmp(o->managing_party, m->managing_party))
		return "managing_party";
	if (o->nref != m->nref)
		return "reference objects";
	for (i = 0; i < m->nref; i++)
		if (strcmp(o->ref[i].name, m->ref[i].name) ||
		    strcmp(o->ref[i].azimuth, m->ref[i].azimuth) ||
		    o->ref[i].distance_m != m->ref[i].distance_m)
			return "reference objects";
	return NULL;
}

static void bind_num(sqlite3_stmt *st, int i, double v)
{
	if (isnan(v))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_double(st, i, v);
}

int reg_monument_put(struct reg_monument_writer *w, const struct reg_monument *m,
		     int update, enum reg_put_outcome *out, char diff[32],
		     long long *id, struct err *e)
{
	struct reg_monument old;
	sqlite3_stmt *st;
	char type[2] = { m->type, '\0' };
	const char *d = NULL;
	long long mid = 0;
	int rc, i;

	diff[0] = '\0';
	sqlite3_bind_text(w->find, 1, m->boundary_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(w->find, 2, m->number, -1, SQLITE_STATIC);
	rc = sqlite3_step(w->find);
	if (rc == SQLITE_ROW)
		row_to_monument(w->find, &old);
	sqlite3_reset(w->find);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return reg_db_error(w->r, e, _("cannot read monument"));
	if (rc == SQLITE_ROW) {
		if (load_refs(w->r, w->refs, &old, e) < 0)
			return -1;
		mid = old.id;
		if (id)
			*id = mid;
		d = differs(&old, m);
		if (!d) {
			*out = REG_PUT_UNCHANGED;
			return 0;
		}
		snprintf(diff, 32, "%s", d);
		if (!update) {
			*out = REG_PUT_CONFLICT;
			return 0;
		}
	}
	st = mid ? w->update : w->insert;
	sqlite3_bind_text(st, 1, m->boundary_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, m->number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, type, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, m->tri_junction != 0);
	sqlite3_bind_int(st, 5, m->lonlat != 0);
	sqlite3_bind_text(st, 6, m->x, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, m->y, -1, SQLITE_STATIC);
	reg_bind_opt(st, 8, m->h_text);
	bind_num(st, 9, m->has_h ? m->h : NAN);
	sqlite3_bind_text(st, 10, m->srs, -1, SQLITE_STATIC);
	bind_num(st, 11, m->precision_m);
	reg_bind_opt(st, 12, m->material);
	reg_bind_opt(st, 13, m->managing_party);
	sqlite3_bind_double(st, 14, m->lon);
	sqlite3_bind_double(st, 15, m->lat);
	if (mid)
		sqlite3_bind_int64(st, 16, mid);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(w->r, e, _("cannot write monument"));
	if (!mid) {
		mid = sqlite3_last_insert_rowid(w->r->db);
	} else {
		sqlite3_bind_int64(w->refs_delete, 1, mid);
		rc = sqlite3_step(w->refs_delete);
		sqlite3_reset(w->refs_delete);
		if (rc != SQLITE_DONE)
			return reg_db_error(w->r, e, _("cannot write reference objects"));
	}
	for (i = 0; i < m->nref && i < REG_MONUMENT_MAX_REFS; i++) {
		st = w->ref_insert;
		sqlite3_bind_int64(st, 1, mid);
		sqlite3_bind_int(st, 2, i + 1);
		sqlite3_bind_text(st, 3, m->ref[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, m->ref[i].azimuth, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 5, m->ref[i].azimuth_deg);
		sqlite3_bind_double(st, 6, m->ref[i].distance_m);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return reg_db_error(w->r, e, _("cannot write reference objects"));
	}
	if (id)
		*id = mid;
	*out = mid && d ? REG_PUT_UPDATED : REG_PUT_INSERTED;
	return 0;
}
