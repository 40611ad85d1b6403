/* check_topo.c - geo_topo: boundary lines, nodes, gaps and overlaps from polygons. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "geo/geo.h"
#include "geo/geo_geod.h"
#include "geo/geo_topo.h"
#include "tests/testlib.h"

/* ---- fixtures ---- */

struct polys {
	GEOSGeometry *g[16];
	char id[16][8];
	size_t n;
};

/* The features of a bundled county file, repaired as the importer does. */
static void load(struct geo_ctx *g, const char *file, struct polys *p)
{
	json_error_t je;
	json_t *root = json_load_file(test_data(file), 0, &je), *f;
	size_t i;

	ck_assert_msg(root != NULL, "%s: %s", file, je.text);
	json_array_foreach(json_object_get(root, "features"), i, f) {
		struct err e = ERR_INIT;
		struct geo_fix fix;
		char *gj = json_dumps(json_object_get(f, "geometry"), 0);
		GEOSGeometry *in = geo_from_geojson(g, gj, &e);

		free(gj);
		ck_assert_ptr_nonnull(in);
		ck_assert_uint_lt(p->n, 16);
		p->g[p->n] = geo_polygon_fix(g, in, 1, &fix, &e);
		ck_assert_ptr_nonnull(p->g[p->n]);
		GEOSGeom_destroy_r(g->gh, in);
		snprintf(p->id[p->n], sizeof(p->id[p->n]), "%s",
			 json_string_value(json_object_get(f, "id")));
		p->n++;
	}
	json_decref(root);
}

static void release(struct geo_ctx *g, struct polys *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		GEOSGeom_destroy_r(g->gh, p->g[i]);
	p->n = 0;
}

static GEOSGeometry *wkt(struct geo_ctx *g, const char *text)
{
	GEOSWKTReader *r = GEOSWKTReader_create_r(g->gh);
	GEOSGeometry *geom = GEOSWKTReader_read_r(g->gh, r, text);

	GEOSWKTReader_destroy_r(g->gh, r);
	ck_assert_msg(geom != NULL, "bad WKT: %s", text);
	return geom;
}

static int index_of(const struct polys *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (!strcmp(p->id[i], id))
			return (int)i;
	ck_abort_msg("no polygon %s", id);
	return -1;
}

/* The line between divisions a and b (either side), or NULL. */
static const struct geo_topo_line *line_of(const struct geo_topo_result *r,
					   const struct polys *p, const char *a, const char *b)
{
	int ia = index_of(p, a), ib = index_of(p, b);
	size_t i;

	for (i = 0; i < r->nlines; i++)
		if ((r->lines[i].left == ia && r->lines[i].right == ib) ||
		    (r->lines[i].left == ib && r->lines[i].right == ia))
			return &r->lines[i];
	return NULL;
}

static double length(struct geo_ctx *g, const struct geo_topo_line *l)
{
	GEOSCoordSequence *cs = GEOSCoordSeq_copyFromBuffer_r(g->gh, l->xy, (unsigned)l->n, 0, 0);
	GEOSGeometry *ls = GEOSGeom_createLineString_r(g->gh, cs);
	struct err e = ERR_INIT;
	double m;

	ck_assert_int_eq(geo_geod_length(g, ls, &m, &e), 0);
	GEOSGeom_destroy_r(g->gh, ls);
	return m;
}

static int covers(struct geo_ctx *g, const GEOSGeometry *poly, double x, double y)
{
	GEOSGeometry *pt = GEOSGeom_createPointFromXY_r(g->gh, x, y);
	char c = GEOSContains_r(g->gh, poly, pt);

	GEOSGeom_destroy_r(g->gh, pt);
	return c == 1;
}

/* ---- the 云浮 counties ---- */

