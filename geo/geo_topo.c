/* geo_topo.c - boundary lines from division polygons: shared edges, nodes (三交点), gaps, overlaps.
 *
 * Owns the topology of a set of polygons: snapping them together, noding
 * their rings, labelling each noded segment with the polygons on its two
 * sides, chaining segments into lines and finding the nodes between them;
 * and measuring the gaps and overlaps the polygons have.  Which polygons
 * (divisions at a level inside a region) and what the lines are called is
 * the registry's and the command's business.
 */
#include "geo/geo_topo.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "geo/geo_geod.h"

/* ---- growable arrays (allocation failure aborts, as buf.h does) ---- */

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 16;

	if (need <= *cap)
		return p;
	while (c < need)
		c *= 2;
	p = realloc(p, c * size);
	if (!p)
		abort();
	*cap = c;
	return p;
}

/* ---- a table of distinct vertices, found by exact coordinates ---- */

struct vtab {
	double *xy;      /* 2 per vertex */
	size_t n, cap;
	size_t *slot;    /* vertex index + 1, 0 = empty */
	size_t nslot;
};

static uint64_t bits(double v)
{
	uint64_t u;

	if (v == 0.0)
		v = 0.0;         /* -0.0 and 0.0 are the same place */
	memcpy(&u, &v, sizeof(u));
	return u;
}

static size_t vhash(double x, double y, size_t nslot)
{
	uint64_t h = bits(x) * 0x9e3779b97f4a7c15ULL ^ (bits(y) + 0x7f4a7c159e3779b9ULL);

	h ^= h >> 31;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 29;
	return (size_t)h & (nslot - 1);
}

static void vtab_rehash(struct vtab *t)
{
	size_t i, k;

	free(t->slot);
	t->nslot = t->nslot ? t->nslot * 2 : 1024;
	t->slot = calloc(t->nslot, sizeof(size_t));
	if (!t->slot)
		abort();
	for (i = 0; i < t->n; i++) {
		for (k = vhash(t->xy[2 * i], t->xy[2 * i + 1], t->nslot); t->slot[k];
		     k = (k + 1) & (t->nslot - 1))
			;
		t->slot[k] = i + 1;
	}
}

/* Index of (x, y), added when new; *added (may be NULL) says which. */
static size_t vtab_get(struct vtab *t, double x, double y, int *added)
{
	size_t k;

	if ((t->n + 1) * 2 > t->nslot)
		vtab_rehash(t);
	for (k = vhash(x, y, t->nslot); t->slot[k]; k = (k + 1) & (t->nslot - 1)) {
		size_t i = t->slot[k] - 1;

		if (t->xy[2 * i] == x && t->xy[2 * i + 1] == y) {
			if (added)
				*added = 0;
			return i;
		}
	}
	t->xy = grow(t->xy, &t->cap, 2 * (t->n + 1), sizeof(double));
	t->xy[2 * t->n] = x;
	t->xy[2 * t->n + 1] = y;
	t->slot[k] = ++t->n;
	if (added)
		*added = 1;
	return t->n - 1;
}

static int vtab_has(const struct vtab *t, double x, double y)
{
	size_t k;

	if (!t->nslot)
		return 0;
	for (k = vhash(x, y, t->nslot); t->slot[k]; k = (k + 1) & (t->nslot - 1)) {
		size_t i = t->slot[k] - 1;

		if (t->xy[2 * i] == x && t->xy[2 * i + 1] == y)
			return 1;
	}
	return 0;
}

static void vtab_release(struct vtab *t)
{
	free(t->xy);
	free(t->slot);
	memset(t, 0, sizeof(*t));
}

/* ---- the work area ---- */

struct part {
	int idx;                          /* input polygon */
	const GEOSGeometry *geom;         /* one Polygon of it */
	const GEOSPreparedGeometry *prep;
};

struct seg {
	size_t a, b;        /* vertex indices */
	int left, right;    /* polygon, GEO_TOPO_OUTSIDE or GEO_TOPO_OVERLAP */
	int used;
};

struct topo {
	struct geo_ctx *g;
	GEOSContextHandle_t gh;
	struct err *e;
	size_t n;
	GEOSGeometry **poly;      /* working copies (snapped) */
	double (*env)[4];         /* xmin ymin xmax ymax per polygon */
	struct part *parts;
	size_t nparts, capparts;
	GEOSSTRtree *tree;
	struct vtab v;
	struct seg *segs;
	size_t nsegs, capsegs;
	size_t *adj_off, *adj;    /* segments at each vertex (CSR) */
	struct geo_topo_result *res;
};

static int geos_fail(struct topo *t, const char *what)
{
	return err_set(t->e, ERR_GEO, _("%s: %s"), what,
		       t->g->geos_msg[0] ? t->g->geos_msg : _("GEOS failed"));
}

static void envelope(GEOSContextHandle_t gh, const GEOSGeometry *g, double env[4])
{
	GEOSGeom_getXMin_r(gh, g, &env[0]);
	GEOSGeom_getYMin_r(gh, g, &env[1]);
	GEOSGeom_getXMax_r(gh, g, &env[2]);
	GEOSGeom_getYMax_r(gh, g, &env[3]);
}

static int env_meet(const double a[4], const double b[4], double slack)
{
	return a[0] <= b[2] + slack && b[0] <= a[2] + slack &&
	       a[1] <= b[3] + slack && b[1] <= a[3] + slack;
}

