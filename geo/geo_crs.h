/* geo_crs.h - coordinate reference systems: CGCS2000 storage, Gauss-Krüger zones, old datums.
 *
 * The registry stores every point as CGCS2000 longitude/latitude
 * (EPSG:4490).  This module turns what surveyors hand in into that, and
 * back: lon/lat in EPSG:4490 or EPSG:4326, Gauss-Krüger coordinates in the
 * CGCS2000 3° and 6° zones, and the same in Xi'an 1980 and Beijing 1954.
 * It refuses coordinates that cannot be right (zone prefix against the
 * declared zone, swapped X/Y, a point outside its zone or outside China)
 * with a message the caller prefixes with "FILE:LINE: ".
 *
 * Axis conventions (whatever order the EPSG definition has):
 *   geographic CRS:  a = longitude, b = latitude, in degrees;
 *   projected CRS:   a = x = northing, b = y = easting, in metres,
 *                    as Chinese 成果表 print them (X 7 digits, Y with the
 *                    2-digit zone prefix where the CRS has one).
 * Internally every PROJ operation goes through
 * proj_normalize_for_visualization().
 *
 * CGCS2000 Gauss-Krüger codes, checked against proj.db (PROJ 9.1.1) for
 * every code: lon_0 and x_0 of all 192 codes follow these rules.
 *   6° zones 13–23, CM = 6·zone − 3:  EPSG:4491–4501 (x_0 = zone·10⁶ + 500000)
 *                                     EPSG:4502–4512 (x_0 = 500000)
 *   3° zones 25–45, CM = 3·zone:      EPSG:4513–4533 (x_0 = zone·10⁶ + 500000)
 *                                     EPSG:4534–4554 (x_0 = 500000)
 *   Xi'an 1980 (EPSG:4610):   6° 2327–2337 / 2338–2348, 3° 2349–2369 / 2370–2390
 *   Beijing 1954 (EPSG:4214): 3° 2401–2421 / 2422–2442, 6° 21413–21423 / 21453–21463
 *                             (21473–21483 are deprecated duplicates of 21453–21463)
 * So 4525 is 3° zone 37 (CM 111°E) and 4526 zone 38 (CM 114°E).
 *
 * Datums: PROJ 9.1 has no transformation (no grid, no parameters) from
 * Xi'an 1980 or Beijing 1954 to CGCS2000; it applies a "ballpark" null
 * shift, keeping latitude and longitude and changing only the ellipsoid.
 * The true datum shift is tens of metres (Beijing 1954 map sheets move
 * by about −29…−62 m in X and −56…+84 m in Y), so such points come back
 * with a caveat in geo_crs_info.  WGS 84 is taken as equal to CGCS2000,
 * as PROJ does (a null shift, no caveat): CGCS2000 is fixed at epoch
 * 2000.0, so today's WGS 84 positions differ from it by the plate motion
 * since then, decimetres up to about a metre.
 */
#ifndef DIMING_GEO_CRS_H
#define DIMING_GEO_CRS_H

#include <stddef.h>

#include "common/err.h"
#include "geo/geo.h"

#define GEO_SRS_CGCS2000 "EPSG:4490"

/* China's extent, degrees: points outside are refused. */
#define GEO_CHINA_LON_MIN 73.0
#define GEO_CHINA_LON_MAX 136.0
#define GEO_CHINA_LAT_MIN 3.0
#define GEO_CHINA_LAT_MAX 54.0

/* How far past its zone edge (±1.5° or ±3° from the CM) a point may lie.
 * 0.01° (about 1 km east–west) absorbs rounding and monuments set right
 * on a zone border, which surveyors may give in either zone; a point
 * farther out is almost always a wrong zone. */
#define GEO_GK_ZONE_SLACK_DEG 0.01

/* Per-context cache of PROJ transformations, one per source/target srs
 * (creating one costs ~5 ms; converting a point with it ~1 µs). */
struct geo_crs_cache;

/* Create a cache on g's PROJ context; g must outlive it and stay on one
 * thread.  Returns NULL with ERR_NOMEM or ERR_GEO (proj.db unusable). */
struct geo_crs_cache *geo_crs_cache_new(struct geo_ctx *g, struct err *e);
/* Free the cache and its PROJ objects; NULL is a no-op. */
void geo_crs_cache_free(struct geo_crs_cache *cc);

/* Where input coordinates come from.  Give srs (like GDAL's --s-srs:
 * "EPSG:4525", a PROJ string or WKT), or a zone, or neither:
 *   zone (+ zone_width 3|6, optional: 13–23 are 6°, 25–45 are 3°):
 *       CGCS2000 Gauss-Krüger; the prefixed or plain code is chosen from y;
 *   neither: an 8-digit y whose prefix is 13–23 (6°) or 25–45 (3°) with a
 *       7-digit x is Gauss-Krüger in that zone, anything else lon/lat in
 *       EPSG:4490.
 * srs and zone together must agree. */
struct geo_crs_in {
	const char *srs;
	int zone;
	int zone_width;
};
#define GEO_CRS_IN_INIT { NULL, 0, 0 }

enum geo_crs_kind {
	GEO_CRS_GEOGRAPHIC = 1,
	GEO_CRS_PROJECTED
};

enum geo_datum {
	GEO_DATUM_OTHER = 0,
	GEO_DATUM_CGCS2000,
	GEO_DATUM_WGS84,
	GEO_DATUM_XIAN80,
	GEO_DATUM_BEIJING54
};

