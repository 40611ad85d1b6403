/* render_gpkg.c - the gazetteer as an OGC GeoPackage (1.3), written with SQLite.
 *
 * The file holds one feature table per kind of geometry present: points
 * (gazetteer_points), lines (gazetteer_lines), areas (gazetteer_areas),
 * each with the gpkg_rtree_index extension (bulk-loaded: rtree_load()),
 * plus an attributes table
 * (gazetteer_unlocated) for places without any geometry.  Multi-geometries
 * share a layer with their single kind: when a layer holds both, singles
 * are written as one-member multis so the column has one type.  Feature
 * ids are place ids.  Geometry blobs come from geo_gpkg_blob().
 *
 * This is an output file, not the registry: its SQL lives here rather
 * than in a reg_ file.  It is written with journaling off in one
 * transaction; the caller writes to a temporary name and renames it, so
 * a failure never leaves a half-written GeoPackage behind.
 */
#include "cli/render.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/i18n.h"
#include "geo/geo_wkb.h"

#define SRS_ID 4490

enum { L_POINTS, L_LINES, L_AREAS, L_NONE, L_COUNT };

struct layer {
	const char *table;
	const char *identifier;   /* gpkg_contents.identifier (unique) */
	enum geo_wkb_type single, multi;
	enum geo_wkb_type type;   /* the column's type, 0 when absent */
	sqlite3_stmt *insert, *bbox;   /* the row; its box for the index */
	long count;
	double minx, miny, maxx, maxy;
};

static const char sql_head[] =
	"PRAGMA application_id = 1196444487;"  /* 0x47504B47, "GPKG" */
	"PRAGMA user_version = 10300;"         /* GeoPackage 1.3.0 */
	"PRAGMA journal_mode = OFF;"
	"PRAGMA synchronous = OFF;"
	"PRAGMA cache_size = -8192;"
	"BEGIN;"
	"CREATE TABLE gpkg_spatial_ref_sys ("
	"  srs_name TEXT NOT NULL,"
	"  srs_id INTEGER PRIMARY KEY,"
	"  organization TEXT NOT NULL,"
	"  organization_coordsys_id INTEGER NOT NULL,"
	"  definition TEXT NOT NULL,"
	"  description TEXT);"
	"CREATE TABLE gpkg_contents ("
	"  table_name TEXT NOT NULL PRIMARY KEY,"
	"  data_type TEXT NOT NULL,"
	"  identifier TEXT UNIQUE,"
	"  description TEXT DEFAULT '',"
	"  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
	"  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,"
	"  srs_id INTEGER,"
	"  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));"
	"CREATE TABLE gpkg_geometry_columns ("
	"  table_name TEXT NOT NULL,"
	"  column_name TEXT NOT NULL,"
	"  geometry_type_name TEXT NOT NULL,"
	"  srs_id INTEGER NOT NULL,"
	"  z TINYINT NOT NULL,"
	"  m TINYINT NOT NULL,"
	"  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
	"  CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
	"  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
	"  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));"
	"CREATE TABLE gpkg_extensions ("
	"  table_name TEXT,"
	"  column_name TEXT,"
	"  extension_name TEXT NOT NULL,"
	"  definition TEXT NOT NULL,"
	"  scope TEXT NOT NULL,"
	"  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));"
	"INSERT INTO gpkg_spatial_ref_sys VALUES"
	" ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined',"
	"  'undefined cartesian coordinate reference system'),"
	" ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined',"
	"  'undefined geographic coordinate reference system'),"
	" ('WGS 84 geodetic', 4326, 'EPSG', 4326,"
	"  'GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
	"AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
	"AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
	"AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]',"
	"  'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid'),"
	" ('China Geodetic Coordinate System 2000', 4490, 'EPSG', 4490,"
	"  'GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\","
	"SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],"
	"AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
	"UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
	"AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4490\"]]',"
	"  'CGCS2000 (2000国家大地坐标系), longitude/latitude in decimal degrees');";

static const char sql_contents[] =
	"INSERT INTO gpkg_contents(table_name, data_type, identifier, description, srs_id)"
	" VALUES (?1, ?2, ?3, ?4, ?5)";