/* Add every vertex of geom's rings to t (for counting what snapping did). */
static void add_vertices(GEOSContextHandle_t gh, const GEOSGeometry *geom, struct vtab *t)
{
	int type = GEOSGeomTypeId_r(gh, geom), i, n;

	if (type == GEOS_POLYGON) {
		const GEOSGeometry *ring = GEOSGetExteriorRing_r(gh, geom);

		add_vertices(gh, ring, t);
		n = GEOSGetNumInteriorRings_r(gh, geom);
		for (i = 0; i < n; i++)
			add_vertices(gh, GEOSGetInteriorRingN_r(gh, geom, i), t);
	} else if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
		const GEOSCoordSequence *cs = GEOSGeom_getCoordSeq_r(gh, geom);
		unsigned int m = 0, k;
		double x, y;

		GEOSCoordSeq_getSize_r(gh, cs, &m);
		for (k = 0; k < m; k++)
			if (GEOSCoordSeq_getXY_r(gh, cs, k, &x, &y))
				vtab_get(t, x, y, NULL);
	} else {
		n = GEOSGetNumGeometries_r(gh, geom);
		for (i = 0; i < n; i++)
			add_vertices(gh, GEOSGetGeometryN_r(gh, geom, i), t);
	}
}

static long count_new_vertices(GEOSContextHandle_t gh, const GEOSGeometry *geom,
			       const struct vtab *old)
{
	struct vtab now = { 0 };
	long k = 0;
	size_t i;

	add_vertices(gh, geom, &now);
	for (i = 0; i < now.n; i++)
		if (!vtab_has(old, now.xy[2 * i], now.xy[2 * i + 1]))
			k++;
	vtab_release(&now);
	return k;
}

/* The boundary of poly clipped to env grown by tol: GEOSSnap compares
 * every reference vertex with every segment of its input, so the
 * reference is kept to what can matter. */
static GEOSGeometry *boundary_near(GEOSContextHandle_t gh, const GEOSGeometry *poly,
				   const double env[4], double tol)
{
	GEOSGeometry *b = GEOSBoundary_r(gh, poly), *c;

	if (!b)
		return NULL;
	c = GEOSClipByRect_r(gh, b, env[0] - 2 * tol, env[1] - 2 * tol, env[2] + 2 * tol,
			     env[3] + 2 * tol);
	GEOSGeom_destroy_r(gh, b);
	return c;
}

/* Snap each polygon, in order, to the boundaries of the neighbours already
 * snapped: shared vertices end up identical, and a neighbour's vertex on
 * a segment is inserted into it. */
static int snap_all(struct topo *t, double snap_m)
{
	GEOSContextHandle_t gh = t->gh;
	double ymin = 90, ymax = -90, tol;
	size_t i, j;

	for (i = 0; i < t->n; i++) {
		ymin = fmin(ymin, t->env[i][1]);
		ymax = fmax(ymax, t->env[i][3]);
	}
	/* metres east-west per degree of longitude at the middle latitude */
	tol = snap_m / (111319.49 * cos((ymin + ymax) / 2 * M_PI / 180.0));
	for (i = 1; i < t->n; i++) {
		GEOSGeometry **refs = NULL, *ref, *snapped;
		size_t nref = 0, capref = 0;
		struct vtab old = { 0 };
		char valid;

		for (j = 0; j < i; j++) {
			if (!env_meet(t->env[i], t->env[j], tol))
				continue;
			refs = grow(refs, &capref, nref + 1, sizeof(*refs));
			refs[nref] = boundary_near(gh, t->poly[j], t->env[i], tol);
			if (!refs[nref]) {
				while (nref)
					GEOSGeom_destroy_r(gh, refs[--nref]);
				free(refs);
				return geos_fail(t, _("cannot take a polygon's boundary"));
			}
			nref++;
		}
		if (!nref) {
			free(refs);
			continue;
		}
		ref = GEOSGeom_createCollection_r(gh, GEOS_GEOMETRYCOLLECTION, refs,
						  (unsigned int)nref);
		free(refs);
		if (!ref)
			return geos_fail(t, _("cannot collect boundaries"));
		snapped = GEOSSnap_r(gh, t->poly[i], ref, tol);
		GEOSGeom_destroy_r(gh, ref);
		if (!snapped)
			return geos_fail(t, _("cannot snap polygons"));
		add_vertices(gh, t->poly[i], &old);
		t->res->snapped_vertices += count_new_vertices(gh, snapped, &old);
		vtab_release(&old);
		valid = GEOSisValid_r(gh, snapped);
		if (valid != 1) {
			struct geo_fix fix;
			GEOSGeometry *fixed = geo_polygon_fix(t->g, snapped, 1, &fix, t->e);

			GEOSGeom_destroy_r(gh, snapped);
			if (!fixed)
				return -1;
			snapped = fixed;
		}
		GEOSGeom_destroy_r(gh, t->poly[i]);
		t->poly[i] = snapped;
		envelope(gh, snapped, t->env[i]);
	}
	return 0;
}

/* ---- gaps and overlaps ---- */

struct areas {
	struct geo_topo_area *v;
	size_t n, cap;
};

