/* reg_boundary.c - administrative boundary lines (行政区域界线) and their end nodes.
 *
 * Owns the `boundary` and `boundary_node` tables: storing a line with its
 * nodes, comparing a line with the registered one, reading lines back with
 * their geodesic length.  It also reads the division polygons lines are
 * derived from (the division table is reg_division.c's; only this query
 * lives here).  Deriving is geo_topo's, files are import/'s.
 */
#include "registry/reg_boundary.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "geo/geo_geod.h"

static const char sql_select[] =
	"SELECT b.id, b.code, b.name, b.level, b.left_code, b.right_code,"
	"  ifnull(b.agreement, ''), ifnull(b.approved, ''), ifnull(b.last_inspected, ''),"
	"  b.derived, ifnull(ln.name, ''), ifnull(rn.name, ''),"
	"  (SELECT count(*) FROM monument m WHERE m.boundary_code = b.code),"
	"  s.id, s.lon, s.lat, s.divisions, s.outside,"
	"  (SELECT count(*) FROM boundary x WHERE x.start_node = s.id)"
	"  + (SELECT count(*) FROM boundary x WHERE x.end_node = s.id),"
	"  t.id, t.lon, t.lat, t.divisions, t.outside,"
	"  (SELECT count(*) FROM boundary x WHERE x.start_node = t.id)"
	"  + (SELECT count(*) FROM boundary x WHERE x.end_node = t.id),"
	"  AsBinary(b.geom)"
	" FROM boundary b"
	" LEFT JOIN division ln ON ln.code = b.left_code"
	" LEFT JOIN division rn ON rn.code = b.right_code"
	" LEFT JOIN boundary_node s ON s.id = b.start_node"
	" LEFT JOIN boundary_node t ON t.id = b.end_node";
static const char sql_where_code[] = " WHERE b.code = ?1";
static const char sql_where_division[] =
	" WHERE ?1 IS NULL OR substr(b.left_code, 1, length(?1)) = ?1"
	"  OR substr(b.right_code, 1, length(?1)) = ?1 ORDER BY b.code";

static const char sql_old[] =
	"SELECT id, name, level, left_code, right_code, ifnull(agreement, ''),"
	"  ifnull(approved, ''), ifnull(last_inspected, ''), AsBinary(geom),"
	"  start_node, end_node"
	" FROM boundary WHERE code = ?";
static const char sql_insert[] =
	"INSERT INTO boundary(code, name, level, left_code, right_code, agreement, approved,"
	"  last_inspected, derived, start_node, end_node, geom)"
	" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, GeomFromWKB(?12, 4490))";
static const char sql_update_import[] =
	"UPDATE boundary SET name = ?2, level = ?3, left_code = ?4, right_code = ?5,"
	"  agreement = ifnull(?6, agreement), approved = ifnull(?7, approved),"
	"  last_inspected = ifnull(?8, last_inspected), start_node = ?10, end_node = ?11,"
	"  geom = GeomFromWKB(?12, 4490)"
	" WHERE code = ?1";
static const char sql_update_derive[] =
	"UPDATE boundary SET left_code = ?4, right_code = ?5, start_node = ?10,"
	"  end_node = ?11, geom = GeomFromWKB(?12, 4490)"
	" WHERE code = ?1";
static const char sql_orphans[] =
	"DELETE FROM boundary_node WHERE id IN (?1, ?2)"
	" AND NOT EXISTS (SELECT 1 FROM boundary WHERE start_node = boundary_node.id"
	"                 OR end_node = boundary_node.id)";
static const char sql_node_find[] =
	"SELECT id, divisions, outside FROM boundary_node WHERE lon = ?1 AND lat = ?2";
static const char sql_node_insert[] =
	"INSERT INTO boundary_node(lon, lat, divisions, outside, geom)"
	" VALUES(?1, ?2, ?3, ?4, MakePoint(?1, ?2, 4490))";
