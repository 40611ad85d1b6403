/* reg_gazetteer.c - the standard gazetteer (标准地名录) as a stream of rows.
 *
 * Reads the place register (reg_place.h's tables) through one prepared
 * statement: each row is one place with its class, division, the other
 * names it had, and the approval of its current name (the last 命名 or 更名
 * case, through the place's events).  Every column is computed for a date
 * D, today unless --as-of: the name in effect on D (a 曾用名 whose validity
 * covers D, else the current name), the 曾用名 that ended by D, the
 * status on D.  The WHERE clause is assembled from fixed fragments so
 * that SQLite can use the division index when a division is asked for.
 */
#include "registry/reg_gazetteer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "geo/geo_wkb.h"
#include "registry/reg_division.h"
#include "registry/reg_pinyin.h"
#include "registry/reg_place.h"

const char *const reg_gazetteer_columns[REG_GAZ_NCOLS] = {
	"标准名称", "罗马字母拼写", "专名", "通名", "地名类别", "类别代码", "所在政区",
	"政区代码", "经度", "纬度", "地名含义", "地名来历", "历史沿革", "曾用名",
	"批准机关", "批准文号", "批准时间", "公告时间", "状态", "销名时间"
};

/* Parameters: ?1 the date D, ?2/?3 the division's code range, ?4 the class
 * code prefix, ?5 include historical, ?6 the section prefix length. */
static const char sql_select[] =
	"SELECT p.id, coalesce(o.name, p.name), p.name, p.romanization, p.zhuanming,"
	"  p.tongming, pc.name, p.class_code, d.name, p.division_code,"
	"  p.meaning, p.origin, p.history,"
	"  (SELECT group_concat(f.name, ';') FROM (SELECT n.name FROM place_name n"
	"    WHERE n.place_id = p.id AND n.kind = '曾用名'"
	"      AND (n.valid_to IS NULL OR n.valid_to <= ?1)"
	"    ORDER BY n.valid_to IS NOT NULL, n.valid_to, n.id) f),"
	"  c.authority, c.doc_number, c.approved_on,"
	"  CASE WHEN c.announced_on <= ?1 THEN c.announced_on END,"
	"  p.status = 'historical' AND (p.valid_to IS NULL OR p.valid_to <= ?1),"
	"  p.valid_to, AsBinary(p.geom),"
	"  CASE WHEN p.geom IS NOT NULL AND GeometryType(p.geom) <> 'POINT'"
	"    THEN AsBinary(PointOnSurface(p.geom)) END"
	" FROM place p"
	" JOIN place_class pc ON pc.code = p.class_code"
	" LEFT JOIN division d ON d.code = p.division_code"
	/* The 曾用名 in effect on D: the earliest-ending one still valid then. */
	" LEFT JOIN place_name o ON o.id = (SELECT n.id FROM place_name n"
	"   WHERE n.place_id = p.id AND n.kind = '曾用名' AND n.valid_to > ?1"
	"     AND (n.valid_from IS NULL OR n.valid_from <= ?1)"
	"   ORDER BY n.valid_to, n.id LIMIT 1)"
	/* The case behind the name in effect on D. */
	" LEFT JOIN name_case c ON c.id = (SELECT e.case_id FROM place_event e"
	"   WHERE e.place_id = p.id AND e.kind IN ('named', 'renamed')"
	"     AND e.case_id IS NOT NULL AND e.on_date <= ?1"
	"   ORDER BY e.on_date DESC, e.id DESC LIMIT 1)";
static const char sql_join_keys[] =
	" LEFT JOIN name_index ni ON ni.src = 'p' AND ni.ref = p.id";
/* A place is in the gazetteer of D when its current name was given by D,
 * or an earlier name (曾用名) was in effect on D: a rename moves the place's
 * valid_from to the rename date. */