static int add_area(struct topo *t, struct areas *a, const GEOSGeometry *poly, int pa, int pb)
{
	GEOSContextHandle_t gh = t->gh;
	struct geo_topo_area *r;
	GEOSGeometry *pt;
	double m2;

	if (geo_geod_area(t->g, poly, &m2, t->e) < 0)
		return -1;
	if (m2 < 1e-3)      /* below a square millimetre: arithmetic dust */
		return 0;
	pt = GEOSPointOnSurface_r(gh, poly);
	if (!pt)
		return geos_fail(t, _("cannot find a point inside an area"));
	a->v = grow(a->v, &a->cap, a->n + 1, sizeof(*a->v));
	r = &a->v[a->n++];
	r->area_m2 = m2;
	GEOSGeomGetX_r(gh, pt, &r->lon);
	GEOSGeomGetY_r(gh, pt, &r->lat);
	r->a = pa;
	r->b = pb;
	GEOSGeom_destroy_r(gh, pt);
	return 0;
}

static int area_cmp(const void *x, const void *y)
{
	const struct geo_topo_area *a = x, *b = y;

	if (a->area_m2 != b->area_m2)
		return a->area_m2 > b->area_m2 ? -1 : 1;
	if (a->lon != b->lon)
		return a->lon < b->lon ? -1 : 1;
	return (a->lat > b->lat) - (a->lat < b->lat);
}

/* The holes of the union of all polygons, each with up to two of the
 * polygons around it. */
static int find_gaps(struct topo *t, struct areas *gaps)
{
	GEOSContextHandle_t gh = t->gh;
	GEOSGeometry **clones = calloc(t->n ? t->n : 1, sizeof(*clones)), *coll, *u;
	int i, k, np, nh, rc = 0;
	size_t j;

	if (!clones)
		abort();
	for (j = 0; j < t->n; j++)
		clones[j] = GEOSGeom_clone_r(gh, t->poly[j]);
	coll = GEOSGeom_createCollection_r(gh, GEOS_GEOMETRYCOLLECTION, clones,
					   (unsigned int)t->n);
	free(clones);
	if (!coll)
		return geos_fail(t, _("cannot collect polygons"));
	u = GEOSUnaryUnion_r(gh, coll);
	GEOSGeom_destroy_r(gh, coll);
	if (!u)
		return geos_fail(t, _("cannot union polygons"));
	np = GEOSGetNumGeometries_r(gh, u);
	for (i = 0; i < np && rc == 0; i++) {
		const GEOSGeometry *p = GEOSGetGeometryN_r(gh, u, i);

		if (GEOSGeomTypeId_r(gh, p) != GEOS_POLYGON)
			continue;
		nh = GEOSGetNumInteriorRings_r(gh, p);
		for (k = 0; k < nh && rc == 0; k++) {
			GEOSGeometry *ring = GEOSGeom_clone_r(gh, GEOSGetInteriorRingN_r(gh, p, k));
			GEOSGeometry *hole = ring ? GEOSGeom_createPolygon_r(gh, ring, NULL, 0) : NULL;
			double env[4];
			int near[2] = { -1, -1 }, nn = 0;

			if (!hole) {
				rc = geos_fail(t, _("cannot build a gap polygon"));
				break;
			}
			envelope(gh, hole, env);
			for (j = 0; j < t->n && nn < 2; j++)
				if (env_meet(env, t->env[j], 0) &&
				    GEOSIntersects_r(gh, hole, t->poly[j]) == 1)
					near[nn++] = (int)j;
			rc = add_area(t, gaps, hole, near[0], near[1]);
			GEOSGeom_destroy_r(gh, hole);
		}
	}
	GEOSGeom_destroy_r(gh, u);
	return rc;
}

static int add_polygonal(struct topo *t, struct areas *a, const GEOSGeometry *g, int pa, int pb)
{
	GEOSContextHandle_t gh = t->gh;
	int type = GEOSGeomTypeId_r(gh, g), i, n;

	if (type == GEOS_POLYGON)
		return add_area(t, a, g, pa, pb);
	if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
		n = GEOSGetNumGeometries_r(gh, g);
		for (i = 0; i < n; i++)
			if (add_polygonal(t, a, GEOSGetGeometryN_r(gh, g, i), pa, pb) < 0)
				return -1;
	}
	return 0;
}

/* Areas covered by two polygons: pairwise intersections of neighbours. */
static int find_overlaps(struct topo *t, struct areas *ov)
{
	GEOSContextHandle_t gh = t->gh;
	size_t i, j;

	for (i = 0; i < t->n; i++) {
		const GEOSPreparedGeometry *pi = GEOSPrepare_r(gh, t->poly[i]);

		if (!pi)
			return geos_fail(t, _("cannot prepare a polygon"));
		for (j = i + 1; j < t->n; j++) {
			GEOSGeometry *x;
			char c;

			if (!env_meet(t->env[i], t->env[j], 0))
				continue;
			/* interiors meet: intersects and does not merely touch */
			c = GEOSPreparedIntersects_r(gh, pi, t->poly[j]);
			if (c == 1)
				c = !GEOSPreparedTouches_r(gh, pi, t->poly[j]);
			if (c != 1)
				continue;
			x = GEOSIntersection_r(gh, t->poly[i], t->poly[j]);
			if (!x) {
				GEOSPreparedGeom_destroy_r(gh, pi);
				return geos_fail(t, _("cannot intersect polygons"));
			}
			if (add_polygonal(t, ov, x, (int)i, (int)j) < 0) {
				GEOSGeom_destroy_r(gh, x);
				GEOSPreparedGeom_destroy_r(gh, pi);
				return -1;
			}
			GEOSGeom_destroy_r(gh, x);
		}
		GEOSPreparedGeom_destroy_r(gh, pi);
	}
	return 0;
}