static const char sql_node_update[] =
	"UPDATE boundary_node SET divisions = ?2, outside = ?3 WHERE id = ?1";
static const char sql_division_exists[] = "SELECT 1 FROM division WHERE code = ?";
static const char sql_inspected[] =
	"UPDATE boundary SET last_inspected = ?2 WHERE code = ?1"
	" AND (last_inspected IS NULL OR last_inspected < ?2)";
static const char sql_exists[] = "SELECT 1 FROM boundary WHERE code = ?";
static const char sql_sources[] =
	"SELECT code, name, AsBinary(geom) FROM division"
	" WHERE level = ?1 AND geom IS NOT NULL"
	"  AND (?2 IS NULL OR substr(code, 1, length(?2)) = ?2)"
	" ORDER BY code";

/* ---- codes and names ---- */

int reg_boundary_code_valid(const char *code)
{
	size_t n = code ? strlen(code) : 0, i;

	if (n == 0 || n >= REG_BOUNDARY_MAX_CODE)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)code[i];

		if (!isalnum(c) && !strchr("-_./", c))
			return 0;
	}
	return 1;
}

void reg_boundary_pair_code(const char a[13], const char b[13], int piece,
			    char code[REG_BOUNDARY_MAX_CODE])
{
	char da[13], db[13];
	int swap = strcmp(a, b) > 0;

	reg_code_display(swap ? b : a, da);
	reg_code_display(swap ? a : b, db);
	if (piece > 0)
		snprintf(code, REG_BOUNDARY_MAX_CODE, "%s-%s-%d", da, db, piece);
	else
		snprintf(code, REG_BOUNDARY_MAX_CODE, "%s-%s", da, db);
}

void reg_boundary_pair_name(const char *name_a, const char *name_b, int piece,
			    char name[REG_MAX_NAME])
{
	if (piece > 0)
		snprintf(name, REG_MAX_NAME, _("%s—%s线（%d）"), name_a, name_b, piece);
	else
		snprintf(name, REG_MAX_NAME, _("%s—%s线"), name_a, name_b);
}

/* ---- node division lists: "445303000000 445322000000" ---- */

static void node_parse(struct reg_boundary_node *nd, const char *list)
{
	const char *p = list ? list : "";

	nd->ndivisions = 0;
	while (*p && nd->ndivisions < REG_NODE_MAX_DIVISIONS) {
		while (*p == ' ')
			p++;
		if (strlen(p) < 12)
			break;
		memcpy(nd->divisions[nd->ndivisions], p, 12);
		nd->divisions[nd->ndivisions++][12] = '\0';
		p += 12;
	}
}

static void node_add(struct reg_boundary_node *nd, const char *code)
{
	int i, k;

	if (!code[0])
		return;
	for (i = 0; i < nd->ndivisions; i++) {
		int c = strcmp(nd->divisions[i], code);

		if (c == 0)
			return;
		if (c > 0)
			break;
	}
	if (nd->ndivisions == REG_NODE_MAX_DIVISIONS)
		return;
	for (k = nd->ndivisions; k > i; k--)
		memcpy(nd->divisions[k], nd->divisions[k - 1], 13);
	memcpy(nd->divisions[i], code, 13);
	nd->ndivisions++;
}

static void node_format(const struct reg_boundary_node *nd, char *out, size_t n)
{
	size_t off = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < nd->ndivisions && off + 14 < n; i++)
		off += (size_t)snprintf(out + off, n - off, "%s%s", i ? " " : "", nd->divisions[i]);
}

/* ---- reading ---- */

static void node_from_row(struct reg_boundary_node *nd, sqlite3_stmt *st, int i)
{
	memset(nd, 0, sizeof(*nd));
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return;
	nd->id = sqlite3_column_int64(st, i);
	nd->lon = sqlite3_column_double(st, i + 1);
	nd->lat = sqlite3_column_double(st, i + 2);
	node_parse(nd, (const char *)sqlite3_column_text(st, i + 3));
	nd->outside = sqlite3_column_int(st, i + 4);
	nd->lines = sqlite3_column_int(st, i + 5);
}

