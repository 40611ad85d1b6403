/* reg_boundary.h - administrative boundary lines (行政区域界线) and their end nodes.
 *
 * A line separates two divisions: left_code on the left and right_code on
 * the right when walking it from start to end.  It has a code (derived
 * lines: the two division codes, smaller first, "445303-445322"), a name
 * ("云安区—郁南县线"), a level (province, city, county, town), the
 * agreement (协议书) and approval date, and the date of its last joint
 * inspection.  Its geometry is stored as a MULTILINESTRING in EPSG:4490
 * (a LineString becomes a one-part MultiLineString, as divisions store
 * MULTIPOLYGON).  Its ends are nodes shared with the lines that meet
 * there: a node is one exact lon/lat, with the divisions meeting at it
 * (三交点) and whether the outside (a division not in the registry, the
 * sea) does.  Monuments are reg_monument.h's.
 */
#ifndef DIMING_REG_BOUNDARY_H
#define DIMING_REG_BOUNDARY_H

#include <stddef.h>

#include "common/err.h"
#include "geo/geo.h"
#include "geo/geo_topo.h"
#include "registry/reg.h"
#include "registry/reg_division.h"

#define REG_BOUNDARY_MAX_CODE 64
#define REG_NODE_MAX_DIVISIONS 8

struct reg_boundary_node {
	long long id;                 /* 0: none */
	double lon, lat;
	char divisions[REG_NODE_MAX_DIVISIONS][13];   /* normalised, ascending */
	int ndivisions;
	int outside;                  /* the outside meets here too */
	int lines;                    /* registered lines ending here (read only) */
};

struct reg_boundary {
	long long id;
	char code[REG_BOUNDARY_MAX_CODE];
	char name[REG_MAX_NAME];
	enum reg_level level;         /* province, city, county or town */
	char left_code[13], right_code[13];   /* normalised */
	char left_name[REG_MAX_NAME], right_name[REG_MAX_NAME];  /* read only */
	char agreement[256];          /* 协议书 reference, "" none */
	char approved[11];            /* YYYY-MM-DD, "" unknown */
	char last_inspected[11];      /* YYYY-MM-DD, "" never */
	int derived;                  /* made by `boundary derive` */
	double length_m;              /* geodesic (geo_geod); NAN when not measured */
	long monuments;               /* read only */
	struct reg_boundary_node start, end;
};

/* 1 if code can be a line code: 1..63 bytes of letters, digits, '-', '_',
 * '.', '/'. */
int reg_boundary_code_valid(const char *code);

/* Code and name of a line derived between divisions a and b (normalised
 * codes, with their names): "445303-445322", "云安区—郁南县线", the
 * smaller code first.  piece > 0 numbers one of several lines between the
 * same two divisions: "445303-445322-2", "云安区—郁南县线（2）". */
void reg_boundary_pair_code(const char a[13], const char b[13], int piece,
			    char code[REG_BOUNDARY_MAX_CODE]);
void reg_boundary_pair_name(const char *name_a, const char *name_b, int piece,
			    char name[REG_MAX_NAME]);

/* Look up a line by code.  With g, length_m is measured and, with geom
 * (may be NULL), *geom receives its geometry (a MultiLineString, the
 * caller destroys it).  Returns 1 found, 0 not found, -1 on error. */
int reg_boundary_get(struct reg *r, struct geo_ctx *g, const char *code,
		     struct reg_boundary *b, GEOSGeometry **geom, struct err *e);

/* Walk lines ordered by code; division (any code form, or NULL for all)
 * keeps the lines with that division or one under it on either side.
 * With g, length_m is measured and geom is passed to fn (owned by the
 * walk, valid during the call); without, geom is NULL.  fn returns
 * non-zero to stop. */
int reg_boundary_each(struct reg *r, struct geo_ctx *g, const char *division,
		      int (*fn)(const struct reg_boundary *, const GEOSGeometry *, void *),
		      void *arg, struct err *e);