/* ---- noding and labelling ---- */

static int add_parts(struct topo *t)
{
	GEOSContextHandle_t gh = t->gh;
	size_t i;
	int k, n;

	t->tree = GEOSSTRtree_create_r(gh, 10);
	if (!t->tree)
		return geos_fail(t, _("cannot create an index"));
	for (i = 0; i < t->n; i++) {
		n = GEOSGetNumGeometries_r(gh, t->poly[i]);
		for (k = 0; k < n; k++) {
			const GEOSGeometry *p = GEOSGetGeometryN_r(gh, t->poly[i], k);

			if (GEOSGeomTypeId_r(gh, p) != GEOS_POLYGON || GEOSisEmpty_r(gh, p))
				continue;
			t->parts = grow(t->parts, &t->capparts, t->nparts + 1, sizeof(*t->parts));
			t->parts[t->nparts].idx = (int)i;
			t->parts[t->nparts].geom = p;
			t->parts[t->nparts].prep = GEOSPrepare_r(gh, p);
			if (!t->parts[t->nparts].prep)
				return geos_fail(t, _("cannot prepare a polygon"));
			t->nparts++;
		}
	}
	/* insert only once the array stops moving: the tree keeps pointers */
	for (i = 0; i < t->nparts; i++)
		GEOSSTRtree_insert_r(gh, t->tree, t->parts[i].geom, &t->parts[i]);
	return 0;
}

struct probe {
	struct topo *t;
	const GEOSGeometry *pt;
	int found;    /* GEO_TOPO_OUTSIDE, a polygon, or GEO_TOPO_OVERLAP */
};

static void probe_cb(void *item, void *arg)
{
	struct part *p = item;
	struct probe *pr = arg;

	if (pr->found == GEO_TOPO_OVERLAP || pr->found == p->idx)
		return;
	if (GEOSPreparedContains_r(pr->t->gh, p->prep, pr->pt) != 1)
		return;
	pr->found = pr->found == GEO_TOPO_OUTSIDE ? p->idx : GEO_TOPO_OVERLAP;
}

/* Which polygon covers (x, y). */
static int label_at(struct topo *t, double x, double y, int *label)
{
	struct probe pr;
	GEOSGeometry *pt = GEOSGeom_createPointFromXY_r(t->gh, x, y);

	if (!pt)
		return geos_fail(t, _("cannot create a point"));
	pr.t = t;
	pr.pt = pt;
	pr.found = GEO_TOPO_OUTSIDE;
	GEOSSTRtree_query_r(t->gh, t->tree, pt, probe_cb, &pr);
	GEOSGeom_destroy_r(t->gh, pt);
	*label = pr.found;
	return 0;
}

/* Segments of the noded linework, each once. */
static int add_segments(struct topo *t, const GEOSGeometry *lines)
{
	GEOSContextHandle_t gh = t->gh;
	int i, n = GEOSGetNumGeometries_r(gh, lines);
	struct vtab pairs = { 0 };   /* (min, max) vertex pairs seen, as doubles */
	double *buf = NULL;
	size_t capbuf = 0;

	for (i = 0; i < n; i++) {
		const GEOSGeometry *l = GEOSGetGeometryN_r(gh, lines, i);
		const GEOSCoordSequence *cs = GEOSGeom_getCoordSeq_r(gh, l);
		unsigned int m = 0, k;
		size_t prev = 0;

		if (!cs || !GEOSCoordSeq_getSize_r(gh, cs, &m)) {
			free(buf);
			vtab_release(&pairs);
			return geos_fail(t, _("cannot read noded lines"));
		}
		buf = grow(buf, &capbuf, 2 * (size_t)m + 2, sizeof(double));
		if (m && !GEOSCoordSeq_copyToBuffer_r(gh, cs, buf, 0, 0)) {
			free(buf);
			vtab_release(&pairs);
			return geos_fail(t, _("cannot read noded lines"));
		}
		for (k = 0; k < m; k++) {
			size_t v = vtab_get(&t->v, buf[2 * k], buf[2 * k + 1], NULL);
			int added;

			if (k > 0 && v != prev) {
				size_t a = prev < v ? prev : v, b = prev < v ? v : prev;

				vtab_get(&pairs, (double)a, (double)b, &added);
				if (added) {
					t->segs = grow(t->segs, &t->capsegs, t->nsegs + 1, sizeof(*t->segs));
					t->segs[t->nsegs].a = prev;
					t->segs[t->nsegs].b = v;
					t->segs[t->nsegs].used = 0;
					t->nsegs++;
				}
			}
			prev = v;
		}
	}
	free(buf);
	vtab_release(&pairs);
	return 0;
}

