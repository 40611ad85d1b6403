/* geo_topo.h - boundary lines from division polygons: shared edges, nodes (三交点), gaps, overlaps.
 *
 * Given the polygons of neighbouring divisions (CGCS2000 lon/lat), find
 * every maximal edge two of them share.  Each becomes one line with the
 * division on its left and the one on its right; it ends at nodes where
 * three or more divisions meet, or two divisions and the outside (any
 * place no input polygon covers).  Gaps between the polygons and overlaps
 * between them are measured and returned, never smoothed away: the lines
 * simply stop where the polygons stop agreeing.
 *
 * Method: optional snapping of each polygon to its already-snapped
 * neighbours (GEOSSnap, tolerance in metres), noding of all rings
 * together (GEOSUnaryUnion of the linework), then for each noded segment
 * the polygons on its left and right (STRtree of prepared polygons,
 * a point a hair off the segment's middle); segments with the same
 * division on each side are chained through vertices where nothing else
 * meets, and split at vertices where three or more segments meet.
 * Nothing here touches the registry: codes and names are the caller's.
 */
#ifndef DIMING_GEO_TOPO_H
#define DIMING_GEO_TOPO_H

#include <stddef.h>

#include "common/err.h"
#include "geo/geo.h"

/* A side of a segment that no input polygon covers, and one that more
 * than one covers (an overlap). */
#define GEO_TOPO_OUTSIDE (-1)
#define GEO_TOPO_OVERLAP (-2)

struct geo_topo_line {
	int left, right;          /* input indices of the divisions on each side */
	double *xy;               /* n vertices as lon, lat pairs, start to end */
	size_t n;
	size_t start_node, end_node;  /* indices into geo_topo_result.nodes */
	int closed;               /* a ring (an enclave's whole boundary) */
};

struct geo_topo_node {
	double lon, lat;
	int *polys;               /* input indices of the divisions meeting here, ascending */
	size_t npolys;
	int outside;              /* the outside meets here too */
	int overlap;              /* an overlap between polygons touches here */
	int degree;               /* noded boundary segments meeting here */
};

/* A gap (a hole in the union of the polygons) or an overlap (area covered
 * by two polygons). */
struct geo_topo_area {
	double area_m2;           /* geodesic, CGCS2000 */
	double lon, lat;          /* a point inside it */
	int a, b;                 /* overlap: the two polygons; gap: up to two of the
				     polygons around it (-1 when fewer) */
};

struct geo_topo_result {
	struct geo_topo_line *lines;   /* by (left,right) pair in input order, then W->E */
	size_t nlines;
	struct geo_topo_node *nodes;   /* the ends of the lines, by lon then lat */
	size_t nnodes;
	struct geo_topo_area *gaps;    /* in the polygons as given, largest first */
	size_t ngaps;
	struct geo_topo_area *overlaps;
	size_t noverlaps;
	long snapped_vertices;    /* vertices moved or added by snapping */
	size_t gaps_after_snap;   /* what is left once snapped (= ngaps without snapping) */
	size_t overlaps_after_snap;
	long segments;            /* noded boundary segments */
	long odd_segments;        /* segments with an overlap on a side, or the
				     same polygon on both sides */
};

/* Derive lines from n polygons (Polygon or MultiPolygon, valid, lon/lat,
 * not consumed).  snap_m <= 0 turns snapping off; otherwise vertices
 * closer than snap_m metres (measured east-west at the extent's middle
 * latitude) are snapped together.
 *
 * Lines run west to east, or north to south when they run more that way
 * (between their ends), as monument numbers do (GB/T 17796); left and
 * right follow from that direction.  A closed line starts at its
 * westernmost vertex.
 *
 * Returns 0 with res filled (free with geo_topo_result_release), or -1
 * with ERR_INPUT (a geometry that is not a valid polygon, named by its
 * index) or ERR_GEO (GEOS failed). */
int geo_topo_derive(struct geo_ctx *g, const GEOSGeometry *const *polys, size_t n,
		    double snap_m, struct geo_topo_result *res, struct err *e);

void geo_topo_result_release(struct geo_topo_result *res);

/* 1 if the node is a junction (三交点): three or more divisions, counting
 * the outside as one. */
int geo_topo_node_is_junction(const struct geo_topo_node *nd);

#endif