/* Fill b from a sql_select row; with g, parse and measure the geometry. */
static int row_to_boundary(struct reg *r, struct geo_ctx *g, sqlite3_stmt *st,
			   struct reg_boundary *b, GEOSGeometry **geom, struct err *e)
{
	memset(b, 0, sizeof(*b));
	b->id = sqlite3_column_int64(st, 0);
	reg_col_copy(b->code, sizeof(b->code), st, 1);
	reg_col_copy(b->name, sizeof(b->name), st, 2);
	b->level = reg_level_parse((const char *)sqlite3_column_text(st, 3));
	reg_col_copy(b->left_code, sizeof(b->left_code), st, 4);
	reg_col_copy(b->right_code, sizeof(b->right_code), st, 5);
	reg_col_copy(b->agreement, sizeof(b->agreement), st, 6);
	reg_col_copy(b->approved, sizeof(b->approved), st, 7);
	reg_col_copy(b->last_inspected, sizeof(b->last_inspected), st, 8);
	b->derived = sqlite3_column_int(st, 9);
	reg_col_copy(b->left_name, sizeof(b->left_name), st, 10);
	reg_col_copy(b->right_name, sizeof(b->right_name), st, 11);
	b->monuments = sqlite3_column_int(st, 12);
	node_from_row(&b->start, st, 13);
	node_from_row(&b->end, st, 19);
	b->length_m = NAN;
	if (g && sqlite3_column_type(st, 25) == SQLITE_BLOB) {
		GEOSGeometry *l = geo_from_wkb(g, sqlite3_column_blob(st, 25),
					       (size_t)sqlite3_column_bytes(st, 25), e);

		if (!l)
			return err_prefix(e, _("line '%s': "), b->code);
		if (geo_geod_length(g, l, &b->length_m, e) < 0) {
			GEOSGeom_destroy_r(g->gh, l);
			return err_prefix(e, _("line '%s': "), b->code);
		}
		if (geom)
			*geom = l;
		else
			GEOSGeom_destroy_r(g->gh, l);
	}
	(void)r;
	return 0;
}

static sqlite3_stmt *prepare2(struct reg *r, const char *a, const char *b, struct err *e)
{
	char sql[sizeof(sql_select) + 256];

	snprintf(sql, sizeof(sql), "%s%s", a, b);
	return reg_prepare(r, sql, e);
}

int reg_boundary_get(struct reg *r, struct geo_ctx *g, const char *code,
		     struct reg_boundary *b, GEOSGeometry **geom, struct err *e)
{
	sqlite3_stmt *st = prepare2(r, sql_select, sql_where_code, e);
	int rc;

	if (geom)
		*geom = NULL;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = row_to_boundary(r, g, st, b, geom, e) < 0 ? -1 : 1;
	else if (rc == SQLITE_DONE)
		rc = 0;
	else
		rc = reg_db_error(r, e, _("cannot read boundary line"));
	sqlite3_finalize(st);
	return rc;
}