static const char sql_geometry_column[] =
	"INSERT INTO gpkg_geometry_columns VALUES (?1, 'geom', ?2, 4490, 0, 0)";
static const char sql_extension[] =
	"INSERT INTO gpkg_extensions VALUES (?1, 'geom', 'gpkg_rtree_index',"
	" 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')";
static const char sql_extent[] =
	"UPDATE gpkg_contents SET min_x = ?2, min_y = ?3, max_x = ?4, max_y = ?5"
	" WHERE table_name = ?1";

/* The rtree triggers of GeoPackage 1.3 Annex F.3; %1$s is the table.  They
 * are created after loading: the writer fills the index itself. */
static const char fmt_rtree[] =
	"CREATE VIRTUAL TABLE \"rtree_%1$s_geom\" USING rtree(id, minx, maxx, miny, maxy);"
	"CREATE TEMP TABLE \"bbox_%1$s\" (k INTEGER, id INTEGER, minx REAL, maxx REAL,"
	" miny REAL, maxy REAL);";
static const char fmt_triggers[] =
	"CREATE TRIGGER \"rtree_%1$s_geom_insert\" AFTER INSERT ON \"%1$s\""
	" WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN"
	" INSERT OR REPLACE INTO \"rtree_%1$s_geom\" VALUES (NEW.fid,"
	" ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;"
	"CREATE TRIGGER \"rtree_%1$s_geom_update1\" AFTER UPDATE OF geom ON \"%1$s\""
	" WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN"
	" INSERT OR REPLACE INTO \"rtree_%1$s_geom\" VALUES (NEW.fid,"
	" ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;"
	"CREATE TRIGGER \"rtree_%1$s_geom_update2\" AFTER UPDATE OF geom ON \"%1$s\""
	" WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN"
	" DELETE FROM \"rtree_%1$s_geom\" WHERE id = OLD.fid; END;"
	"CREATE TRIGGER \"rtree_%1$s_geom_update3\" AFTER UPDATE ON \"%1$s\""
	" WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN"
	" DELETE FROM \"rtree_%1$s_geom\" WHERE id = OLD.fid;"
	" INSERT OR REPLACE INTO \"rtree_%1$s_geom\" VALUES (NEW.fid,"
	" ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;"
	"CREATE TRIGGER \"rtree_%1$s_geom_update4\" AFTER UPDATE ON \"%1$s\""
	" WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN"
	" DELETE FROM \"rtree_%1$s_geom\" WHERE id IN (OLD.fid, NEW.fid); END;"
	"CREATE TRIGGER \"rtree_%1$s_geom_delete\" AFTER DELETE ON \"%1$s\""
	" WHEN old.geom NOT NULL BEGIN"
	" DELETE FROM \"rtree_%1$s_geom\" WHERE id = OLD.fid; END;";

static const char fmt_rtree_sorted[] =
	"SELECT id, minx, maxx, miny, maxy FROM temp.\"bbox_%1$s\" ORDER BY k";
static const char fmt_rtree_node_size[] =
	"SELECT length(data) FROM \"rtree_%1$s_geom_node\" WHERE nodeno = 1";
static const char fmt_rtree_clear[] = "DELETE FROM \"rtree_%1$s_geom_node\"";
static const char fmt_rtree_node[] = "INSERT INTO \"rtree_%1$s_geom_node\" VALUES (?, ?)";
static const char fmt_rtree_rowid[] = "INSERT INTO \"rtree_%1$s_geom_rowid\" VALUES (?, ?)";
static const char fmt_rtree_parent[] = "INSERT INTO \"rtree_%1$s_geom_parent\" VALUES (?, ?)";
static const char fmt_rtree_drop[] = "DROP TABLE temp.\"bbox_%1$s\"";

static const char *const type_sql[] = {
	"GEOMETRY", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
	"MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"
};

static int db_fail(sqlite3 *db, struct err *e, const char *path)
{
	return err_set(e, ERR_IO, _("cannot write GeoPackage '%s': %s"), path,
		       db ? sqlite3_errmsg(db) : _("out of memory"));
}