static int node_all(struct topo *t)
{
	GEOSContextHandle_t gh = t->gh;
	GEOSGeometry **rings = calloc(t->n ? t->n : 1, sizeof(*rings)), *coll, *noded;
	size_t i;
	int rc;

	if (!rings)
		abort();
	for (i = 0; i < t->n; i++) {
		rings[i] = GEOSBoundary_r(gh, t->poly[i]);
		if (!rings[i]) {
			while (i)
				GEOSGeom_destroy_r(gh, rings[--i]);
			free(rings);
			return geos_fail(t, _("cannot take a polygon's boundary"));
		}
	}
	coll = GEOSGeom_createCollection_r(gh, GEOS_GEOMETRYCOLLECTION, rings, (unsigned int)t->n);
	free(rings);
	if (!coll)
		return geos_fail(t, _("cannot collect boundaries"));
	noded = GEOSUnaryUnion_r(gh, coll);
	GEOSGeom_destroy_r(gh, coll);
	if (!noded)
		return geos_fail(t, _("cannot node the boundaries"));
	rc = add_segments(t, noded);
	GEOSGeom_destroy_r(gh, noded);
	return rc;
}

static int label_segments(struct topo *t)
{
	size_t i;

	for (i = 0; i < t->nsegs; i++) {
		struct seg *s = &t->segs[i];
		double ax = t->v.xy[2 * s->a], ay = t->v.xy[2 * s->a + 1];
		double bx = t->v.xy[2 * s->b], by = t->v.xy[2 * s->b + 1];
		double dx = bx - ax, dy = by - ay, len = hypot(dx, dy);
		/* a hair off the middle: 1e-7° (1 cm) or 1 % of a shorter segment */
		double eps = fmin(1e-7, len * 0.01), nx = -dy / len * eps, ny = dx / len * eps;
		double mx = ax + dx / 2, my = ay + dy / 2;

		if (label_at(t, mx + nx, my + ny, &s->left) < 0 ||
		    label_at(t, mx - nx, my - ny, &s->right) < 0)
			return -1;
		if (s->left == GEO_TOPO_OVERLAP || s->right == GEO_TOPO_OVERLAP ||
		    s->left == s->right)
			t->res->odd_segments++;
	}
	t->res->segments = (long)t->nsegs;
	return 0;
}

static void build_adjacency(struct topo *t)
{
	size_t i, *fill;

	t->adj_off = calloc(t->v.n + 1, sizeof(size_t));
	t->adj = malloc((2 * t->nsegs + 1) * sizeof(size_t));
	fill = calloc(t->v.n + 1, sizeof(size_t));
	if (!t->adj_off || !t->adj || !fill)
		abort();
	for (i = 0; i < t->nsegs; i++) {
		t->adj_off[t->segs[i].a + 1]++;
		t->adj_off[t->segs[i].b + 1]++;
	}
	for (i = 0; i < t->v.n; i++)
		t->adj_off[i + 1] += t->adj_off[i];
	for (i = 0; i < t->nsegs; i++) {
		size_t a = t->segs[i].a, b = t->segs[i].b;

		t->adj[t->adj_off[a] + fill[a]++] = i;
		t->adj[t->adj_off[b] + fill[b]++] = i;
	}
	free(fill);
}

static size_t degree(const struct topo *t, size_t v)
{
	return t->adj_off[v + 1] - t->adj_off[v];
}

static int is_shared(const struct seg *s)
{
	return s->left >= 0 && s->right >= 0 && s->left != s->right;
}

static int same_pair(const struct seg *s, const struct seg *u)
{
	return (s->left == u->left && s->right == u->right) ||
	       (s->left == u->right && s->right == u->left);
}

/* Parties around vertex v: the distinct polygons on the sides of its
 * segments, with the outside and an overlap counting as one each. */
static int parties(const struct topo *t, size_t v)
{
	int seen[8], n = 0, j, q;
	size_t k;

	for (k = t->adj_off[v]; k < t->adj_off[v + 1]; k++) {
		const struct seg *s = &t->segs[t->adj[k]];
		int side[2] = { s->left, s->right };

		for (j = 0; j < 2; j++) {
			for (q = 0; q < n && seen[q] != side[j]; q++)
				;
			if (q == n) {
				if (n == 8)
					return n;
				seen[n++] = side[j];
			}
		}
	}
	return n;
}

/* A vertex where a line must end: a loose end, or one where three or more
 * parties meet (三交点, a division and the outside, an overlap).  Where a
 * ring pinches (two divisions only, four segments) the line goes on. */
static int is_node(const struct topo *t, size_t v)
{
	return degree(t, v) == 1 || parties(t, v) >= 3;
}

/* ---- chaining segments into lines ---- */

struct chain {
	double *xy;
	size_t n, cap;
	size_t first_v, last_v;
	int left, right;
};

static void chain_add(struct chain *c, const struct topo *t, size_t v)
{
	c->xy = grow(c->xy, &c->cap, 2 * (c->n + 1), sizeof(double));
	c->xy[2 * c->n] = t->v.xy[2 * v];
	c->xy[2 * c->n + 1] = t->v.xy[2 * v + 1];
	c->n++;
	c->last_v = v;
}

/* Walk from vertex v along segment si until a node, or back to v.  At a
 * pinch (a vertex with more than two segments of the same two divisions)
 * take an unused segment that keeps the same division on the left. */