int reg_boundary_each(struct reg *r, struct geo_ctx *g, const char *division,
		      int (*fn)(const struct reg_boundary *, const GEOSGeometry *, void *),
		      void *arg, struct err *e)
{
	static const size_t keep[] = { 12, 2, 4, 6, 9, 12 };
	struct reg_boundary b;
	char norm[13];
	sqlite3_stmt *st;
	int rc;

	if (division && reg_code_normalize(division, norm, e) < 0)
		return -1;
	st = prepare2(r, sql_select, sql_where_division, e);
	if (!st)
		return -1;
	if (division)
		sqlite3_bind_text(st, 1, norm, (int)keep[reg_code_level(norm)], SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		GEOSGeometry *geom = NULL;
		int stop;

		if (row_to_boundary(r, g, st, &b, g ? &geom : NULL, e) < 0) {
			sqlite3_finalize(st);
			return -1;
		}
		stop = fn(&b, geom, arg);
		if (geom)
			GEOSGeom_destroy_r(g->gh, geom);
		if (stop) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot list boundary lines"));
	return 0;
}

/* ---- writing ---- */

static int division_exists(struct reg *r, const char *code, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_division_exists, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return reg_db_error(r, e, _("cannot read division"));
}

/* The line as a MultiLineString (new), with its two ends.  ERR_INPUT for
 * other types, empty lines, parts with fewer than two distinct points. */
static GEOSGeometry *as_multiline(struct geo_ctx *g, const GEOSGeometry *geom,
				  double ends[4], struct err *e)
{
	GEOSContextHandle_t gh = g->gh;
	int type = GEOSGeomTypeId_r(gh, geom), i, n;
	GEOSGeometry *out;

	if (type == GEOS_LINESTRING) {
		GEOSGeometry *part = GEOSGeom_clone_r(gh, geom);

		out = part ? GEOSGeom_createCollection_r(gh, GEOS_MULTILINESTRING, &part, 1) : NULL;
	} else if (type == GEOS_MULTILINESTRING) {
		out = GEOSGeom_clone_r(gh, geom);
	} else {
		char *tn = GEOSGeomType_r(gh, geom);

		err_set(e, ERR_INPUT, _("geometry is a %s, not a LineString or MultiLineString"),
			tn ? tn : "?");
		GEOSFree_r(gh, tn);
		return NULL;
	}
	if (!out) {
		err_set(e, ERR_GEO, _("cannot copy a line: %s"), g->geos_msg);
		return NULL;
	}
	n = GEOSGetNumGeometries_r(gh, out);
	if (n == 0 || GEOSisEmpty_r(gh, out) == 1) {
		GEOSGeom_destroy_r(gh, out);
		err_set(e, ERR_INPUT, _("geometry is empty"));
		return NULL;
	}
	for (i = 0; i < n; i++) {
		const GEOSGeometry *p = GEOSGetGeometryN_r(gh, out, i);
		const GEOSCoordSequence *cs = GEOSGeom_getCoordSeq_r(gh, p);
		unsigned int m = 0, k;
		double x0, y0, x, y;
		int distinct = 0;

		GEOSCoordSeq_getSize_r(gh, cs, &m);
		for (k = 0; k < m; k++) {
			GEOSCoordSeq_getXY_r(gh, cs, k, &x, &y);
			if (!isfinite(x) || !isfinite(y) || fabs(x) > 180 || fabs(y) > 90) {
				GEOSGeom_destroy_r(gh, out);
				err_set(e, ERR_INPUT, _("part %d, vertex %u: not a longitude/latitude: %g %g"),
					i + 1, k + 1, x, y);
				return NULL;
			}
			if (k == 0) {
				x0 = x;
				y0 = y;
			} else if (x != x0 || y != y0) {
				distinct = 1;
			}
			if (i == 0 && k == 0) {
				ends[0] = x;
				ends[1] = y;
			}
			if (i == n - 1 && k == m - 1) {
				ends[2] = x;
				ends[3] = y;
			}
		}
		if (!distinct) {
			GEOSGeom_destroy_r(gh, out);
			err_set(e, ERR_INPUT, _("part %d has fewer than two distinct points"), i + 1);
			return NULL;
		}
	}
	return out;
}

/* The node at (lon, lat) with what is known of it merged in; its id. */
static int node_put(struct reg *r, double lon, double lat, const struct reg_boundary_node *known,
		    const char *left, const char *right, long long *id, struct err *e)
{
	struct reg_boundary_node nd;
	char old[REG_NODE_MAX_DIVISIONS * 13 + 1], now[REG_NODE_MAX_DIVISIONS * 13 + 1];
	sqlite3_stmt *st = reg_prepare(r, sql_node_find, e);
	int rc, i, outside = 0, old_outside = 0;

	if (!st)
		return -1;
	memset(&nd, 0, sizeof(nd));
	sqlite3_bind_double(st, 1, lon);
	sqlite3_bind_double(st, 2, lat);
	rc = sqlite3_step(st);
	*id = 0;
	old[0] = '\0';
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		reg_col_copy(old, sizeof(old), st, 1);
		old_outside = sqlite3_column_int(st, 2);
		node_parse(&nd, old);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot read boundary node"));
	for (i = 0; known && i < known->ndivisions; i++)
		node_add(&nd, known->divisions[i]);
	node_add(&nd, left);
	node_add(&nd, right);
	outside = old_outside || (known && known->outside);
	node_format(&nd, now, sizeof(now));
	if (*id && !strcmp(old, now) && outside == old_outside)
		return 0;
	st = reg_prepare(r, *id ? sql_node_update : sql_node_insert, e);
	if (!st)
		return -1;
	if (*id) {
		sqlite3_bind_int64(st, 1, *id);
		sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, outside);
	} else {
		sqlite3_bind_double(st, 1, lon);
		sqlite3_bind_double(st, 2, lat);
		sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, outside);
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot write boundary node"));
	if (!*id)
		*id = sqlite3_last_insert_rowid(r->db);
	return 0;
}