START_TEST(test_geo_topo_derive_yunfu_lines_and_nodes)
{
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_topo_result r;
	struct polys p = { 0 };
	static const char *const pairs[][2] = {
		{ "445302", "445303" }, { "445302", "445321" }, { "445303", "445321" },
		{ "445303", "445322" }, { "445303", "445381" }, { "445322", "445381" },
	};
	const struct geo_topo_line *l;
	const struct geo_topo_node *nd;
	size_t i, at_junction = 0;

	load(g, "counties-yunfu.geojson", &p);
	ck_assert_int_eq(geo_topo_derive(g, (const GEOSGeometry *const *)p.g, p.n, 1.0, &r, &e), 0);
	/* one line per neighbouring pair: the pinch in 云城/云安 does not split
	 * their line; 云城 and 罗定, 新兴 and 郁南 do not touch */
	ck_assert_uint_eq(r.nlines, 6);
	for (i = 0; i < 6; i++)
		ck_assert_msg(line_of(&r, &p, pairs[i][0], pairs[i][1]) != NULL, "no line %s-%s",
			      pairs[i][0], pairs[i][1]);
	ck_assert_ptr_null(line_of(&r, &p, "445302", "445381"));
	ck_assert_ptr_null(line_of(&r, &p, "445321", "445322"));
	/* 8 nodes: 2 inner 三交点 and 6 where a line meets the outside */
	ck_assert_uint_eq(r.nnodes, 8);
	for (i = 0; i < r.nnodes; i++) {
		ck_assert(geo_topo_node_is_junction(&r.nodes[i]));
		ck_assert_int_eq(r.nodes[i].degree, 3);
	}
	/* 郁南—云安—罗定 meet at one exact node that three lines share */
	for (i = 0; i < r.nlines; i++) {
		l = &r.lines[i];
		nd = &r.nodes[l->end_node];
		if (nd->lon == 111.7314453125 && nd->lat == 22.8037109375)
			at_junction++;
		nd = &r.nodes[l->start_node];
		if (nd->lon == 111.7314453125 && nd->lat == 22.8037109375)
			at_junction++;
	}
	ck_assert_uint_eq(at_junction, 3);
	l = line_of(&r, &p, "445322", "445381");
	nd = &r.nodes[l->end_node];
	ck_assert_uint_eq(nd->npolys, 3);
	ck_assert_int_eq(nd->outside, 0);
	/* ascending input indices: the file has 445302, 445322, 445303, ... */
	ck_assert_int_eq(nd->polys[0], index_of(&p, "445322"));
	ck_assert_int_eq(nd->polys[1], index_of(&p, "445303"));
	ck_assert_int_eq(nd->polys[2], index_of(&p, "445381"));
	/* its west end is on the provincial border (广西): the outside */
	nd = &r.nodes[l->start_node];
	ck_assert_double_eq(nd->lon, 111.375);
	ck_assert_double_eq(nd->lat, 22.9375);
	ck_assert_uint_eq(nd->npolys, 2);
	ck_assert_int_eq(nd->outside, 1);
	ck_assert_int_eq(r.snapped_vertices, 0);
	ck_assert_int_eq(r.odd_segments, 0);
	geo_topo_result_release(&r);
	release(g, &p);
	geo_ctx_free(g);
}
END_TEST