static const char sql_where[] =
	" WHERE (p.valid_from IS NULL OR p.valid_from <= ?1 OR EXISTS (SELECT 1 FROM place_name n"
	"   WHERE n.place_id = p.id AND n.kind = '曾用名' AND n.valid_to > ?1"
	"     AND (n.valid_from IS NULL OR n.valid_from <= ?1)))"
	"  AND (?5 OR NOT (p.status = 'historical' AND (p.valid_to IS NULL OR p.valid_to <= ?1)))";
static const char sql_where_division[] = " AND p.division_code BETWEEN ?2 AND ?3";
static const char sql_where_class[] = " AND substr(p.class_code, 1, length(?4)) = ?4";
static const char sql_order_id[] = " ORDER BY p.id";
static const char sql_order_section[] =
	" ORDER BY substr(p.division_code, 1, ?6), p.class_code, ni.pkey, p.name, p.id";
static const char sql_order_roman[] = " ORDER BY ni.pkey, p.name, p.id";

static const char sql_division_name[] = "SELECT name FROM division WHERE code = ?";
static const char sql_count[] = "SELECT count(*) FROM place p";
static const char sql_count_types[] =
	"SELECT CASE WHEN p.geom IS NOT NULL THEN GeometryType(p.geom) END, count(*)"
	" FROM place p";
static const char sql_group_types[] = " GROUP BY 1";
static const char sql_sections[] =
	"SELECT substr(p.division_code, 1, ?6) AS s, p.class_code, pc.name, count(*),"
	"  (SELECT d.name FROM division d"
	"    WHERE d.code = substr(substr(p.division_code, 1, ?6) || '000000000000', 1, 12))"
	" FROM place p JOIN place_class pc ON pc.code = p.class_code";
static const char sql_group_sections[] = " GROUP BY s, p.class_code ORDER BY s, p.class_code";

static const char sql_stream_mode[] = "PRAGMA cache_size = -8192; PRAGMA temp_store = FILE;";

enum {
	C_ID, C_NAME, C_CURRENT_NAME, C_ROMAN, C_ZHUAN, C_TONG, C_CLASS, C_CLASS_CODE,
	C_DIVISION, C_DIVISION_CODE, C_MEANING, C_ORIGIN, C_HISTORY, C_FORMER,
	C_AUTHORITY, C_DOC_NUMBER, C_APPROVED, C_ANNOUNCED, C_HISTORICAL, C_VALID_TO,
	C_WKB, C_LABEL_WKB
};

/* The filter, resolved and checked. */
struct resolved {
	char as_of[11];
	char root[13], lo[13], hi[13];
	char root_name[REG_MAX_NAME];
	char class_prefix[6];
	int section_len;
	int include_historical;
};

struct reg_gazetteer {
	struct reg *r;
	sqlite3_stmt *st;
	struct resolved f;
	char division_disp[13];
	char lon[32], lat[32];
	struct reg_roman rom;     /* for a name other than the current one */
	sqlite3_stmt *division_name;
	char name[REG_MAX_NAME];
};

static const size_t level_digits[] = { 0, 2, 4, 6, 9, 12 };

static int resolve(struct reg *r, const struct reg_gazetteer_filter *in, struct resolved *f,
		   struct err *e)
{
	long days;

	memset(f, 0, sizeof(*f));
	f->include_historical = in->include_historical;
	if (in->as_of) {
		if (clock_parse_date(in->as_of, &days, e) < 0)
			return -1;
		clock_format_date(days, f->as_of);
	} else if (clock_today(f->as_of, e) < 0) {
		return -1;
	}
	snprintf(f->root_name, sizeof(f->root_name), "%s", _("全国"));
	f->section_len = 2;
	if (in->division) {
		struct reg_division d;
		enum reg_level l;
		size_t keep;
		int got;

		if (reg_code_normalize(in->division, f->root, e) < 0)
			return -1;
		got = reg_division_get(r, f->root, &d, e);
		if (got < 0)
			return -1;
		if (got == 0)
			return err_set(e, ERR_NOT_FOUND, _("no division with code '%s'"), in->division);
		snprintf(f->root_name, sizeof(f->root_name), "%s", d.name);
		l = reg_code_level(f->root);
		keep = level_digits[l];
		memcpy(f->lo, f->root, 13);
		memcpy(f->hi, f->root, 13);
		memset(f->hi + keep, '9', 12 - keep);
		f->section_len = (int)level_digits[l < REG_LEVEL_VILLAGE ? l + 1 : l];
	}
	if (in->class_name) {
		struct reg_class c;

		if (reg_class_resolve(r, in->class_name, &c, e) < 0)
			return -1;
		reg_class_prefix(c.code, f->class_prefix);
	}
	return 0;
}

