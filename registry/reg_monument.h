/* reg_monument.h - boundary monuments (界桩) and their reference objects (方位物).
 *
 * A monument belongs to one boundary line and is keyed by (boundary_code,
 * number); its id never changes, so histories (inspections, hazards) can
 * hang off it.  Types: Q single (单立); A/B a same-number pair (同号双立);
 * C/D/E a same-number triple (同号三立); a tri-junction flag for the
 * 三面型 monument at a node where three divisions meet.  Members of a
 * group carry their type letter as the last character of their number
 * (GB/T 17796: line code + sequence + type letter), so "…-006A" and
 * "…-006B" are one pair.
 *
 * The position is stored as a CGCS2000 point (EPSG:4490); the coordinates
 * as the 成果表 gave them (x northing / y easting, or lon / lat), the
 * height and the srs are kept verbatim beside it.
 */
#ifndef DIMING_REG_MONUMENT_H
#define DIMING_REG_MONUMENT_H

#include <stddef.h>

#include "common/err.h"
#include "geo/geo.h"
#include "geo/geo_crs.h"
#include "registry/reg.h"
#include "registry/reg_boundary.h"
#include "registry/reg_division.h"

#define REG_MONUMENT_MAX_NUMBER 64
#define REG_MONUMENT_MAX_REFS 5
#define REG_MONUMENT_MIN_REFS 3

/* Tolerance for a single monument off its line: k·√(m_reg² + m_new²)
 * with k = 2 and 1 m for both (boundary-rules.md §3, unconfirmed). */
#define REG_MONUMENT_TOLERANCE_M 2.8284271247461903

struct reg_monument_ref {
	char name[128];
	char azimuth[32];         /* as written */
	double azimuth_deg;       /* 坐标方位角, degrees clockwise from grid north */
	double distance_m;
};

struct reg_monument {
	long long id;
	char boundary_code[REG_BOUNDARY_MAX_CODE];
	char number[REG_MONUMENT_MAX_NUMBER];
	char type;                /* 'Q', 'A'..'E' */
	int tri_junction;
	double lon, lat;          /* CGCS2000 */
	int lonlat;               /* given as lon/lat (x, y hold them) rather than x/y */
	char x[32], y[32];        /* as written: x northing, y easting (or lon, lat) */
	char h_text[32];          /* as written, "" none */
	int has_h;
	double h;
	char srs[64];             /* as written, or as detected ("EPSG:4525") */
	double precision_m;       /* NAN: not given */
	char material[256];       /* material and shape: "花岗岩 双面型" */
	char managing_party[256]; /* 管护单位 */
	int nref;
	struct reg_monument_ref ref[REG_MONUMENT_MAX_REFS];
	/* Filled by reg_monument_list only (NAN otherwise): */
	double along_m;           /* geodesic length from the line's start to the foot */
	double distance_to_line_m;
	int side;                 /* +1 left, -1 right, 0 on the line */
};

/* 1 for Q, A, B, C, D, E. */
int reg_monument_type_valid(char type);
/* "单立", "同号双立", "同号三立" for a type letter. */
const char *reg_monument_type_label(char type);

/* The group a number belongs to: the number without its final letter
 * when that letter is the type (A-E, and Q) and follows a digit
 * ("445303-445322-006A" -> "445303-445322-006"), else the whole number. */
void reg_monument_group_key(const char *number, char type,
			    char out[REG_MONUMENT_MAX_NUMBER]);

/* Provincial numbers (GB/T 17796): 8 characters, the line's 4-digit code,
 * a 3-digit sequence, the type letter.  Returns 0, or -1 with ERR_INPUT
 * and why ("'4445001' is not a provincial monument number (4-digit line
 * code, 3-digit sequence, type letter: 8 characters)", "line code '1253'
 * of '12530010Q' is not the line's code '4445'", "type letter 'A' of
 * '4445001A' is not its type 'Q'"). */
int reg_monument_number_check_provincial(const char *number, char type,
					 const char *line_code, struct err *e);

/* Look up monument number on line boundary_code (NULL: on any line).
 * Returns how many match (0, 1, or more when the number is on several
 * lines), filling m with the first by line code; -1 on error. */
int reg_monument_get(struct reg *r, const char *boundary_code, const char *number,
		     struct reg_monument *m, struct err *e);

/* Walk the monuments of a line (NULL: all) by id; fn returns non-zero to
 * stop.  The struct is only valid during the call. */
int reg_monument_each(struct reg *r, const char *boundary_code,
		      int (*fn)(const struct reg_monument *, void *), void *arg,
		      struct err *e);

/* The monuments of a line ordered along it from its start (linear
 * referencing; a pair at one place by number), with along_m,
 * distance_to_line_m and side.  *out is malloc'd (free it), *n its count.
 * ERR_NOT_FOUND "no boundary line with code '…'". */
int reg_monument_list(struct reg *r, struct geo_ctx *g, struct geo_crs_cache *cc,
		      const char *boundary_code, struct reg_monument **out, size_t *n,
		      struct err *e);

/* The number of monuments on a line into *n. */
int reg_monument_count(struct reg *r, const char *boundary_code, long *n, struct err *e);

/* A prepared writer for imports; free with reg_monument_writer_free. */
struct reg_monument_writer;

struct reg_monument_writer *reg_monument_writer_new(struct reg *r, struct err *e);
void reg_monument_writer_free(struct reg_monument_writer *w);

/* Insert m (boundary_code, number, type, position, ...; id ignored).
 * When (boundary_code, number) exists: the same -> REG_PUT_UNCHANGED;
 * differs and update -> rewritten in place (id kept), REG_PUT_UPDATED;
 * differs -> REG_PUT_CONFLICT with the first differing field in diff
 * (32 bytes), nothing written.  *id (may be NULL) receives the id. */
int reg_monument_put(struct reg_monument_writer *w, const struct reg_monument *m,
		     int update, enum reg_put_outcome *out, char diff[32],
		     long long *id, struct err *e);

#endif