static int col_eq(sqlite3_stmt *st, int i, const char *s)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	return !strcmp(v ? (const char *)v : "", s ? s : "");
}

/* What differs between the registered row (sql_old) and b; "" if nothing. */
static int compare(struct geo_ctx *g, sqlite3_stmt *st, const struct reg_boundary *b,
		   const GEOSGeometry *ml, enum reg_boundary_mode mode, char diff[32],
		   struct err *e)
{
	GEOSGeometry *old = NULL;
	char eq = 0;

	diff[0] = '\0';
	if (!col_eq(st, 3, b->left_code) || !col_eq(st, 4, b->right_code)) {
		snprintf(diff, 32, "%s", !col_eq(st, 3, b->left_code) ? "left_code" : "right_code");
		return 0;
	}
	if (mode == REG_BOUNDARY_IMPORT) {
		if (!col_eq(st, 1, b->name))
			snprintf(diff, 32, "name");
		else if (!col_eq(st, 2, reg_level_name(b->level)))
			snprintf(diff, 32, "level");
		else if (b->agreement[0] && !col_eq(st, 5, b->agreement))
			snprintf(diff, 32, "agreement");
		else if (b->approved[0] && !col_eq(st, 6, b->approved))
			snprintf(diff, 32, "approved");
		else if (b->last_inspected[0] && !col_eq(st, 7, b->last_inspected))
			snprintf(diff, 32, "last_inspected");
		if (diff[0])
			return 0;
	}
	if (sqlite3_column_type(st, 8) == SQLITE_BLOB)
		old = geo_from_wkb(g, sqlite3_column_blob(st, 8),
				   (size_t)sqlite3_column_bytes(st, 8), e);
	if (old) {
		eq = GEOSEqualsExact_r(g->gh, old, ml, 0.0);
		GEOSGeom_destroy_r(g->gh, old);
	}
	if (eq == 2)
		return err_set(e, ERR_GEO, _("cannot compare lines: %s"), g->geos_msg);
	if (eq != 1)
		snprintf(diff, 32, "geometry");
	return 0;
}

int reg_boundary_put(struct reg *r, struct geo_ctx *g, const struct reg_boundary *b,
		     const GEOSGeometry *geom, enum reg_boundary_mode mode, int update,
		     enum reg_put_outcome *out, char diff[32], struct err *e)
{
	GEOSGeometry *ml = NULL;
	unsigned char *wkb = NULL;
	sqlite3_stmt *st = NULL;
	long long old_id = 0, old_start = 0, old_end = 0, start = 0, end = 0;
	double ends[4] = { 0, 0, 0, 0 };
	size_t nwkb;
	const char *lvl = reg_level_name(b->level);
	int rc = -1, i;
	const char *side[2] = { b->left_code, b->right_code };