/* Assemble and prepare: head + WHERE fragments + tail. */
static sqlite3_stmt *prepare(struct reg *r, const struct resolved *f, const char *head,
			     const char *join, const char *tail, struct err *e)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;

	buf_adds(&sql, head);
	if (join)
		buf_adds(&sql, join);
	buf_adds(&sql, sql_where);
	if (f->root[0])
		buf_adds(&sql, sql_where_division);
	if (f->class_prefix[0])
		buf_adds(&sql, sql_where_class);
	if (tail)
		buf_adds(&sql, tail);
	st = reg_prepare(r, sql.data, e);
	buf_release(&sql);
	if (!st)
		return NULL;
	/* Parameters a statement does not use fail to bind harmlessly. */
	sqlite3_bind_text(st, 1, f->as_of, -1, SQLITE_TRANSIENT);
	if (f->root[0]) {
		sqlite3_bind_text(st, 2, f->lo, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, f->hi, -1, SQLITE_TRANSIENT);
	}
	if (f->class_prefix[0])
		sqlite3_bind_text(st, 4, f->class_prefix, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 5, f->include_historical);
	sqlite3_bind_int(st, 6, f->section_len);
	return st;
}

int reg_gazetteer_stream_mode(struct reg *r, struct err *e)
{
	return reg_exec(r, sql_stream_mode, e);
}

struct reg_gazetteer *reg_gazetteer_open(struct reg *r, const struct reg_gazetteer_filter *f,
					 struct err *e)
{
	struct reg_gazetteer *g = calloc(1, sizeof(*g));
	const char *order, *join = NULL;

	if (!g) {
		err_set(e, ERR_NOMEM, _("out of memory"));
		return NULL;
	}
	g->r = r;
	reg_roman_init(&g->rom);
	if (resolve(r, f, &g->f, e) < 0) {
		reg_gazetteer_free(g);
		return NULL;
	}
	switch (f->order) {
	case REG_GAZ_ORDER_SECTION:
		order = sql_order_section;
		join = sql_join_keys;
		break;
	case REG_GAZ_ORDER_ROMAN:
		order = sql_order_roman;
		join = sql_join_keys;
		break;
	default:
		order = sql_order_id;
		break;
	}
	if (!(g->st = prepare(r, &g->f, sql_select, join, order, e))) {
		reg_gazetteer_free(g);
		return NULL;
	}
	return g;
}

void reg_gazetteer_free(struct reg_gazetteer *g)
{
	if (!g)
		return;
	sqlite3_finalize(g->st);
	sqlite3_finalize(g->division_name);
	reg_roman_release(&g->rom);
	free(g);
}

const char *reg_gazetteer_root_code(const struct reg_gazetteer *g)
{
	return g->f.root;
}

const char *reg_gazetteer_root_name(const struct reg_gazetteer *g)
{
	return g->f.root_name;
}

const char *reg_gazetteer_as_of(const struct reg_gazetteer *g)
{
	return g->f.as_of;
}

const char *reg_gazetteer_division_name(struct reg_gazetteer *g, const char code[13],
					struct err *e)
{
	int rc;

	if (!g->division_name && !(g->division_name = reg_prepare(g->r, sql_division_name, e)))
		return NULL;
	sqlite3_bind_text(g->division_name, 1, code, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(g->division_name);
	g->name[0] = '\0';
	if (rc == SQLITE_ROW)
		snprintf(g->name, sizeof(g->name), "%s",
			 (const char *)sqlite3_column_text(g->division_name, 0));
	sqlite3_reset(g->division_name);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		reg_db_error(g->r, e, _("cannot read divisions"));
		return NULL;
	}
	return g->name;
}