static void walk(struct topo *t, size_t v, size_t si, struct chain *c)
{
	size_t cur = v;

	memset(c, 0, sizeof(*c));
	c->first_v = v;
	chain_add(c, t, v);
	for (;;) {
		struct seg *s = &t->segs[si];
		size_t next = s->a == cur ? s->b : s->a, k, pick = SIZE_MAX;

		s->used = 1;
		if (c->n == 1) {
			c->left = s->a == cur ? s->left : s->right;
			c->right = s->a == cur ? s->right : s->left;
		}
		chain_add(c, t, next);
		if (next == v || is_node(t, next))
			return;
		for (k = t->adj_off[next]; k < t->adj_off[next + 1]; k++) {
			const struct seg *u = &t->segs[t->adj[k]];
			int l = u->a == next ? u->left : u->right;

			if (u->used || !is_shared(u) || !same_pair(u, s))
				continue;
			if (l == c->left) {
				pick = t->adj[k];
				break;
			}
		}
		if (pick == SIZE_MAX)
			return;
		si = pick;
		cur = next;
	}
}

static void chain_reverse(struct chain *c)
{
	size_t i, j;
	int side;

	for (i = 0, j = c->n - 1; i < j; i++, j--) {
		double x = c->xy[2 * i], y = c->xy[2 * i + 1];

		c->xy[2 * i] = c->xy[2 * j];
		c->xy[2 * i + 1] = c->xy[2 * j + 1];
		c->xy[2 * j] = x;
		c->xy[2 * j + 1] = y;
	}
	i = c->first_v;
	c->first_v = c->last_v;
	c->last_v = i;
	side = c->left;
	c->left = c->right;
	c->right = side;
}

/* West to east, or north to south when the ends are farther apart that way. */
static void orient(struct chain *c)
{
	double x0 = c->xy[0], y0 = c->xy[1];
	double x1 = c->xy[2 * c->n - 2], y1 = c->xy[2 * c->n - 1];
	double dx = (x1 - x0) * cos((y0 + y1) / 2 * M_PI / 180.0), dy = y1 - y0;

	if (fabs(dy) > fabs(dx) ? dy > 0 : dx < 0)
		chain_reverse(c);
}

/* Make a closed chain start (and end) at its vertex i. */
static void rotate_to(struct chain *c, size_t i)
{
	size_t k, m = c->n - 1;     /* the last vertex repeats the first */
	double *xy;

	if (i == 0)
		return;
	xy = malloc(2 * c->n * sizeof(double));
	if (!xy)
		abort();
	for (k = 0; k < m; k++) {
		xy[2 * k] = c->xy[2 * ((i + k) % m)];
		xy[2 * k + 1] = c->xy[2 * ((i + k) % m) + 1];
	}
	xy[2 * m] = xy[0];
	xy[2 * m + 1] = xy[1];
	free(c->xy);
	c->xy = xy;
	c->cap = 2 * c->n;
}

/* A ring with no node on it: start at its westernmost vertex (then
 * southernmost), and keep the lower-numbered polygon on the left. */
static void orient_ring(struct topo *t, struct chain *c)
{
	size_t i, best = 0, m = c->n - 1;

	for (i = 1; i < m; i++)
		if (c->xy[2 * i] < c->xy[2 * best] ||
		    (c->xy[2 * i] == c->xy[2 * best] && c->xy[2 * i + 1] < c->xy[2 * best + 1]))
			best = i;
	rotate_to(c, best);
	c->first_v = c->last_v = vtab_get(&t->v, c->xy[0], c->xy[1], NULL);
	if (c->left > c->right)
		chain_reverse(c);
}

/* A ring left over where a line of the same two divisions pinches: put it
 * into that line at the pinch, so the line stays one.  0 if spliced. */
static int splice_ring(struct topo *t, struct chain *c)
{
	struct geo_topo_result *r = t->res;
	size_t i, j, k, m = c->n - 1;

	for (i = 0; i < m; i++) {
		size_t v = vtab_get(&t->v, c->xy[2 * i], c->xy[2 * i + 1], NULL);

		if (degree(t, v) <= 2)
			continue;
		for (j = 0; j < r->nlines; j++) {
			struct geo_topo_line *l = &r->lines[j];
			double *xy;

			if (!((l->left == c->left && l->right == c->right) ||
			      (l->left == c->right && l->right == c->left)))
				continue;
			for (k = 0; k < l->n; k++)
				if (l->xy[2 * k] == c->xy[2 * i] && l->xy[2 * k + 1] == c->xy[2 * i + 1])
					break;
			if (k == l->n)
				continue;
			rotate_to(c, i);
			if (c->left != l->left)
				chain_reverse(c);
			xy = malloc(2 * (l->n + m) * sizeof(double));
			if (!xy)
				abort();
			memcpy(xy, l->xy, 2 * (k + 1) * sizeof(double));
			memcpy(xy + 2 * (k + 1), c->xy + 2, 2 * m * sizeof(double));
			memcpy(xy + 2 * (k + 1 + m), l->xy + 2 * (k + 1),
			       2 * (l->n - k - 1) * sizeof(double));
			free(l->xy);
			l->xy = xy;
			l->n += m;
			free(c->xy);
			c->xy = NULL;
			return 0;
		}
	}
	return -1;
}

