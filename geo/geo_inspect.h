/* geo_inspect.h - the measures a joint inspection (联检) takes on monuments and lines.
 *
 * Pure geometry for registry/reg_inspect.c: how far a resurveyed monument
 * lies from its registered position, in the plane of its Gauss-Krüger
 * zone; the tolerance that displacement is judged against; the distance
 * from a point to a line, the side of the line it lies on and how far
 * along the line its foot is (linear referencing, for the numbering
 * check); whether line ends meet at one node; and the 坐标方位角 and
 * distance of a reference object (方位物), in degrees and minutes.
 * Nothing here knows about the registry or about verdicts.
 *
 * Points are CGCS2000 longitude/latitude (EPSG:4490) in degrees.  "The
 * plane" is a CGCS2000 Gauss-Krüger CRS without zone prefix (EPSG:4502–
 * 4512, 4534–4554): differences of coordinates do not depend on the prefix.
 */
#ifndef DIMING_GEO_INSPECT_H
#define DIMING_GEO_INSPECT_H

#include <stddef.h>

#include "common/err.h"
#include "geo/geo.h"
#include "geo/geo_crs.h"

/* Defaults of the displacement tolerance k·√(m_reg² + m_new²): 2× the
 * mean-square error (中误差) is the Chinese surveying convention for a
 * 限差; 1.0 m for a registered monument and 0.05 m for an RTK resurvey
 * are unconfirmed defaults (boundary-rules.md §2.6, §3). */
#define GEO_INSPECT_K 2.0
#define GEO_INSPECT_M_REG 1.0
#define GEO_INSPECT_M_NEW 0.05

/* k·√(m_reg² + m_new²) in metres. */
double geo_inspect_tolerance(double k, double m_reg, double m_new);

/* The plane a monument is measured in, as "EPSG:n" in out (16 bytes):
 * the zone (3° or 6°) of reg_srs when that is a CGCS2000, Xi'an 1980 or
 * Beijing 1954 Gauss-Krüger EPSG code, otherwise the 3° zone holding lon.
 * Never fails: every longitude in China has a 3° zone. */
void geo_inspect_plane(const char *reg_srs, double lon, char out[16]);

/* Planimetric displacement from (lon0, lat0) to (lon1, lat1) in the plane
 * srs (from geo_inspect_plane): *dn northward and *de eastward in metres,
 * *d = √(dn² + de²).  Any output may be NULL.  Returns 0, or -1 with
 * ERR_INPUT (unknown srs) or ERR_GEO. */
int geo_inspect_displacement(struct geo_crs_cache *cc, const char *srs,
			     double lon0, double lat0, double lon1, double lat1,
			     double *dn, double *de, double *d, struct err *e);

/* A line made ready for many point queries: its vertices, the geodesic
 * length from the start to each vertex, and its projection into each
 * Gauss-Krüger plane a query needs (made on first use, kept).  Parts of
 * a MultiLineString follow each other in their stored order; the
 * measure runs on from one part to the next without the gap between
 * them. */
struct geo_inspect_line;

/* Build from a LineString or MultiLineString (copied; the geometry is not
 * kept).  NULL with ERR_INPUT ("geometry is a Polygon, not a line", "the
 * line is empty") or ERR_GEO.  Free with geo_inspect_line_free. */
struct geo_inspect_line *geo_inspect_line_new(struct geo_ctx *g, const GEOSGeometry *line,
					      struct err *e);
/* The same from n lon/lat vertices: one part (part_end NULL), or nparts
 * parts, part i ending before vertex part_end[i] (each part >= 2
 * vertices).  NULL with ERR_INPUT "the line is empty" or ERR_NOMEM. */
struct geo_inspect_line *geo_inspect_line_from_xy(const double *lon, const double *lat,
						  size_t n, const size_t *part_end, size_t nparts,
						  struct err *e);
void geo_inspect_line_free(struct geo_inspect_line *l);

/* The vertices (owned by l): n lon/lat pairs in nparts parts. */
void geo_inspect_line_vertices(const struct geo_inspect_line *l, const double **lon,
			       const double **lat, size_t *n, const size_t **part_end,
			       size_t *nparts);

/* Geodesic length in metres (the sum over parts). */
double geo_inspect_line_length(const struct geo_inspect_line *l);
/* The first vertex of the first part and the last vertex of the last
 * part: the line's end nodes. */
void geo_inspect_line_ends(const struct geo_inspect_line *l, double *lon0, double *lat0,
			   double *lon1, double *lat1);

/* Where a point lies with respect to a line. */
struct geo_inspect_loc {
	double distance_m;  /* geodesic distance to the foot */
	double measure_m;   /* geodesic length along the line from its start to the foot */
	int side;           /* +1 left, -1 right of the line's direction, 0 within 1 mm */
	double foot_lon, foot_lat;
};

/* Locate (lon, lat) on l.  The foot (nearest point) is found in the 3°
 * Gauss-Krüger plane whose zone holds the point, as
 * geo_geod_point_line_distance does, so both give the same distance.
 * Where the foot is a vertex joining two segments the side is that of the
 * wedge the point lies in.  Returns 0, or -1 with ERR_INPUT (point outside
 * China) or ERR_GEO. */
int geo_inspect_line_locate(struct geo_inspect_line *l, struct geo_crs_cache *cc,
			    double lon, double lat, struct geo_inspect_loc *loc,
			    struct err *e);

/* Node coincidence: of the n nodes (lon[i], lat[i]), how many are exactly
 * (bit for bit) at (lon0, lat0) -> *exact, and how many are not exactly
 * there but within snap_m metres -> *near.  Lines that meet at a
 * tri-junction (三交点) must share one identical node; a near miss is a
 * gap or overlap. */
void geo_inspect_nodes_at(const double *lon, const double *lat, size_t n,
			  double lon0, double lat0, double snap_m, size_t *exact, size_t *near);

/* The 坐标方位角 (grid azimuth: clockwise from grid north of the plane
 * srs, 0 <= a < 360) and the geodesic distance in metres from the
 * monument (lon0, lat0) to a reference object (lon1, lat1).  Returns 0,
 * or -1 as geo_inspect_displacement. */
int geo_inspect_bearing(struct geo_crs_cache *cc, const char *srs, double lon0, double lat0,
			double lon1, double lat1, double *azimuth_deg, double *distance_m,
			struct err *e);

/* The point at grid azimuth a (degrees) and distance d (metres, in the
 * plane) from (lon0, lat0): where a 方位物 recorded as "227°10′, 35.2 m"
 * stands.  Returns 0 or -1 as geo_inspect_displacement. */
int geo_inspect_polar(struct geo_crs_cache *cc, const char *srs, double lon0, double lat0,
		      double azimuth_deg, double distance_m, double *lon1, double *lat1,
		      struct err *e);

/* Smallest angle between two azimuths in degrees, 0..180. */
double geo_azimuth_diff(double a, double b);

/* Parse an azimuth as 登记表 write it: degrees and minutes ("227°10′",
 * "227°10'", "227°10′30″", "227-10", "227 10", "227d10m") or decimal
 * degrees ("227.1667").  Returns 0 with *deg in [0, 360), or -1 with
 * ERR_INPUT "not an azimuth (degrees and minutes as 227°10′, or decimal
 * degrees): '…'". */
int geo_dm_parse(const char *s, double *deg, struct err *e);

/* Format an azimuth rounded to the minute, "227°10′" (out: 24 bytes). */
void geo_dm_format(double deg, char out[24]);

#endif