int reg_gazetteer_column_is_real(enum reg_gaz_col c)
{
	return c == REG_GAZ_LON || c == REG_GAZ_LAT;
}

/* The class as reg_place_derive hints the romanizer: by name when the
 * romanizer knows it, else by code. */
static const char *class_hint(sqlite3_stmt *st)
{
	const char *name = reg_col_text(st, C_CLASS);

	return reg_pinyin_class_family(name) ? name : reg_col_text(st, C_CLASS_CODE);
}

/* The X/Y of a point's WKB. */
static void point_of(const void *wkb, int n, double *x, double *y)
{
	struct geo_wkb_info info;

	if (wkb && geo_wkb_info(wkb, (size_t)n, &info, NULL) == 0 && info.type == GEO_WKB_POINT &&
	    !info.empty) {
		*x = info.minx;
		*y = info.miny;
	}
}

int reg_gazetteer_next(struct reg_gazetteer *g, struct reg_gazetteer_row *row, struct err *e)
{
	sqlite3_stmt *st = g->st;
	const char *name, *current, *code;
	const char **t = row->text;
	char norm[13];
	int rc = sqlite3_step(st), i;

	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return reg_db_error(g->r, e, _("cannot read the gazetteer"));
	for (i = 0; i < REG_GAZ_NCOLS; i++)
		t[i] = "";
	row->place_id = sqlite3_column_int64(st, C_ID);
	name = reg_col_text(st, C_NAME);
	current = reg_col_text(st, C_CURRENT_NAME);
	t[REG_GAZ_NAME] = name;
	if (strcmp(name, current) == 0) {
		t[REG_GAZ_ROMAN] = reg_col_text(st, C_ROMAN);
		t[REG_GAZ_ZHUANMING] = reg_col_text(st, C_ZHUAN);
		t[REG_GAZ_TONGMING] = reg_col_text(st, C_TONG);
	} else if (reg_pinyin_romanize(name, class_hint(st), 0, &g->rom, NULL) == 0) {
		/* The name it had on D: spelled and split as the register
		 * spells a new name (reg_place_derive). */
		t[REG_GAZ_ROMAN] = buf_str(&g->rom.text);
		t[REG_GAZ_ZHUANMING] = buf_str(&g->rom.zhuanming);
		t[REG_GAZ_TONGMING] = buf_str(&g->rom.tongming);
	} else {
		t[REG_GAZ_ZHUANMING] = name;
	}
	t[REG_GAZ_CLASS] = reg_col_text(st, C_CLASS);
	t[REG_GAZ_CLASS_CODE] = reg_col_text(st, C_CLASS_CODE);
	t[REG_GAZ_DIVISION] = reg_col_text(st, C_DIVISION);
	code = reg_col_text(st, C_DIVISION_CODE);
	g->division_disp[0] = '\0';
	if (strlen(code) == 12)
		reg_code_display(code, g->division_disp);
	t[REG_GAZ_DIVISION_CODE] = g->division_disp;
	t[REG_GAZ_MEANING] = reg_col_text(st, C_MEANING);
	t[REG_GAZ_ORIGIN] = reg_col_text(st, C_ORIGIN);
	t[REG_GAZ_HISTORY] = reg_col_text(st, C_HISTORY);
	t[REG_GAZ_FORMER] = reg_col_text(st, C_FORMER);
	t[REG_GAZ_AUTHORITY] = reg_col_text(st, C_AUTHORITY);
	t[REG_GAZ_DOC_NUMBER] = reg_col_text(st, C_DOC_NUMBER);
	t[REG_GAZ_APPROVED] = reg_col_text(st, C_APPROVED);
	t[REG_GAZ_ANNOUNCED] = reg_col_text(st, C_ANNOUNCED);
	row->historical = sqlite3_column_int(st, C_HISTORICAL);
	t[REG_GAZ_STATUS] = row->historical ? _("历史") : _("现今");
	t[REG_GAZ_CANCELLED] = row->historical ? reg_col_text(st, C_VALID_TO) : "";

	row->wkb = sqlite3_column_blob(st, C_WKB);
	row->wkb_len = (size_t)sqlite3_column_bytes(st, C_WKB);
	if (!row->wkb_len)
		row->wkb = NULL;
	row->lon = row->lat = NAN;
	if (sqlite3_column_type(st, C_LABEL_WKB) == SQLITE_BLOB)
		point_of(sqlite3_column_blob(st, C_LABEL_WKB), sqlite3_column_bytes(st, C_LABEL_WKB),
			 &row->lon, &row->lat);
	else if (row->wkb)
		point_of(row->wkb, (int)row->wkb_len, &row->lon, &row->lat);
	g->lon[0] = g->lat[0] = '\0';
	if (!isnan(row->lon)) {
		geo_fmt_double(row->lon, g->lon);
		geo_fmt_double(row->lat, g->lat);
	}
	t[REG_GAZ_LON] = g->lon;
	t[REG_GAZ_LAT] = g->lat;

	/* The section: the division one level below the root holding it. */
	memset(norm, '0', 12);
	norm[12] = '\0';
	if (strlen(code) == 12)
		memcpy(norm, code, (size_t)g->f.section_len);
	memcpy(row->section_code, norm, 13);
	return 1;
}

