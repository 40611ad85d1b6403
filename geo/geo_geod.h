/* geo_geod.h - geodesic measures on the CGCS2000 ellipsoid: lengths, areas, distances.
 *
 * Everything takes CGCS2000 longitude/latitude in degrees (GEOS x = lon,
 * y = lat, as the registry stores geometries) and returns metres or
 * square metres on the CGCS2000 ellipsoid (a = 6378137, 1/f =
 * 298.257222101, GRS80) through PROJ's <geodesic.h> (Karney's
 * GeographicLib algorithms, accurate to about 15 nm).  Lengths are sums
 * of the geodesic lengths between consecutive vertices, the number
 * `geod -I +ellps=GRS80` gives for each segment; they agree with it to
 * far better than 1 mm per line.
 */
#ifndef DIMING_GEO_GEOD_H
#define DIMING_GEO_GEOD_H

#ifndef GEOS_USE_ONLY_R_API
#define GEOS_USE_ONLY_R_API
#endif
#include <geos_c.h>

#include "common/err.h"
#include "geo/geo_crs.h"

/* Geodesic from (lon1, lat1) to (lon2, lat2): distance *s12 in metres and
 * forward azimuths at both ends in degrees clockwise from north (-180..180].
 * Any output pointer may be NULL. */
void geo_geod_inverse(double lon1, double lat1, double lon2, double lat2,
		      double *s12, double *azi1, double *azi2);

/* Geodesic distance in metres between two points. */
double geo_geod_distance(double lon1, double lat1, double lon2, double lat2);

/* Geodesic length in metres of a LineString, LinearRing or
 * MultiLineString (sum over its parts); 0 for an empty one.
 * Returns 0, or -1 with ERR_INPUT "geometry is a Polygon, not a line"
 * or ERR_GEO if GEOS fails. */
int geo_geod_length(GEOSContextHandle_t gh, const GEOSGeometry *g, double *metres,
		    struct err *e);

/* Geodesic area in square metres of a Polygon or MultiPolygon: each
 * shell minus its holes, whatever the ring orientation; 0 for an empty one.
 * Returns 0, or -1 with ERR_INPUT "geometry is a LineString, not a polygon"
 * or ERR_GEO if GEOS fails. */
int geo_geod_area(GEOSContextHandle_t gh, const GEOSGeometry *g, double *m2,
		  struct err *e);

/* Distance in metres from the point (lon, lat) to a (Multi)LineString.
 * The nearest point of the line (the foot) is found by GEOS in the
 * CGCS2000 3° Gauss-Krüger plane whose zone holds the point (line
 * vertices outside that zone are projected too); the distance is then
 * the geodesic from the point to the foot, so the Gauss-Krüger scale
 * (up to 1.0003 at a zone edge) does not enter it.  The foot can lie off
 * the true geodesic segment by the curvature of a geodesic in the plane,
 * which is below a millimetre for segments of a few kilometres.
 * *foot_lon, *foot_lat (may be NULL) receive the foot.
 * Returns 0, or -1 with ERR_INPUT (not a line, empty, point outside
 * China) or ERR_GEO. */
int geo_geod_point_line_distance(struct geo_crs_cache *cc, GEOSContextHandle_t gh,
				 double lon, double lat, const GEOSGeometry *line,
				 double *metres, double *foot_lon, double *foot_lat,
				 struct err *e);

#endif