static int exec(sqlite3 *db, const char *sql, const char *path, struct err *e)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(e, ERR_IO, _("cannot write GeoPackage '%s': %s"), path,
			msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int is_date_column(int i)
{
	return i == REG_GAZ_APPROVED || i == REG_GAZ_ANNOUNCED || i == REG_GAZ_CANCELLED;
}

/* CREATE TABLE, gpkg_contents, gpkg_geometry_columns, the rtree and the
 * prepared inserts of one layer. */
static int layer_create(sqlite3 *db, struct layer *l, const char *path, struct err *e)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int i, geo = l->single != GEO_WKB_UNKNOWN, ret = -1;

	buf_addf(&sql, "CREATE TABLE \"%s\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL",
		 l->table);
	if (geo)
		buf_addf(&sql, ", geom %s", type_sql[l->type]);
	for (i = 0; i < REG_GAZ_NCOLS; i++)
		buf_addf(&sql, ", \"%s\" %s", reg_gazetteer_columns[i],
			 reg_gazetteer_column_is_real(i) ? "REAL" : is_date_column(i) ? "DATE" : "TEXT");
	buf_adds(&sql, ");");
	if (geo)
		buf_addf(&sql, fmt_rtree, l->table);
	if (exec(db, sql.data, path, e) < 0)
		goto out;

	if (sqlite3_prepare_v2(db, sql_contents, -1, &st, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, l->table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, geo ? "features" : "attributes", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, l->identifier, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, _("标准地名录, diming; 坐标系 CGCS2000 (EPSG:4490)"), -1,
			  SQLITE_TRANSIENT);
	if (geo)
		sqlite3_bind_int(st, 5, SRS_ID);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(st);
	st = NULL;
	if (geo) {
		if (sqlite3_prepare_v2(db, sql_geometry_column, -1, &st, NULL) != SQLITE_OK)
			goto fail;
		sqlite3_bind_text(st, 1, l->table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, type_sql[l->type], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			goto fail;
		sqlite3_finalize(st);
		if (sqlite3_prepare_v2(db, sql_extension, -1, &st, NULL) != SQLITE_OK)
			goto fail;
		sqlite3_bind_text(st, 1, l->table, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			goto fail;
		sqlite3_finalize(st);
		st = NULL;
		buf_clear(&sql);
		buf_addf(&sql, "INSERT INTO temp.\"bbox_%s\" VALUES (?, ?, ?, ?, ?, ?)", l->table);
		if (sqlite3_prepare_v2(db, sql.data, -1, &l->bbox, NULL) != SQLITE_OK)
			goto fail;
	}
	buf_clear(&sql);
	buf_addf(&sql, "INSERT INTO \"%s\" VALUES (?%s", l->table, geo ? ", ?" : "");
	for (i = 0; i < REG_GAZ_NCOLS; i++)
		buf_adds(&sql, ", ?");
	buf_adds(&sql, ")");
	if (sqlite3_prepare_v2(db, sql.data, -1, &l->insert, NULL) != SQLITE_OK)
		goto fail;
	l->minx = l->miny = l->maxx = l->maxy = NAN;
	ret = 0;
	goto out;
fail:
	db_fail(db, e, path);
out:
	sqlite3_finalize(st);
	buf_release(&sql);
	return ret;
}

/* ---- the spatial index, bulk-loaded ----
 *
 * Inserting 600,000 boxes one by one into SQLite's R*Tree rewrites a node
 * per insert and costs more than the rest of the export.  Instead the
 * boxes go to a temporary table with the Hilbert index of their centre,
 * and the tree is built bottom-up from them in that order (a Hilbert
 * packed R-tree, Kamel & Faloutsos 1994), written straight into the
 * rtree module's tables: %_node (nodeno, data), %_rowid (rowid, nodeno),
 * %_parent (nodeno, parentnode).  A node is nCell cells of an 8-byte id
 * and four 4-byte floats, big-endian, after 2 bytes of tree depth (root
 * only) and 2 bytes of cell count; the root is node 1.  Coordinates are
 * rounded outwards to float as the rtree module rounds them.  Only the
 * boxes of one tree level above the leaves are held in memory (1/50 of
 * the features); the sort is SQLite's, which spills to disk. */

struct rcell {
	long long id;
	float c[4];   /* minx, maxx, miny, maxy */
};

struct rtree_load {
	sqlite3 *db;
	sqlite3_stmt *node, *rowid, *parent;
	int max_cells;
	size_t node_size;
	long long next_node;
	unsigned char *blob;
};

/* The Hilbert index of a lon/lat on a 2^16 x 2^16 grid. */
static long long hilbert(double x, double y)
{
	unsigned n = 1u << 16, qx, qy, rx, ry, s;
	unsigned long long d = 0;

	qx = (unsigned)fmin(n - 1.0, fmax(0.0, (x + 180.0) / 360.0 * n));
	qy = (unsigned)fmin(n - 1.0, fmax(0.0, (y + 90.0) / 180.0 * n));
	for (s = n / 2; s > 0; s /= 2) {
		rx = (qx & s) > 0;
		ry = (qy & s) > 0;
		d += (unsigned long long)s * s * ((3 * rx) ^ ry);
		if (ry == 0) {
			if (rx == 1) {
				qx = s - 1 - qx;
				qy = s - 1 - qy;
			}
			rx = qx;
			qx = qy;
			qy = rx;
		}
	}
	return (long long)d;
}

/* The float the rtree module stores for a lower (down) or upper bound. */
static float round_down(double d)
{
	float f = (float)d;

	if (f > d)
		f = (float)(d * (d < 0 ? 1.0 + 1.0 / 8388608.0 : 1.0 - 1.0 / 8388608.0));
	return f;
}

static float round_up(double d)
{
	float f = (float)d;

	if (f < d)
		f = (float)(d * (d < 0 ? 1.0 - 1.0 / 8388608.0 : 1.0 + 1.0 / 8388608.0));
	return f;
}

static void put_be(unsigned char *p, unsigned long long v, int n)
{
	int i;

	for (i = n - 1; i >= 0; i--, v >>= 8)
		p[i] = (unsigned char)v;
}

/* Write one node of cells; its children (level > 0) get it as parent.
 * Returns the node number, or -1. */
static long long write_node(struct rtree_load *t, const struct rcell *cells, int n, int level,
			    int root, int depth)
{
	long long no = root ? 1 : t->next_node++;
	unsigned char *p;
	int i, k;

	memset(t->blob, 0, t->node_size);
	put_be(t->blob, root ? (unsigned)depth : 0u, 2);
	put_be(t->blob + 2, (unsigned)n, 2);
	for (i = 0, p = t->blob + 4; i < n; i++, p += 24) {
		put_be(p, (unsigned long long)cells[i].id, 8);
		for (k = 0; k < 4; k++) {
			uint32_t u;

			memcpy(&u, &cells[i].c[k], 4);
			put_be(p + 8 + 4 * k, u, 4);
		}
	}
	sqlite3_bind_int64(t->node, 1, no);
	sqlite3_bind_blob(t->node, 2, t->blob, (int)t->node_size, SQLITE_STATIC);
	if (sqlite3_step(t->node) != SQLITE_DONE)
		return -1;
	sqlite3_reset(t->node);
	for (i = 0; i < n; i++) {
		sqlite3_stmt *st = level ? t->parent : t->rowid;

		sqlite3_bind_int64(st, 1, cells[i].id);
		sqlite3_bind_int64(st, 2, no);
		if (sqlite3_step(st) != SQLITE_DONE)
			return -1;
		sqlite3_reset(st);
	}
	return no;
}

static void cover(struct rcell *box, const struct rcell *cells, int n, long long id)
{
	int i;

	box->id = id;
	box->c[0] = box->c[2] = INFINITY;
	box->c[1] = box->c[3] = -INFINITY;
	for (i = 0; i < n; i++) {
		box->c[0] = fminf(box->c[0], cells[i].c[0]);
		box->c[1] = fmaxf(box->c[1], cells[i].c[1]);
		box->c[2] = fminf(box->c[2], cells[i].c[2]);
		box->c[3] = fmaxf(box->c[3], cells[i].c[3]);
	}
}

/* Append a cell to a growable array. */
static void push(struct rcell **v, size_t *n, size_t *cap, const struct rcell *c)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		struct rcell *p = realloc(*v, nc * sizeof(*p));

		if (!p)
			abort();
		*v = p;
		*cap = nc;
	}
	(*v)[(*n)++] = *c;
}

static int rtree_load(sqlite3 *db, const char *table, const char *path, struct err *e)
{
	struct rtree_load t = { db, NULL, NULL, NULL, 0, 0, 2, NULL };
	struct rcell *cells = NULL, *up = NULL, *next = NULL, box;
	size_t nup = 0, capup = 0, nnext = 0, capnext = 0, i;
	sqlite3_stmt *st = NULL;
	struct buf sql = BUF_INIT;
	int n = 0, level = 0, ret = -1, rc;
	long long no;

#define PREP(stmt, fmt)                                                         \
	do {                                                                    \
		buf_clear(&sql);                                                \
		buf_addf(&sql, fmt, table);                                     \
		if (sqlite3_prepare_v2(db, sql.data, -1, &(stmt), NULL) != SQLITE_OK) \
			goto fail;                                              \
	} while (0)

	PREP(st, fmt_rtree_node_size);
	if (sqlite3_step(st) != SQLITE_ROW)
		goto fail;
	t.node_size = (size_t)sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	t.max_cells = (int)((t.node_size - 4) / 24);
	if (t.max_cells < 4)
		goto fail;
	t.blob = malloc(t.node_size);
	cells = malloc((size_t)t.max_cells * sizeof(*cells));
	if (!t.blob || !cells)
		abort();
	PREP(st, fmt_rtree_clear);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(st);
	st = NULL;
	PREP(t.node, fmt_rtree_node);
	PREP(t.rowid, fmt_rtree_rowid);
	PREP(t.parent, fmt_rtree_parent);

	/* Leaves, in Hilbert order.  A full node is written when the next
	 * cell arrives, so the last one knows whether it is the only one. */
	PREP(st, fmt_rtree_sorted);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == t.max_cells) {
			if ((no = write_node(&t, cells, n, 0, 0, 0)) < 0)
				goto fail;
			cover(&box, cells, n, no);
			push(&up, &nup, &capup, &box);
			n = 0;
		}
		cells[n].id = sqlite3_column_int64(st, 0);
		cells[n].c[0] = round_down(sqlite3_column_double(st, 1));
		cells[n].c[1] = round_up(sqlite3_column_double(st, 2));
		cells[n].c[2] = round_down(sqlite3_column_double(st, 3));
		cells[n].c[3] = round_up(sqlite3_column_double(st, 4));
		n++;
	}
	if (rc != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(st);
	st = NULL;
	if ((no = write_node(&t, cells, n, 0, nup == 0, 0)) < 0)
		goto fail;
	if (nup) {
		cover(&box, cells, n, no);
		push(&up, &nup, &capup, &box);
	}
	/* Upper levels from the boxes of the one below, until one node. */
	while (nup > 1) {
		int root = nup <= (size_t)t.max_cells;

		level++;
		nnext = 0;
		for (i = 0; i < nup; i += (size_t)t.max_cells) {
			int k = (int)(nup - i < (size_t)t.max_cells ? nup - i : (size_t)t.max_cells);

			if ((no = write_node(&t, up + i, k, level, root, level)) < 0)
				goto fail;
			cover(&box, up + i, k, no);
			push(&next, &nnext, &capnext, &box);
		}
		{
			struct rcell *tmp = up;
			size_t tcap = capup;

			up = next;
			nup = nnext;
			capup = capnext;
			next = tmp;
			capnext = tcap;
		}
	}
	PREP(st, fmt_rtree_drop);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail;
	ret = 0;
	goto out;
fail:
	db_fail(db, e, path);
out:
#undef PREP
	sqlite3_finalize(st);
	sqlite3_finalize(t.node);
	sqlite3_finalize(t.rowid);
	sqlite3_finalize(t.parent);
	free(t.blob);
	free(cells);
	free(up);
	free(next);
	buf_release(&sql);
	return ret;
}