/* The node for vertex v, made on first use. */
static size_t node_for(struct topo *t, size_t v, size_t *node_of, size_t *cap)
{
	struct geo_topo_result *r = t->res;
	struct geo_topo_node *nd;
	size_t k;

	if (node_of[v] != SIZE_MAX)
		return node_of[v];
	r->nodes = grow(r->nodes, cap, r->nnodes + 1, sizeof(*r->nodes));
	nd = &r->nodes[r->nnodes];
	memset(nd, 0, sizeof(*nd));
	nd->lon = t->v.xy[2 * v];
	nd->lat = t->v.xy[2 * v + 1];
	nd->degree = (int)degree(t, v);
	nd->polys = malloc((2 * degree(t, v) + 1) * sizeof(int));
	if (!nd->polys)
		abort();
	for (k = t->adj_off[v]; k < t->adj_off[v + 1]; k++) {
		const struct seg *s = &t->segs[t->adj[k]];
		int side[2] = { s->left, s->right }, j;
		size_t q;

		for (j = 0; j < 2; j++) {
			if (side[j] == GEO_TOPO_OUTSIDE) {
				nd->outside = 1;
				continue;
			}
			if (side[j] == GEO_TOPO_OVERLAP) {
				nd->overlap = 1;
				continue;
			}
			for (q = 0; q < nd->npolys && nd->polys[q] != side[j]; q++)
				;
			if (q == nd->npolys)
				nd->polys[nd->npolys++] = side[j];
		}
	}
	for (k = 1; k < nd->npolys; k++) {      /* ascending; a handful at most */
		int x = nd->polys[k];
		size_t q = k;

		for (; q > 0 && nd->polys[q - 1] > x; q--)
			nd->polys[q] = nd->polys[q - 1];
		nd->polys[q] = x;
	}
	node_of[v] = r->nnodes;
	return r->nnodes++;
}

static int add_line(struct topo *t, struct chain *c, size_t *node_of, size_t *capnodes,
		    size_t *caplines)
{
	struct geo_topo_result *r = t->res;
	struct geo_topo_line *l;

	r->lines = grow(r->lines, caplines, r->nlines + 1, sizeof(*r->lines));
	l = &r->lines[r->nlines++];
	l->left = c->left;
	l->right = c->right;
	l->xy = c->xy;
	l->n = c->n;
	l->closed = c->first_v == c->last_v;
	l->start_node = node_for(t, c->first_v, node_of, capnodes);
	l->end_node = node_for(t, c->last_v, node_of, capnodes);
	c->xy = NULL;
	return 0;
}

static int chain_all(struct topo *t)
{
	size_t *node_of = malloc((t->v.n + 1) * sizeof(size_t)), capnodes = 0, caplines = 0;
	size_t v, k, i;
	struct chain c;

	if (!node_of)
		abort();
	for (v = 0; v < t->v.n; v++)
		node_of[v] = SIZE_MAX;
	for (v = 0; v < t->v.n; v++) {
		if (!is_node(t, v))
			continue;
		for (k = t->adj_off[v]; k < t->adj_off[v + 1]; k++) {
			size_t si = t->adj[k];

			if (t->segs[si].used || !is_shared(&t->segs[si]))
				continue;
			walk(t, v, si, &c);
			if (c.first_v != c.last_v)
				orient(&c);
			else if (c.left > c.right)
				chain_reverse(&c);   /* a loop from a node: keep the node */
			add_line(t, &c, node_of, &capnodes, &caplines);
		}
	}
	/* what is left are rings: loops at a pinch of a line, or enclaves */
	for (i = 0; i < t->nsegs; i++) {
		if (t->segs[i].used || !is_shared(&t->segs[i]))
			continue;
		walk(t, t->segs[i].a, i, &c);
		if (c.first_v != c.last_v || splice_ring(t, &c) < 0) {
			orient_ring(t, &c);
			add_line(t, &c, node_of, &capnodes, &caplines);
		}
	}
	free(node_of);
	return 0;
}

/* ---- ordering the result ---- */

static int line_cmp(const void *x, const void *y)
{
	const struct geo_topo_line *a = x, *b = y;
	int a0 = a->left < a->right ? a->left : a->right, a1 = a->left ^ a->right ^ a0;
	int b0 = b->left < b->right ? b->left : b->right, b1 = b->left ^ b->right ^ b0;

	if (a0 != b0)
		return a0 < b0 ? -1 : 1;
	if (a1 != b1)
		return a1 < b1 ? -1 : 1;
	if (a->xy[0] != b->xy[0])
		return a->xy[0] < b->xy[0] ? -1 : 1;
	return (a->xy[1] > b->xy[1]) - (a->xy[1] < b->xy[1]);
}

struct node_ord {
	struct geo_topo_node nd;
	size_t old;
};

static int node_cmp(const void *x, const void *y)
{
	const struct node_ord *a = x, *b = y;

	if (a->nd.lon != b->nd.lon)
		return a->nd.lon < b->nd.lon ? -1 : 1;
	return (a->nd.lat > b->nd.lat) - (a->nd.lat < b->nd.lat);
}

static void sort_result(struct geo_topo_result *r)
{
	struct node_ord *ord = malloc((r->nnodes + 1) * sizeof(*ord));
	size_t *where = malloc((r->nnodes + 1) * sizeof(size_t)), i;

	if (!ord || !where)
		abort();
	for (i = 0; i < r->nnodes; i++) {
		ord[i].nd = r->nodes[i];
		ord[i].old = i;
	}
	if (r->nnodes > 1)
		qsort(ord, r->nnodes, sizeof(*ord), node_cmp);
	for (i = 0; i < r->nnodes; i++) {
		r->nodes[i] = ord[i].nd;
		where[ord[i].old] = i;
	}
	for (i = 0; i < r->nlines; i++) {
		r->lines[i].start_node = where[r->lines[i].start_node];
		r->lines[i].end_node = where[r->lines[i].end_node];
	}
	if (r->nlines > 1)
		qsort(r->lines, r->nlines, sizeof(*r->lines), line_cmp);
	free(ord);
	free(where);
}

