/* reg_inspect_store.c - inspection rounds in the registry: loading a line for the checks, saving a round, history.
 *
 * Owns the tables inspection_round (one row per line and round) and
 * inspection_result (one row per monument or unknown survey row in a
 * round, its findings as a JSON array).  The line and its monuments are
 * read through reg_boundary and reg_monument, whose tables they own.
 */
#include "registry/reg_inspect.h"

#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/clock.h"
#include "common/i18n.h"
#include "registry/reg_boundary.h"
#include "registry/reg_monument.h"

static const char sql_round_exists[] =
	"SELECT 1 FROM inspection_round WHERE boundary_code = ? AND name = ?";
static const char sql_round_insert[] =
	"INSERT INTO inspection_round(boundary_code, name, date, parties, tolerance_m, survey_file, "
	"monuments, not_ok, findings, line_findings, saved_at, saved_by) "
	"VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_result_insert[] =
	"INSERT INTO inspection_result(round_id, boundary_code, monument_number, monument_id, "
	"verdict, condition, actions, x, y, srs, h, dn_m, de_m, displacement_m, dh_m, "
	"distance_to_line_m, note, photos, findings, geom) "
	"VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, GeomFromWKB(?, 4490))";
static const char sql_history[] =
	"SELECT r.id, r.name, r.date, x.verdict, ifnull(x.condition, ''), x.displacement_m, "
	"x.dh_m, x.actions, x.findings "
	"FROM inspection_result x JOIN inspection_round r ON r.id = x.round_id "
	"WHERE x.boundary_code = ? AND x.monument_number = ? ORDER BY r.date, r.id";
static const char sql_last_round[] =
	"SELECT ifnull(max(date), '') FROM inspection_round WHERE boundary_code = ?";

/* ---- loading a line ---- */

/* The inputs being loaded, by line code, for routing monuments. */
struct route_entry {
	const char *code;
	struct reg_inspect_input *in;
};

struct route {
	struct route_entry *v;
	size_t n;
};

static int by_code(const void *a, const void *b)
{
	return strcmp(((const struct route_entry *)a)->code, ((const struct route_entry *)b)->code);
}

static struct reg_inspect_input *route_find(const struct route *rt, const char *code)
{
	struct route_entry key = { code, NULL }, *hit;

	hit = bsearch(&key, rt->v, rt->n, sizeof(*rt->v), by_code);
	return hit ? hit->in : NULL;
}

static int add_monument(const struct reg_monument *m, void *arg)
{
	struct reg_inspect_input *in = route_find(arg, m->boundary_code);
	struct reg_inspect_monument *d;
	int i;

	if (!in)
		return 0;

	if (in->nmon == in->cap) {
		size_t cap = in->cap ? in->cap * 2 : 16;
		struct reg_inspect_monument *p = realloc(in->mon, cap * sizeof(*p));

		if (!p)
			abort();
		in->mon = p;
		in->cap = cap;
	}
	d = &in->mon[in->nmon++];
	memset(d, 0, sizeof(*d));
	d->id = m->id;
	snprintf(d->number, sizeof(d->number), "%s", m->number);
	d->type = m->type;
	d->tri_junction = m->tri_junction;
	d->lon = m->lon;
	d->lat = m->lat;
	d->has_h = m->has_h;
	d->h = m->h;
	snprintf(d->x, sizeof(d->x), "%s", m->x);
	snprintf(d->y, sizeof(d->y), "%s", m->y);
	snprintf(d->srs, sizeof(d->srs), "%s", m->srs);
	d->precision_m = m->precision_m;
	snprintf(d->managing_party, sizeof(d->managing_party), "%.127s", m->managing_party);
	d->nref = m->nref < REG_INSPECT_REFS ? m->nref : REG_INSPECT_REFS;
	for (i = 0; i < d->nref; i++) {
		snprintf(d->ref[i].name, sizeof(d->ref[i].name), "%s", m->ref[i].name);
		d->ref[i].azimuth_deg = m->ref[i].azimuth[0] ? m->ref[i].azimuth_deg : NAN;
		d->ref[i].distance_m = m->ref[i].distance_m > 0 ? m->ref[i].distance_m : NAN;
	}
	return 0;
}