/* How reg_boundary_put treats a line whose code is registered. */
enum reg_boundary_mode {
	REG_BOUNDARY_IMPORT,   /* compare every attribute the caller gives and the geometry */
	REG_BOUNDARY_DERIVE    /* compare only geometry and sides; keep the rest */
};

/* Insert line b with geometry geom (LineString or MultiLineString,
 * lon/lat; stored as MultiLineString).  Its start and end nodes are the
 * first vertex of the first part and the last of the last; b->start and
 * b->end give what is known of them (divisions, outside; the line's own
 * two divisions are always added).  When the code exists:
 *   the same -> REG_PUT_UNCHANGED (its nodes still learn the divisions
 *   and outside given in b->start, b->end);
 *   differs and update -> rewritten in place (the id stays), REG_PUT_UPDATED;
 *   differs -> REG_PUT_CONFLICT, nothing written, and what differs (the
 *   first field: "geometry", "left_code", "name", ...) in diff (32 bytes).
 * Divisions must exist (ERR_INPUT "division '445399' does not exist"). */
int reg_boundary_put(struct reg *r, struct geo_ctx *g, const struct reg_boundary *b,
		     const GEOSGeometry *geom, enum reg_boundary_mode mode, int update,
		     enum reg_put_outcome *out, char diff[32], struct err *e);

/* Record a joint inspection: set last_inspected to date (YYYY-MM-DD)
 * unless it already is later.  ERR_NOT_FOUND "no boundary line with code
 * '…'". */
int reg_boundary_set_last_inspected(struct reg *r, const char *code, const char *date,
				    struct err *e);

/* The polygons boundary lines are derived from: divisions with geometry
 * at level whose code lies under within (any code form, NULL for all),
 * ordered by code. */
struct reg_boundary_source {
	char code[13];
	char name[REG_MAX_NAME];
	GEOSGeometry *geom;           /* MultiPolygon, owned */
};

/* Fill *out (free with reg_boundary_sources_free) with n sources. */
int reg_boundary_sources(struct reg *r, struct geo_ctx *g, enum reg_level level,
			 const char *within, struct reg_boundary_source **out, size_t *n,
			 struct err *e);
void reg_boundary_sources_free(struct geo_ctx *g, struct reg_boundary_source *s, size_t n);

/* What reg_boundary_derive found and did. */
struct reg_boundary_derived {
	struct reg_boundary_source *src;  /* the divisions, indexed by topo's indices */
	size_t nsrc;
	struct geo_topo_result topo;      /* lines, nodes, gaps, overlaps */
	/* per line of topo.lines: */
	char (*code)[REG_BOUNDARY_MAX_CODE];
	char (*name)[REG_MAX_NAME];
	double *length_m;                 /* geodesic */
	enum reg_put_outcome *outcome;    /* when written */
	char (*diff)[32];                 /* for REG_PUT_CONFLICT */
	long count[4];                    /* by enum reg_put_outcome */
};

/* Derive the lines between the divisions at level under within (NULL:
 * all) from their polygons (geo_topo_derive with snap_m) and, with write,
 * store each with reg_boundary_put (REG_BOUNDARY_DERIVE; update as
 * there), inside the caller's transaction.  Conflicts are counted in
 * d->count[REG_PUT_CONFLICT], not errors: the caller rolls back.
 * Returns 0, or -1 with ERR_INPUT "fewer than two county divisions with
 * polygons" and the errors of the functions named.  Release d with
 * reg_boundary_derived_release, also after an error. */
int reg_boundary_derive(struct reg *r, struct geo_ctx *g, enum reg_level level,
			const char *within, double snap_m, int write, int update,
			struct reg_boundary_derived *d, struct err *e);
void reg_boundary_derived_release(struct geo_ctx *g, struct reg_boundary_derived *d);

#endif