int reg_gazetteer_count(struct reg *r, const struct reg_gazetteer_filter *f, long *n,
			struct err *e)
{
	struct resolved rf;
	sqlite3_stmt *st;
	int rc = 0;

	*n = 0;
	if (resolve(r, f, &rf, e) < 0 || !(st = prepare(r, &rf, sql_count, NULL, NULL, e)))
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(st, 0);
	else
		rc = reg_db_error(r, e, _("cannot count the gazetteer"));
	sqlite3_finalize(st);
	return rc;
}

int reg_gazetteer_count_types(struct reg *r, const struct reg_gazetteer_filter *f,
			      long counts[8], struct err *e)
{
	static const char *const names[] = {
		"", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
		"MULTIPOLYGON", "GEOMETRYCOLLECTION"
	};
	struct resolved rf;
	sqlite3_stmt *st;
	int rc, i;

	memset(counts, 0, 8 * sizeof(counts[0]));
	if (resolve(r, f, &rf, e) < 0 ||
	    !(st = prepare(r, &rf, sql_count_types, NULL, sql_group_types, e)))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = reg_col_text(st, 0);

		/* SpatiaLite says "POINT", "POINT Z", ... */
		for (i = 7; i > 0; i--)
			if (!strncmp(t, names[i], strlen(names[i])) &&
			    (t[strlen(names[i])] == '\0' || t[strlen(names[i])] == ' '))
				break;
		counts[i] += (long)sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot count the gazetteer"));
	return 0;
}

int reg_gazetteer_sections(struct reg *r, const struct reg_gazetteer_filter *f,
			   int (*fn)(const struct reg_gazetteer_section *, void *), void *arg,
			   struct err *e)
{
	struct reg_gazetteer_section s;
	struct resolved rf;
	sqlite3_stmt *st;
	int rc;

	if (resolve(r, f, &rf, e) < 0 ||
	    !(st = prepare(r, &rf, sql_sections, NULL, sql_group_sections, e)))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = reg_col_text(st, 0);

		memset(s.code, '0', 12);
		s.code[12] = '\0';
		memcpy(s.code, code, strlen(code) < 12 ? strlen(code) : 12);
		s.class_code = reg_col_text(st, 1);
		s.class_name = reg_col_text(st, 2);
		s.count = (long)sqlite3_column_int64(st, 3);
		s.name = reg_col_text(st, 4);
		if (fn(&s, arg))
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot read the gazetteer"));
	return 0;
}