/* End nodes of every registered line, read once for all the lines
 * inspected: "lon lat code" triples. */
struct nodes {
	double *lon, *lat;
	char (*code)[REG_INSPECT_MAX_CODE];
	size_t n, cap;
};

static void add_node(struct nodes *nd, double lon, double lat, const char *code)
{
	if (nd->n == nd->cap) {
		nd->cap = nd->cap ? nd->cap * 2 : 64;
		nd->lon = realloc(nd->lon, nd->cap * sizeof(double));
		nd->lat = realloc(nd->lat, nd->cap * sizeof(double));
		nd->code = realloc(nd->code, nd->cap * sizeof(*nd->code));
		if (!nd->lon || !nd->lat || !nd->code)
			abort();
	}
	nd->lon[nd->n] = lon;
	nd->lat[nd->n] = lat;
	snprintf(nd->code[nd->n], sizeof(nd->code[0]), "%s", code);
	nd->n++;
}

static int add_line_nodes(const struct reg_boundary *b, const GEOSGeometry *geom, void *arg)
{
	(void)geom;
	if (b->start.id)
		add_node(arg, b->start.lon, b->start.lat, b->code);
	if (b->end.id)
		add_node(arg, b->end.lon, b->end.lat, b->code);
	return 0;
}

/* The nodes of the other lines into in. */
static void give_nodes(struct reg_inspect_input *in, const struct nodes *nd)
{
	size_t i, k = 0;

	in->node_lon = malloc((nd->n + 1) * sizeof(double));
	in->node_lat = malloc((nd->n + 1) * sizeof(double));
	in->node_line = malloc((nd->n + 1) * sizeof(*in->node_line));
	if (!in->node_lon || !in->node_lat || !in->node_line)
		abort();
	for (i = 0; i < nd->n; i++)
		if (strcmp(nd->code[i], in->line.code)) {
			in->node_lon[k] = nd->lon[i];
			in->node_lat[k] = nd->lat[i];
			memcpy(in->node_line[k], nd->code[i], sizeof(nd->code[0]));
			k++;
		}
	in->nnodes = k;
}

static int load_one(struct reg *r, struct geo_ctx *g, const char *code,
		    struct reg_inspect_input *in, struct err *e)
{
	struct reg_boundary b;
	struct reg_inspect_lineinfo *l = &in->line;
	GEOSGeometry *geom = NULL;
	char last[11];
	int rc;

	memset(in, 0, sizeof(*in));
	rc = reg_boundary_get(r, g, code, &b, &geom, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, _("no boundary line with code '%s'"), code);
	in->geom = geo_inspect_line_new(g, geom, e);
	GEOSGeom_destroy_r(g->gh, geom);
	if (!in->geom)
		return err_prefix(e, _("line %s: "), code);
	snprintf(l->code, sizeof(l->code), "%s", b.code);
	snprintf(l->name, sizeof(l->name), "%s", b.name);
	snprintf(l->level, sizeof(l->level), "%s", b.level ? reg_level_label(b.level) : "");
	reg_code_display(b.left_code, l->left_code);
	reg_code_display(b.right_code, l->right_code);
	snprintf(l->left_name, sizeof(l->left_name), "%s", b.left_name);
	snprintf(l->right_name, sizeof(l->right_name), "%s", b.right_name);
	snprintf(l->agreement, sizeof(l->agreement), "%s", b.agreement);
	snprintf(l->approved, sizeof(l->approved), "%s", b.approved);
	snprintf(l->last_inspected, sizeof(l->last_inspected), "%s", b.last_inspected);
	l->length_km = isfinite(b.length_m) ? b.length_m / 1000.0 : NAN;
	if (b.monuments > 0) {
		in->cap = (size_t)b.monuments;
		if (!(in->mon = malloc(in->cap * sizeof(*in->mon))))
			abort();
	}
	l->node_divisions[0] = b.start.id ? b.start.ndivisions + b.start.outside : 0;
	l->node_divisions[1] = b.end.id ? b.end.ndivisions + b.end.outside : 0;
	/* a saved round counts even if the line's own date was not moved */
	if (reg_inspect_last_round(r, b.code, last, e) < 0)
		return -1;
	if (strcmp(last, l->last_inspected) > 0)
		snprintf(l->last_inspected, sizeof(l->last_inspected), "%s", last);
	return 0;
}