START_TEST(test_geo_topo_derive_yunfu_sides_and_direction)
{
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_topo_result r;
	struct polys p = { 0 };
	const struct geo_topo_line *l;
	size_t i, k;

	load(g, "counties-yunfu.geojson", &p);
	ck_assert_int_eq(geo_topo_derive(g, (const GEOSGeometry *const *)p.g, p.n, 1.0, &r, &e), 0);
	/* every segment: a point 1e-6° (10 cm) to its left lies in the left
	 * division and not the right one, and the other way round */
	for (i = 0; i < r.nlines; i++) {
		l = &r.lines[i];
		for (k = 0; k + 1 < l->n; k += 25) {
			double ax = l->xy[2 * k], ay = l->xy[2 * k + 1];
			double bx = l->xy[2 * k + 2], by = l->xy[2 * k + 3];
			double len = hypot(bx - ax, by - ay), mx = (ax + bx) / 2, my = (ay + by) / 2;
			double nx = -(by - ay) / len * 1e-6, ny = (bx - ax) / len * 1e-6;

			ck_assert(covers(g, p.g[l->left], mx + nx, my + ny));
			ck_assert(!covers(g, p.g[l->right], mx + nx, my + ny));
			ck_assert(covers(g, p.g[l->right], mx - nx, my - ny));
			ck_assert(!covers(g, p.g[l->left], mx - nx, my - ny));
		}
	}
	/* 郁南 lies north of 罗定: their line runs west to east with 郁南 left */
	l = line_of(&r, &p, "445322", "445381");
	ck_assert_int_eq(l->left, index_of(&p, "445322"));
	ck_assert(l->xy[0] < l->xy[2 * l->n - 2]);
	/* 云安 lies east of 郁南: their line runs north to south, 云安 left */
	l = line_of(&r, &p, "445303", "445322");
	ck_assert_int_eq(l->left, index_of(&p, "445303"));
	ck_assert(l->xy[1] > l->xy[2 * l->n - 1]);
	geo_topo_result_release(&r);
	release(g, &p);
	geo_ctx_free(g);
}
END_TEST

/* Reference lengths from PROJ 9.1.1's geod, summed over the segments:
 *   sqlite3 -cmd '.load mod_spatialite' REG "<the vertices of CODE as 'lat lon'>" |
 *     awk 'NR > 1 { print lat, lon, $1, $2 } { lat = $1; lon = $2 }' |
 *     geod -I +ellps=GRS80 -f %.9f -F %.6f | awk '{ s += $3 } END { printf "%.6f\n", s }'
 * on a registry where `diming boundary derive --within 4453` ran on
 * data/counties-yunfu.geojson (tests/cli/t0530-boundary-geod.sh runs it
 * live).  GRS80 is CGCS2000's ellipsoid. */
START_TEST(test_geo_topo_derive_yunfu_lengths_match_geod)
{
	static const struct {
		const char *a, *b;
		double m;
	} ref[] = {
		{ "445302", "445303", 131783.537231 },
		{ "445302", "445321", 62919.284402 },
		{ "445303", "445321", 5687.743168 },
		{ "445303", "445322", 83949.263701 },
		{ "445303", "445381", 58491.961223 },
		{ "445322", "445381", 87391.273438 },
	};
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_topo_result r;
	struct polys p = { 0 };
	size_t i;

	load(g, "counties-yunfu.geojson", &p);
	ck_assert_int_eq(geo_topo_derive(g, (const GEOSGeometry *const *)p.g, p.n, 1.0, &r, &e), 0);
	for (i = 0; i < sizeof(ref) / sizeof(ref[0]); i++) {
		double m = length(g, line_of(&r, &p, ref[i].a, ref[i].b));

		ck_assert_msg(fabs(m - ref[i].m) < 1e-3, "%s-%s: %.6f m, geod %.6f m", ref[i].a,
			      ref[i].b, m, ref[i].m);
	}
	geo_topo_result_release(&r);
	release(g, &p);
	geo_ctx_free(g);
}
END_TEST

START_TEST(test_geo_topo_derive_yunfu_reports_the_gap)
{
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_topo_result r;
	struct polys p = { 0 };

	load(g, "counties-yunfu.geojson", &p);
	ck_assert_int_eq(geo_topo_derive(g, (const GEOSGeometry *const *)p.g, p.n, 1.0, &r, &e), 0);
	/* 郁南's ring pinches around 7 ha that MakeValid leaves out
	 * (data/README.md) */
	ck_assert_uint_eq(r.ngaps, 1);
	ck_assert_double_eq_tol(r.gaps[0].area_m2, 70315.7, 1.0);
	ck_assert_double_eq_tol(r.gaps[0].lon, 111.382, 0.01);
	ck_assert_double_eq_tol(r.gaps[0].lat, 23.1265, 0.01);
	ck_assert_int_eq(r.gaps[0].a, index_of(&p, "445322"));
	ck_assert_int_eq(r.gaps[0].b, -1);
	ck_assert_uint_eq(r.noverlaps, 0);
	ck_assert_uint_eq(r.gaps_after_snap, 1);
	geo_topo_result_release(&r);
	release(g, &p);
	geo_ctx_free(g);
}
END_TEST