/* ---- the entry point ---- */

static void topo_release(struct topo *t)
{
	size_t i;

	if (t->tree)
		GEOSSTRtree_destroy_r(t->gh, t->tree);
	for (i = 0; i < t->nparts; i++)
		if (t->parts[i].prep)
			GEOSPreparedGeom_destroy_r(t->gh, t->parts[i].prep);
	free(t->parts);
	for (i = 0; t->poly && i < t->n; i++)
		if (t->poly[i])
			GEOSGeom_destroy_r(t->gh, t->poly[i]);
	free(t->poly);
	free(t->env);
	vtab_release(&t->v);
	free(t->segs);
	free(t->adj_off);
	free(t->adj);
}

static int take_polygons(struct topo *t, const GEOSGeometry *const *polys)
{
	GEOSContextHandle_t gh = t->gh;
	size_t i;

	for (i = 0; i < t->n; i++) {
		int type = GEOSGeomTypeId_r(gh, polys[i]);
		char valid;

		if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON)
			return err_set(t->e, ERR_INPUT, _("polygon %zu: not a Polygon or MultiPolygon"),
				       i + 1);
		if (GEOSisEmpty_r(gh, polys[i]) == 1)
			return err_set(t->e, ERR_INPUT, _("polygon %zu: empty"), i + 1);
		valid = GEOSisValid_r(gh, polys[i]);
		if (valid != 1) {
			char *why = GEOSisValidReason_r(gh, polys[i]);

			err_set(t->e, ERR_INPUT, _("polygon %zu: invalid: %s"), i + 1,
				why ? why : "?");
			GEOSFree_r(gh, why);
			return -1;
		}
		t->poly[i] = GEOSGeom_clone_r(gh, polys[i]);
		if (!t->poly[i])
			return geos_fail(t, _("cannot copy a polygon"));
		envelope(gh, t->poly[i], t->env[i]);
	}
	return 0;
}

int geo_topo_derive(struct geo_ctx *g, const GEOSGeometry *const *polys, size_t n,
		    double snap_m, struct geo_topo_result *res, struct err *e)
{
	struct topo t;
	struct areas gaps = { 0 }, ov = { 0 };
	int rc = -1;

	memset(res, 0, sizeof(*res));
	memset(&t, 0, sizeof(t));
	t.g = g;
	t.gh = g->gh;
	t.e = e;
	t.n = n;
	t.res = res;
	g->geos_msg[0] = '\0';
	t.poly = calloc(n ? n : 1, sizeof(*t.poly));
	t.env = calloc(n ? n : 1, sizeof(*t.env));
	if (!t.poly || !t.env)
		abort();
	if (take_polygons(&t, polys) < 0)
		goto out;
	/* gaps and overlaps of the polygons as given */
	if (find_gaps(&t, &gaps) < 0 || find_overlaps(&t, &ov) < 0)
		goto out;
	if (snap_m > 0 && n > 1) {
		if (snap_all(&t, snap_m) < 0)
			goto out;
	}
	if (res->snapped_vertices) {
		struct areas g2 = { 0 }, o2 = { 0 };

		rc = find_gaps(&t, &g2) < 0 || find_overlaps(&t, &o2) < 0 ? -1 : 0;
		res->gaps_after_snap = g2.n;
		res->overlaps_after_snap = o2.n;
		free(g2.v);
		free(o2.v);
		if (rc < 0)
			goto out;
		rc = -1;
	} else {
		res->gaps_after_snap = gaps.n;
		res->overlaps_after_snap = ov.n;
	}
	if (add_parts(&t) < 0 || node_all(&t) < 0 || label_segments(&t) < 0)
		goto out;
	build_adjacency(&t);
	if (chain_all(&t) < 0)
		goto out;
	sort_result(res);
	if (gaps.n > 1)
		qsort(gaps.v, gaps.n, sizeof(*gaps.v), area_cmp);
	if (ov.n > 1)
		qsort(ov.v, ov.n, sizeof(*ov.v), area_cmp);
	res->gaps = gaps.v;
	res->ngaps = gaps.n;
	res->overlaps = ov.v;
	res->noverlaps = ov.n;
	gaps.v = ov.v = NULL;
	rc = 0;
out:
	free(gaps.v);
	free(ov.v);
	topo_release(&t);
	if (rc < 0)
		geo_topo_result_release(res);
	return rc;
}

void geo_topo_result_release(struct geo_topo_result *res)
{
	size_t i;

	if (!res)
		return;
	for (i = 0; i < res->nlines; i++)
		free(res->lines[i].xy);
	free(res->lines);
	for (i = 0; i < res->nnodes; i++)
		free(res->nodes[i].polys);
	free(res->nodes);
	free(res->gaps);
	free(res->overlaps);
	memset(res, 0, sizeof(*res));
}

int geo_topo_node_is_junction(const struct geo_topo_node *nd)
{
	return nd->npolys + (size_t)(nd->outside != 0) >= 3;
}