	diff[0] = '\0';
	if (!reg_boundary_code_valid(b->code))
		return err_set(e, ERR_INPUT,
			       _("field 'code': not a line code (1-63 letters, digits, '-', '_', '.', '/'): '%s'"),
			       b->code);
	if (!b->name[0])
		return err_set(e, ERR_INPUT, _("field 'name': empty"));
	if (b->level < REG_LEVEL_PROVINCE || b->level > REG_LEVEL_TOWN)
		return err_set(e, ERR_INPUT, _("field 'level': must be province, city, county or town"));
	if (!strcmp(b->left_code, b->right_code))
		return err_set(e, ERR_INPUT, _("fields 'left_code' 'right_code': the same division on both sides"));
	for (i = 0; i < 2; i++) {
		char disp[13];

		rc = division_exists(r, side[i], e);
		if (rc < 0)
			return -1;
		if (!rc) {
			reg_code_display(side[i], disp);
			return err_set(e, ERR_INPUT, _("field '%s': division '%s' does not exist"),
				       i ? "right_code" : "left_code", disp);
		}
	}
	rc = -1;
	ml = as_multiline(g, geom, ends, e);
	if (!ml)
		return err_prefix(e, _("field 'geometry': "));
	wkb = geo_to_wkb(g, ml, &nwkb, e);
	if (!wkb)
		goto out;