START_TEST(test_geo_topo_derive_yunfu_jiangmen_overlap)
{
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_topo_result r;
	struct polys p = { 0 };

	load(g, "counties-yunfu.geojson", &p);
	load(g, "counties-jiangmen.geojson", &p);
	ck_assert_int_eq(geo_topo_derive(g, (const GEOSGeometry *const *)p.g, p.n, 1.0, &r, &e), 0);
	ck_assert_uint_eq(r.nlines, 23);
	/* the two cities share vertices along 新兴—开平/鹤山/恩平 */
	ck_assert_ptr_nonnull(line_of(&r, &p, "445321", "440783"));
	ck_assert_ptr_nonnull(line_of(&r, &p, "445321", "440784"));
	ck_assert_ptr_nonnull(line_of(&r, &p, "445321", "440785"));
	/* 蓬江 and 鹤山 overlap by about 32,600 m² (data/README.md) */
	ck_assert_uint_eq(r.noverlaps, 1);
	ck_assert_double_eq_tol(r.overlaps[0].area_m2, 32574.7, 1.0);
	ck_assert_int_eq(r.overlaps[0].a, index_of(&p, "440703"));
	ck_assert_int_eq(r.overlaps[0].b, index_of(&p, "440784"));
	ck_assert_uint_eq(r.ngaps, 2);
	ck_assert_int_gt(r.odd_segments, 0);
	geo_topo_result_release(&r);
	release(g, &p);
	geo_ctx_free(g);
}
END_TEST

/* ---- made-up squares near 111°E 23°N ---- */

static int derive_wkt(struct geo_ctx *g, const char *const *w, size_t n, double snap_m,
		      struct geo_topo_result *r, struct err *e)
{
	GEOSGeometry *polys[8] = { NULL };
	size_t i;
	int rc;

	for (i = 0; i < n; i++)
		polys[i] = wkt(g, w[i]);
	rc = geo_topo_derive(g, (const GEOSGeometry *const *)polys, n, snap_m, r, e);
	for (i = 0; i < n; i++)
		GEOSGeom_destroy_r(g->gh, polys[i]);
	return rc;
}

START_TEST(test_geo_topo_derive_two_squares_one_line)
{
	static const char *const w[] = {
		"POLYGON((111 23, 111.01 23, 111.01 23.01, 111 23.01, 111 23))",
		"POLYGON((111.01 23, 111.02 23, 111.02 23.01, 111.01 23.01, 111.01 23))",
	};
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_topo_result r;

	ck_assert_int_eq(derive_wkt(g, w, 2, 1.0, &r, &e), 0);
	ck_assert_uint_eq(r.nlines, 1);
	ck_assert_uint_eq(r.lines[0].n, 2);
	/* a north-south edge runs north to south: the east square is left */
	ck_assert_double_eq(r.lines[0].xy[1], 23.01);
	ck_assert_double_eq(r.lines[0].xy[3], 23);
	ck_assert_int_eq(r.lines[0].left, 1);
	ck_assert_int_eq(r.lines[0].right, 0);
	ck_assert_uint_eq(r.nnodes, 2);
	ck_assert_int_eq(r.nodes[0].outside, 1);
	ck_assert_int_eq(r.nodes[0].degree, 3);
	ck_assert_uint_eq(r.ngaps + r.noverlaps, 0);
	geo_topo_result_release(&r);
	geo_ctx_free(g);
}
END_TEST