/* Wrap a single geometry's WKB as a one-member multi of the same kind. */
static void promote(struct buf *b, const unsigned char *wkb, size_t n, enum geo_wkb_type multi)
{
	unsigned char head[9] = { 1, (unsigned char)multi, 0, 0, 0, 1, 0, 0, 0 };

	buf_add(b, head, sizeof(head));
	buf_add(b, wkb, n);
}

static int layer_row(struct layer *l, const struct reg_gazetteer_row *row,
		     const struct buf *blob, const struct geo_wkb_info *info)
{
	sqlite3_stmt *st = l->insert;
	int i, col = 1;

	sqlite3_bind_int64(st, col++, row->place_id);
	if (l->single != GEO_WKB_UNKNOWN) {
		sqlite3_bind_blob(st, col++, blob->data, (int)blob->len, SQLITE_STATIC);
		if (!info->empty) {
			sqlite3_bind_int64(l->bbox, 1, hilbert((info->minx + info->maxx) / 2,
								(info->miny + info->maxy) / 2));
			sqlite3_bind_int64(l->bbox, 2, row->place_id);
			sqlite3_bind_double(l->bbox, 3, info->minx);
			sqlite3_bind_double(l->bbox, 4, info->maxx);
			sqlite3_bind_double(l->bbox, 5, info->miny);
			sqlite3_bind_double(l->bbox, 6, info->maxy);
			if (sqlite3_step(l->bbox) != SQLITE_DONE)
				return -1;
			sqlite3_reset(l->bbox);
			if (!(info->minx >= l->minx))
				l->minx = info->minx;
			if (!(info->miny >= l->miny))
				l->miny = info->miny;
			if (!(info->maxx <= l->maxx))
				l->maxx = info->maxx;
			if (!(info->maxy <= l->maxy))
				l->maxy = info->maxy;
		}
	}
	for (i = 0; i < REG_GAZ_NCOLS; i++, col++) {
		if (i == REG_GAZ_LON || i == REG_GAZ_LAT) {
			double v = i == REG_GAZ_LON ? row->lon : row->lat;

			if (isnan(v))
				sqlite3_bind_null(st, col);
			else
				sqlite3_bind_double(st, col, v);
		} else if (row->text[i][0]) {
			sqlite3_bind_text(st, col, row->text[i], -1, SQLITE_STATIC);
		} else {
			sqlite3_bind_null(st, col);
		}
	}
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	sqlite3_reset(st);
	l->count++;
	return 0;
}