	st = reg_prepare(r, sql_old, e);
	if (!st)
		goto out;
	sqlite3_bind_text(st, 1, b->code, -1, SQLITE_STATIC);
	i = sqlite3_step(st);
	if (i == SQLITE_ROW) {
		old_id = sqlite3_column_int64(st, 0);
		old_start = sqlite3_column_int64(st, 9);
		old_end = sqlite3_column_int64(st, 10);
		if (compare(g, st, b, ml, mode, diff, e) < 0)
			goto out;
		if (!diff[0]) {
			/* the line stays; its nodes learn who else meets there */
			if (node_put(r, ends[0], ends[1], &b->start, b->left_code, b->right_code,
				     &start, e) < 0 ||
			    node_put(r, ends[2], ends[3], &b->end, b->left_code, b->right_code,
				     &end, e) < 0)
				goto out;
			*out = REG_PUT_UNCHANGED;
			rc = 0;
			goto out;
		}
		if (!update) {
			*out = REG_PUT_CONFLICT;
			rc = 0;
			goto out;
		}
	} else if (i != SQLITE_DONE) {
		reg_db_error(r, e, _("cannot read boundary line"));
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;

	if (node_put(r, ends[0], ends[1], &b->start, b->left_code, b->right_code, &start, e) < 0 ||
	    node_put(r, ends[2], ends[3], &b->end, b->left_code, b->right_code, &end, e) < 0)
		goto out;
	st = reg_prepare(r, !old_id ? sql_insert
			 : mode == REG_BOUNDARY_IMPORT ? sql_update_import : sql_update_derive, e);
	if (!st)
		goto out;
	sqlite3_bind_text(st, 1, b->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, lvl, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, b->left_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, b->right_code, -1, SQLITE_STATIC);
	reg_bind_opt(st, 6, b->agreement);
	reg_bind_opt(st, 7, b->approved);
	reg_bind_opt(st, 8, b->last_inspected);
	sqlite3_bind_int(st, 9, mode == REG_BOUNDARY_DERIVE);
	sqlite3_bind_int64(st, 10, start);
	sqlite3_bind_int64(st, 11, end);
	sqlite3_bind_blob(st, 12, wkb, (int)nwkb, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		reg_db_error(r, e, _("cannot write boundary line"));
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (old_id) {
		st = reg_prepare(r, sql_orphans, e);
		if (!st)
			goto out;
		sqlite3_bind_int64(st, 1, old_start);
		sqlite3_bind_int64(st, 2, old_end);
		if (sqlite3_step(st) != SQLITE_DONE) {
			reg_db_error(r, e, _("cannot write boundary node"));
			goto out;
		}
	}
	*out = old_id ? REG_PUT_UPDATED : REG_PUT_INSERTED;
	rc = 0;
out:
	sqlite3_finalize(st);
	if (wkb)
		GEOSFree_r(g->gh, wkb);
	if (ml)
		GEOSGeom_destroy_r(g->gh, ml);
	return rc;
}

int reg_boundary_set_last_inspected(struct reg *r, const char *code, const char *date,
				    struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_inspected, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot write boundary line"));
	if (sqlite3_changes(r->db) > 0)
		return 0;
	st = reg_prepare(r, sql_exists, e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOT_FOUND, _("no boundary line with code '%s'"), code);
	return reg_db_error(r, e, _("cannot read boundary line"));
}

/* ---- sources for derivation ---- */

int reg_boundary_sources(struct reg *r, struct geo_ctx *g, enum reg_level level,
			 const char *within, struct reg_boundary_source **out, size_t *n,
			 struct err *e)
{
	static const size_t keep[] = { 12, 2, 4, 6, 9, 12 };
	struct reg_boundary_source *v = NULL;
	size_t cap = 0;
	char norm[13];
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (within && reg_code_normalize(within, norm, e) < 0)
		return -1;
	st = reg_prepare(r, sql_sources, e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, reg_level_name(level), -1, SQLITE_STATIC);
	if (within)
		sqlite3_bind_text(st, 2, norm, (int)keep[reg_code_level(norm)], SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct reg_boundary_source *s;

		if (*n == cap) {
			size_t c = cap ? cap * 2 : 16;
			struct reg_boundary_source *p = realloc(v, c * sizeof(*p));

			if (!p)
				abort();
			v = p;
			cap = c;
		}
		s = &v[*n];
		reg_col_copy(s->code, sizeof(s->code), st, 0);
		reg_col_copy(s->name, sizeof(s->name), st, 1);
		s->geom = geo_from_wkb(g, sqlite3_column_blob(st, 2),
				       (size_t)sqlite3_column_bytes(st, 2), e);
		if (!s->geom) {
			err_prefix(e, _("division '%s': "), s->code);
			sqlite3_finalize(st);
			reg_boundary_sources_free(g, v, *n);
			*n = 0;
			return -1;
		}
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		reg_boundary_sources_free(g, v, *n);
		*n = 0;
		return reg_db_error(r, e, _("cannot read division polygons"));
	}
	*out = v;
	return 0;
}

void reg_boundary_sources_free(struct geo_ctx *g, struct reg_boundary_source *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i].geom)
			GEOSGeom_destroy_r(g->gh, s[i].geom);
	free(s);
}

/* ---- deriving ---- */

void reg_boundary_derived_release(struct geo_ctx *g, struct reg_boundary_derived *d)
{
	if (!d)
		return;
	if (d->src)
		reg_boundary_sources_free(g, d->src, d->nsrc);
	geo_topo_result_release(&d->topo);
	free(d->code);
	free(d->name);
	free(d->length_m);
	free(d->outcome);
	free(d->diff);
	memset(d, 0, sizeof(*d));
}

static int same_pair(const struct geo_topo_line *a, const struct geo_topo_line *b)
{
	return (a->left == b->left && a->right == b->right) ||
	       (a->left == b->right && a->right == b->left);
}

static void node_known(const struct reg_boundary_derived *d, const struct geo_topo_node *nd,
		       struct reg_boundary_node *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < nd->npolys && i < REG_NODE_MAX_DIVISIONS; i++)
		memcpy(out->divisions[out->ndivisions++], d->src[nd->polys[i]].code, 13);
	out->outside = nd->outside;
}