START_TEST(test_geo_topo_derive_tri_junction)
{
	/* two squares side by side over a long one: a T where three meet */
	static const char *const w[] = {
		"POLYGON((111 23.01, 111.01 23.01, 111.01 23.02, 111 23.02, 111 23.01))",
		"POLYGON((111.01 23.01, 111.02 23.01, 111.02 23.02, 111.01 23.02, 111.01 23.01))",
		"POLYGON((111 23, 111.02 23, 111.02 23.01, 111 23.01, 111 23))",
	};
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_topo_result r;
	size_t i, at = 0;

	ck_assert_int_eq(derive_wkt(g, w, 3, 1.0, &r, &e), 0);
	ck_assert_uint_eq(r.nlines, 3);
	for (i = 0; i < r.nnodes; i++) {
		if (r.nodes[i].lon == 111.01 && r.nodes[i].lat == 23.01) {
			ck_assert_uint_eq(r.nodes[i].npolys, 3);
			ck_assert_int_eq(r.nodes[i].outside, 0);
			ck_assert(geo_topo_node_is_junction(&r.nodes[i]));
			at++;
		}
	}
	ck_assert_uint_eq(at, 1);
	/* the long square's line with each small one: 0.01° west to east */
	for (i = 0; i < r.nlines; i++)
		if (r.lines[i].left == 0 || r.lines[i].right == 0)
			if (r.lines[i].left == 2 || r.lines[i].right == 2) {
				ck_assert_double_eq(r.lines[i].xy[0], 111);
				ck_assert_int_eq(r.lines[i].left, 0);
			}
	geo_topo_result_release(&r);
	geo_ctx_free(g);
}
END_TEST

START_TEST(test_geo_topo_derive_enclave_is_a_closed_line)
{
	static const char *const w[] = {
		"POLYGON((111 23, 111.03 23, 111.03 23.03, 111 23.03, 111 23),"
		" (111.01 23.01, 111.01 23.02, 111.02 23.02, 111.02 23.01, 111.01 23.01))",
		"POLYGON((111.01 23.01, 111.02 23.01, 111.02 23.02, 111.01 23.02, 111.01 23.01))",
	};
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_topo_result r;

	ck_assert_int_eq(derive_wkt(g, w, 2, 1.0, &r, &e), 0);
	ck_assert_uint_eq(r.nlines, 1);
	ck_assert_int_eq(r.lines[0].closed, 1);
	ck_assert_uint_eq(r.lines[0].n, 5);
	ck_assert_uint_eq(r.lines[0].start_node, r.lines[0].end_node);
	/* starts at its westernmost (then southernmost) vertex */
	ck_assert_double_eq(r.lines[0].xy[0], 111.01);
	ck_assert_double_eq(r.lines[0].xy[1], 23.01);
	ck_assert_int_eq(r.lines[0].left, 0);
	ck_assert_uint_eq(r.ngaps, 0);
	geo_topo_result_release(&r);
	geo_ctx_free(g);
}
END_TEST

START_TEST(test_geo_topo_derive_snapping_closes_a_gap)
{
	/* A and B leave a strip 5e-6° (about half a metre) wide between them,
	 * closed off by C below and D above: a gap */
	static const char *const w[] = {
		"POLYGON((111 23.01, 111.01 23.01, 111.01 23.02, 111 23.02, 111 23.01))",
		"POLYGON((111.010005 23.01, 111.02 23.01, 111.02 23.02, 111.010005 23.02, 111.010005 23.01))",
		"POLYGON((111 23, 111.02 23, 111.02 23.01, 111 23.01, 111 23))",
		"POLYGON((111 23.02, 111.02 23.02, 111.02 23.03, 111 23.03, 111 23.02))",
	};
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_topo_result r;
	size_t i;
	int ab = 0;

	ck_assert_int_eq(derive_wkt(g, w, 4, 0.0, &r, &e), 0);
	ck_assert_uint_eq(r.ngaps, 1);
	ck_assert_double_eq_tol(r.gaps[0].area_m2, 0.5125 * 1107, 25);
	for (i = 0; i < r.nlines; i++)
		ab += (r.lines[i].left == 0 && r.lines[i].right == 1) ||
		      (r.lines[i].left == 1 && r.lines[i].right == 0);
	ck_assert_int_eq(ab, 0);
	geo_topo_result_release(&r);

	ck_assert_int_eq(derive_wkt(g, w, 4, 1.0, &r, &e), 0);
	ck_assert_uint_eq(r.ngaps, 1);           /* as given, still reported */
	ck_assert_uint_eq(r.gaps_after_snap, 0);
	ck_assert_int_gt(r.snapped_vertices, 0);
	for (i = 0; i < r.nlines; i++)
		ab += (r.lines[i].left == 0 && r.lines[i].right == 1) ||
		      (r.lines[i].left == 1 && r.lines[i].right == 0);
	ck_assert_int_eq(ab, 1);
	geo_topo_result_release(&r);
	geo_ctx_free(g);
}
END_TEST