static int layer_finish(sqlite3 *db, struct layer *l, const char *path, struct err *e)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int ret = 0;

	if (l->single != GEO_WKB_UNKNOWN) {
		if (sqlite3_prepare_v2(db, sql_extent, -1, &st, NULL) != SQLITE_OK)
			return db_fail(db, e, path);
		sqlite3_bind_text(st, 1, l->table, -1, SQLITE_STATIC);
		if (!isnan(l->minx)) {
			sqlite3_bind_double(st, 2, l->minx);
			sqlite3_bind_double(st, 3, l->miny);
			sqlite3_bind_double(st, 4, l->maxx);
			sqlite3_bind_double(st, 5, l->maxy);
		}
		if (sqlite3_step(st) != SQLITE_DONE)
			ret = db_fail(db, e, path);
		sqlite3_finalize(st);
		if (ret == 0)
			ret = rtree_load(db, l->table, path, e);
		if (ret == 0) {
			buf_addf(&sql, fmt_triggers, l->table);
			ret = exec(db, sql.data, path, e);
		}
	}
	buf_release(&sql);
	return ret;
}

int render_gpkg(struct render_ctx *rc, struct err *e)
{
	struct layer layers[L_COUNT] = {
		{ "gazetteer_points", N_("标准地名录（点）"), GEO_WKB_POINT, GEO_WKB_MULTIPOINT,
		  0, NULL, NULL, 0, 0, 0, 0, 0 },
		{ "gazetteer_lines", N_("标准地名录（线）"), GEO_WKB_LINESTRING,
		  GEO_WKB_MULTILINESTRING, 0, NULL, NULL, 0, 0, 0, 0, 0 },
		{ "gazetteer_areas", N_("标准地名录（面）"), GEO_WKB_POLYGON, GEO_WKB_MULTIPOLYGON,
		  0, NULL, NULL, 0, 0, 0, 0, 0 },
		{ "gazetteer_unlocated", N_("标准地名录（无空间位置）"), GEO_WKB_UNKNOWN,
		  GEO_WKB_UNKNOWN, 0, NULL, NULL, 0, 0, 0, 0, 0 },
	};
	long counts[8];
	struct reg_gazetteer *g = NULL;
	struct reg_gazetteer_row row;
	struct geo_wkb_info info;
	struct buf wkb = BUF_INIT, blob = BUF_INIT;
	sqlite3 *db = NULL;
	int i, got, ret = -1;

	if (reg_gazetteer_count_types(rc->reg, rc->filter, counts, e) < 0)
		return -1;
	for (i = 0; i < L_NONE; i++) {
		struct layer *l = &layers[i];

		if (counts[l->multi])
			l->type = l->multi;
		else if (counts[l->single])
			l->type = l->single;
	}
	if (counts[GEO_WKB_UNKNOWN])
		layers[L_NONE].type = GEO_WKB_COLLECTION; /* marks it present */

	if (sqlite3_open_v2(rc->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
	    != SQLITE_OK) {
		db_fail(db, e, rc->path);
		goto out;
	}
	if (exec(db, sql_head, rc->path, e) < 0)
		goto out;
	for (i = 0; i < L_COUNT; i++) {
		layers[i].identifier = _(layers[i].identifier);
		if (layers[i].type && layer_create(db, &layers[i], rc->path, e) < 0)
			goto out;
	}
	if (!(g = reg_gazetteer_open(rc->reg, rc->filter, e)))
		goto out;
	while ((got = reg_gazetteer_next(g, &row, e)) == 1) {
		struct layer *l = &layers[L_NONE];

		buf_clear(&blob);
		if (row.wkb) {
			if (geo_wkb_info(row.wkb, row.wkb_len, &info, e) < 0) {
				err_prefix(e, _("place %lld: "), row.place_id);
				goto out;
			}
			for (i = 0; i < L_NONE; i++)
				if (info.type == layers[i].single || info.type == layers[i].multi)
					l = &layers[i];
			if (l == &layers[L_NONE]) {
				/* A collection has no layer; count it and move on. */
				if (!rc->skipped++)
					snprintf(rc->warning, sizeof(rc->warning),
						 _("place %lld '%s' is a %s"), row.place_id,
						 row.text[REG_GAZ_NAME], geo_wkb_type_name(info.type));
				continue;
			}
			if (info.type != l->type) {
				buf_clear(&wkb);
				promote(&wkb, row.wkb, row.wkb_len, l->type);
				if (geo_gpkg_blob((unsigned char *)wkb.data, wkb.len, SRS_ID, &blob,
						  &info, e) < 0)
					goto out;
			} else if (geo_gpkg_blob(row.wkb, row.wkb_len, SRS_ID, &blob, &info, e) < 0) {
				goto out;
			}
		}
		if (layer_row(l, &row, &blob, &info) < 0) {
			db_fail(db, e, rc->path);
			goto out;
		}
		rc->written++;
		render_tick(rc);
	}
	if (got < 0)
		goto out;
	for (i = 0; i < L_COUNT; i++)
		if (layers[i].type && layer_finish(db, &layers[i], rc->path, e) < 0)
			goto out;
	for (i = 0; i < L_COUNT; i++) {
		sqlite3_finalize(layers[i].insert);
		sqlite3_finalize(layers[i].bbox);
		layers[i].insert = layers[i].bbox = NULL;
	}
	if (exec(db, "COMMIT", rc->path, e) < 0)
		goto out;
	ret = 0;
out:
	reg_gazetteer_free(g);
	for (i = 0; i < L_COUNT; i++) {
		sqlite3_finalize(layers[i].insert);
		sqlite3_finalize(layers[i].bbox);
	}
	if (db && sqlite3_close(db) != SQLITE_OK && ret == 0)
		ret = err_set(e, ERR_IO, _("cannot close GeoPackage '%s'"), rc->path);
	buf_release(&wkb);
	buf_release(&blob);
	return ret;
}