int reg_inspect_load(struct reg *r, struct geo_ctx *g, const char *const *codes, size_t n,
		     struct reg_inspect_input *in, struct err *e)
{
	struct nodes nd = { NULL, NULL, NULL, 0, 0 };
	struct route rt = { NULL, n };
	size_t i;
	int rc = -1;

	memset(in, 0, n * sizeof(*in));
	if (!(rt.v = malloc((n + 1) * sizeof(*rt.v))))
		abort();
	if (reg_boundary_each(r, NULL, NULL, add_line_nodes, &nd, e) < 0)
		goto out;
	for (i = 0; i < n; i++) {
		if (load_one(r, g, codes[i], &in[i], e) < 0)
			goto out;
		give_nodes(&in[i], &nd);
		rt.v[i].code = in[i].line.code;
		rt.v[i].in = &in[i];
	}
	/* one pass over the monuments serves every line */
	qsort(rt.v, n, sizeof(*rt.v), by_code);
	if (reg_monument_each(r, n == 1 ? in[0].line.code : NULL, add_monument, &rt, e) < 0)
		goto out;
	rc = 0;
out:
	free(rt.v);
	if (rc < 0)
		for (i = 0; i < n; i++)
			reg_inspect_input_release(&in[i]);
	free(nd.lon);
	free(nd.lat);
	free(nd.code);
	return rc;
}

void reg_inspect_input_release(struct reg_inspect_input *in)
{
	geo_inspect_line_free(in->geom);
	free(in->mon);
	free(in->node_lon);
	free(in->node_lat);
	free(in->node_line);
	memset(in, 0, sizeof(*in));
}

/* ---- saving a round ---- */

/* ISO WKB of a 2D point, little endian (21 bytes). */
static void point_wkb(double x, double y, unsigned char out[21])
{
	uint32_t type = 1;

	out[0] = 1;
	memcpy(out + 1, &type, 4);
	memcpy(out + 5, &x, 8);
	memcpy(out + 13, &y, 8);
}