/* Gauss-Krüger parameters of a CRS; all zero if it is not Gauss-Krüger
 * (transverse Mercator, k = 1, CM on a multiple of 3°). */
struct geo_gk {
	int zone;     /* 13–23 (6°) or 25–45 (3°); 0 if the width is unknown */
	int width;    /* 3 or 6; 0 if unknown (plain CM on an odd multiple of 3°) */
	int prefixed; /* 1 if the false easting carries the zone number */
	double cm;    /* central meridian, degrees east */
};

/* What a conversion used; filled by geo_crs_to_cgcs / geo_crs_from_cgcs. */
struct geo_crs_info {
	enum geo_crs_kind kind;
	enum geo_datum datum;
	int epsg;          /* 0 if the srs has no EPSG id */
	char srs[64];      /* "EPSG:4525", the srs as given, or a long WKT's 'name' */
	char name[128];    /* "CGCS2000 / 3-degree Gauss-Kruger zone 37" */
	struct geo_gk gk;
	int caveat;        /* 1: the datum is not CGCS2000 and the result is approximate */
	char caveat_msg[320];
};

/* Convert one point given as (a, b) in the system in describes (see the
 * axis conventions above) to CGCS2000 *lon, *lat.  info (may be NULL)
 * receives the resolved source system and any datum caveat.
 * Returns 0, or -1 with ERR_INPUT and one of these messages (a and b as
 * given, lon/lat fields for geographic input, x/y for projected):
 *   "field 'y': zone prefix 39 disagrees with zone 38 of EPSG:4526: '39434567.975'"
 *   "field 'x': has 8 digits, x and y look swapped (x is the northing, 7 digits in China): '…'"
 *   "field 'y': point at 113.912°E lies outside zone 37 (111°E ±1.5°) of EPSG:4525: '…'"
 *   "fields 'lon' 'lat': point lies outside China (lon 73..136, lat 3..54): '…' '…'"
 * and a few more (unknown srs, zone numbers, no prefix where one is due);
 * ERR_GEO if PROJ fails. */
int geo_crs_to_cgcs(struct geo_crs_cache *cc, const struct geo_crs_in *in,
		    double a, double b, double *lon, double *lat,
		    struct geo_crs_info *info, struct err *e);

/* Convert CGCS2000 lon, lat to t_srs (NULL means EPSG:4490) as (*a, *b)
 * with the axis conventions above.  Refuses, like geo_crs_to_cgcs, a
 * point outside China or outside the Gauss-Krüger zone of t_srs (fields
 * 'lon' 'lat').  info may be NULL.  Returns 0 or -1 (ERR_INPUT, ERR_GEO). */
int geo_crs_from_cgcs(struct geo_crs_cache *cc, const char *t_srs,
		      double lon, double lat, double *a, double *b,
		      struct geo_crs_info *info, struct err *e);

/* Resolve srs without converting a point: kind, datum, zone, caveat (the
 * caveat is set for a foreign datum).  Returns 0 or -1 with ERR_INPUT
 * "srs 'EPSG:99999': not a coordinate reference system known to PROJ". */
int geo_crs_describe(struct geo_crs_cache *cc, const char *srs,
		     struct geo_crs_info *info, struct err *e);

/* Transform n coordinates in place between CGCS2000 lon/lat and srs,
 * without any of the checks above (for whole geometries, whose vertices
 * may leave a zone).  Unlike the point functions this keeps GIS order,
 * as GEOS wants it: x = easting or longitude, y = northing or latitude.
 * to_cgcs = 1 goes srs -> CGCS2000, 0 CGCS2000 -> srs.
 * Returns 0, or -1 with ERR_INPUT (srs) or ERR_GEO naming the first
 * coordinate PROJ could not transform. */
int geo_crs_trans_xy(struct geo_crs_cache *cc, const char *srs, int to_cgcs,
		     double *x, double *y, size_t n, struct err *e);

/* Zone number of lon in the given width (3 or 6): 3° zone n spans
 * 3n ± 1.5°, 6° zone n spans 6n − 6 .. 6n.  0 for a bad width. */
int geo_gk_zone_for_lon(double lon, int width);

/* Central meridian of a zone, or NAN for a zone number CGCS2000 does not
 * define (3°: 25–45, 6°: 13–23). */
double geo_gk_cm(int zone, int width);

/* EPSG code of the CGCS2000 Gauss-Krüger CRS for zone and width, with the
 * zone prefix in the easting (prefixed = 1) or without; 0 if undefined. */
int geo_gk_epsg(int zone, int width, int prefixed);

/* Gauss-Krüger parameters of a CGCS2000, Xi'an 1980 or Beijing 1954
 * Gauss-Krüger EPSG code, from the table above.  Returns the datum, or
 * GEO_DATUM_OTHER (gk zeroed) for any other code. */
enum geo_datum geo_gk_from_epsg(int epsg, struct geo_gk *gk);

/* Zone prefix of an 8-digit easting (10⁷ ≤ y < 10⁸): the zone number, and
 * in *width 6 for 13–23 or 3 for 25–45, 0 for other prefixes.  Returns 0
 * if y has no prefix. */
int geo_gk_prefix(double y, int *width);

/* 1 if lon, lat lies inside China's extent (GEO_CHINA_*). */
int geo_china_contains(double lon, double lat);

#endif