START_TEST(test_geo_topo_derive_reports_an_overlap)
{
	static const char *const w[] = {
		"POLYGON((111 23, 111.01 23, 111.01 23.01, 111 23.01, 111 23))",
		"POLYGON((111.009 23, 111.02 23, 111.02 23.01, 111.009 23.01, 111.009 23))",
	};
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_topo_result r;

	ck_assert_int_eq(derive_wkt(g, w, 2, 1.0, &r, &e), 0);
	ck_assert_uint_eq(r.noverlaps, 1);
	/* 0.001° × 0.01° at 23°N: about 102.5 m × 1107 m */
	ck_assert_double_eq_tol(r.overlaps[0].area_m2, 113500, 500);
	ck_assert_int_eq(r.overlaps[0].a, 0);
	ck_assert_int_eq(r.overlaps[0].b, 1);
	ck_assert_uint_eq(r.nlines, 0);          /* they share no edge */
	ck_assert_int_gt(r.odd_segments, 0);
	geo_topo_result_release(&r);
	geo_ctx_free(g);
}
END_TEST

START_TEST(test_geo_topo_derive_refuses_bad_polygons)
{
	static const char *const bowtie[] = {
		"POLYGON((111 23, 111.01 23, 111.01 23.01, 111 23.01, 111 23))",
		"POLYGON((111.4 23.1, 111.6 23.3, 111.6 23.1, 111.4 23.3, 111.4 23.1))",
	};
	static const char *const line[] = { "LINESTRING(111 23, 111.01 23)" };
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_topo_result r;

	ck_assert_int_eq(derive_wkt(g, bowtie, 2, 1.0, &r, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "polygon 2: invalid: Self-intersection[111.5 23.2]");
	ck_assert_uint_eq(r.nlines, 0);
	ck_assert_int_eq(derive_wkt(g, line, 1, 1.0, &r, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "polygon 1: not a Polygon or MultiPolygon");
	geo_ctx_free(g);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("topo");
	TCase *yunfu = tcase_create("yunfu"), *made = tcase_create("squares");

	tcase_set_timeout(yunfu, 60);
	tcase_add_test(yunfu, test_geo_topo_derive_yunfu_lines_and_nodes);
	tcase_add_test(yunfu, test_geo_topo_derive_yunfu_sides_and_direction);
	tcase_add_test(yunfu, test_geo_topo_derive_yunfu_lengths_match_geod);
	tcase_add_test(yunfu, test_geo_topo_derive_yunfu_reports_the_gap);
	tcase_add_test(yunfu, test_geo_topo_derive_yunfu_jiangmen_overlap);
	suite_add_tcase(s, yunfu);
	tcase_add_test(made, test_geo_topo_derive_two_squares_one_line);
	tcase_add_test(made, test_geo_topo_derive_tri_junction);
	tcase_add_test(made, test_geo_topo_derive_enclave_is_a_closed_line);
	tcase_add_test(made, test_geo_topo_derive_snapping_closes_a_gap);
	tcase_add_test(made, test_geo_topo_derive_reports_an_overlap);
	tcase_add_test(made, test_geo_topo_derive_refuses_bad_polygons);
	suite_add_tcase(s, made);
	return s;
}