static void bind_real_or_null(sqlite3_stmt *st, int i, double v)
{
	if (isfinite(v))
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static char *findings_json(const struct reg_inspect_findings *f)
{
	json_t *a = json_array();
	char *s;
	size_t i;

	for (i = 0; i < f->n; i++)
		json_array_append_new(a, json_pack("{s:s, s:s}", "rule", f->v[i].rule,
						   "message", f->v[i].message));
	s = json_dumps(a, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(a);
	if (!s)
		abort();
	return s;
}

static int save_result(struct reg *r, sqlite3_stmt *st, long long round_id,
		       const struct reg_inspect_result *res, const struct reg_inspect_mon *m,
		       struct err *e)
{
	const struct reg_survey_row *row = m->row;
	unsigned char wkb[21];
	char cond[96], acts[64], *fj;
	int rc = 0;

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	sqlite3_bind_int64(st, 1, round_id);
	sqlite3_bind_text(st, 2, res->line.code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->number, -1, SQLITE_STATIC);
	if (m->registered && m->reg->id)
		sqlite3_bind_int64(st, 4, m->reg->id);
	sqlite3_bind_text(st, 5, reg_verdict_name(m->verdict), -1, SQLITE_STATIC);
	if (row) {
		reg_condition_format(row->condition, cond, sizeof(cond));
		sqlite3_bind_text(st, 6, cond, -1, SQLITE_TRANSIENT);
	}
	reg_action_format(m->actions, acts, sizeof(acts));
	sqlite3_bind_text(st, 7, acts, -1, SQLITE_TRANSIENT);
	if (row && row->has_pos) {
		bind_text_or_null(st, 8, row->x);
		bind_text_or_null(st, 9, row->y);
		bind_text_or_null(st, 10, row->srs);
		point_wkb(row->lon, row->lat, wkb);
		sqlite3_bind_blob(st, 20, wkb, sizeof(wkb), SQLITE_TRANSIENT);
	}
	if (row && row->has_h)
		sqlite3_bind_double(st, 11, row->h);
	bind_real_or_null(st, 12, m->dn_m);
	bind_real_or_null(st, 13, m->de_m);
	bind_real_or_null(st, 14, m->displacement_m);
	bind_real_or_null(st, 15, m->dh_m);
	bind_real_or_null(st, 16, m->distance_to_line_m);
	if (row) {
		bind_text_or_null(st, 17, row->note);
		bind_text_or_null(st, 18, row->photos);
	}
	fj = findings_json(&m->findings);
	sqlite3_bind_text(st, 19, fj, -1, free);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = reg_db_error(r, e, "inspection_result");
	return rc;
}

int reg_inspect_save(struct reg *r, const struct reg_inspect_result *res,
		     const char *survey_path, long long *round_id, struct err *e)
{
	sqlite3_stmt *st = NULL;
	char at[20], *fj;
	long long id = 0;
	long not_ok;
	size_t i;
	int rc = -1;

	if (clock_now(at, e) < 0)
		return -1;
	if (!(st = reg_prepare(r, sql_round_exists, e)))
		return -1;
	sqlite3_bind_text(st, 1, res->line.code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, res->round, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return err_set(e, ERR_CONFLICT, _("round '%s' of line %s is already saved"),
			       res->round, res->line.code);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, "inspection_round");
	rc = -1;
	if (!(st = reg_prepare(r, sql_round_insert, e)))
		return -1;
	not_ok = res->summary.total - res->summary.count[REG_VERDICT_OK];
	fj = findings_json(&res->findings);
	sqlite3_bind_text(st, 1, res->line.code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, res->round, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, res->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, res->parties, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 5, res->tolerance_m);
	bind_text_or_null(st, 6, survey_path);
	sqlite3_bind_int64(st, 7, res->summary.total);
	sqlite3_bind_int64(st, 8, not_ok);
	sqlite3_bind_int64(st, 9, res->nfindings);
	sqlite3_bind_text(st, 10, fj, -1, free);
	sqlite3_bind_text(st, 11, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, r->actor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		reg_db_error(r, e, "inspection_round");
		goto out;
	}
	id = sqlite3_last_insert_rowid(r->db);
	sqlite3_finalize(st);
	if (!(st = reg_prepare(r, sql_result_insert, e)))
		return -1;
	for (i = 0; i < res->nmon; i++)
		if (save_result(r, st, id, res, &res->mon[i], e) < 0)
			goto out;
	sqlite3_finalize(st);
	st = NULL;
	if (reg_boundary_set_last_inspected(r, res->line.code, res->date, e) < 0)
		goto out;
	if (round_id)
		*round_id = id;
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}

int reg_inspect_history_each(struct reg *r, const char *boundary_code, const char *number,
			     int (*fn)(const struct reg_inspect_history *, void *), void *arg,
			     struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_history, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, boundary_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, number, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct reg_inspect_history h;

		h.round_id = sqlite3_column_int64(st, 0);
		h.round = (const char *)sqlite3_column_text(st, 1);
		h.date = (const char *)sqlite3_column_text(st, 2);
		h.verdict = (const char *)sqlite3_column_text(st, 3);
		h.condition = (const char *)sqlite3_column_text(st, 4);
		h.displacement_m = sqlite3_column_type(st, 5) == SQLITE_NULL
			? NAN : sqlite3_column_double(st, 5);
		h.dh_m = sqlite3_column_type(st, 6) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 6);
		h.actions = (const char *)sqlite3_column_text(st, 7);
		h.findings = (const char *)sqlite3_column_text(st, 8);
		if (fn(&h, arg))
			break;
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : reg_db_error(r, e, "inspection_result");
	sqlite3_finalize(st);
	return rc;
}

int reg_inspect_last_round(struct reg *r, const char *boundary_code, char out[11],
			   struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_last_round, e);
	int rc = 0;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, boundary_code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, 11, "%s", (const char *)sqlite3_column_text(st, 0));
	else
		rc = reg_db_error(r, e, "inspection_round");
	sqlite3_finalize(st);
	return rc;
}