int reg_boundary_derive(struct reg *r, struct geo_ctx *g, enum reg_level level,
			const char *within, double snap_m, int write, int update,
			struct reg_boundary_derived *d, struct err *e)
{
	const GEOSGeometry **polys;
	size_t i, j, k, n;
	int rc = 0, *piece;

	memset(d, 0, sizeof(*d));
	if (reg_boundary_sources(r, g, level, within, &d->src, &d->nsrc, e) < 0)
		return -1;
	if (d->nsrc < 2)
		return err_set(e, ERR_INPUT, _("fewer than two %s divisions with polygons"),
			       reg_level_name(level));
	polys = calloc(d->nsrc, sizeof(*polys));
	if (!polys)
		abort();
	for (i = 0; i < d->nsrc; i++)
		polys[i] = d->src[i].geom;
	rc = geo_topo_derive(g, polys, d->nsrc, snap_m, &d->topo, e);
	free(polys);
	if (rc < 0)
		return -1;
	n = d->topo.nlines;
	d->code = calloc(n + 1, sizeof(*d->code));
	d->name = calloc(n + 1, sizeof(*d->name));
	d->length_m = calloc(n + 1, sizeof(double));
	d->outcome = calloc(n + 1, sizeof(*d->outcome));
	d->diff = calloc(n + 1, sizeof(*d->diff));
	piece = calloc(n + 1, sizeof(int));
	if (!d->code || !d->name || !d->length_m || !d->outcome || !d->diff || !piece)
		abort();
	/* several lines between the same two divisions are numbered W->E
	 * (geo_topo sorts them so) */
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && same_pair(&d->topo.lines[i], &d->topo.lines[j]); j++)
			;
		if (j - i > 1)
			for (k = i; k < j; k++)
				piece[k] = (int)(k - i + 1);
	}
	for (i = 0; i < n && rc == 0; i++) {
		const struct geo_topo_line *l = &d->topo.lines[i];
		const struct reg_boundary_source *sa = &d->src[l->left], *sb = &d->src[l->right];
		int swap = strcmp(sa->code, sb->code) > 0;
		struct reg_boundary b;
		GEOSCoordSequence *cs;
		GEOSGeometry *ls;

		reg_boundary_pair_code(sa->code, sb->code, piece[i], d->code[i]);
		reg_boundary_pair_name(swap ? sb->name : sa->name, swap ? sa->name : sb->name,
				       piece[i], d->name[i]);
		cs = GEOSCoordSeq_copyFromBuffer_r(g->gh, l->xy, (unsigned int)l->n, 0, 0);
		ls = cs ? GEOSGeom_createLineString_r(g->gh, cs) : NULL;
		if (!ls) {
			rc = err_set(e, ERR_GEO, _("cannot build a line: %s"), g->geos_msg);
			break;
		}
		rc = geo_geod_length(g, ls, &d->length_m[i], e);
		if (rc == 0 && write) {
			memset(&b, 0, sizeof(b));
			snprintf(b.code, sizeof(b.code), "%s", d->code[i]);
			snprintf(b.name, sizeof(b.name), "%s", d->name[i]);
			b.level = level;
			memcpy(b.left_code, sa->code, 13);
			memcpy(b.right_code, sb->code, 13);
			node_known(d, &d->topo.nodes[l->start_node], &b.start);
			node_known(d, &d->topo.nodes[l->end_node], &b.end);
			rc = reg_boundary_put(r, g, &b, ls, REG_BOUNDARY_DERIVE, update,
					      &d->outcome[i], d->diff[i], e);
			if (rc < 0)
				err_prefix(e, _("line '%s': "), b.code);
			else
				d->count[d->outcome[i]]++;
		}
		GEOSGeom_destroy_r(g->gh, ls);
	}
	free(piece);
	return rc;
}
