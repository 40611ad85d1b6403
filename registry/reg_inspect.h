/* reg_inspect.h - joint inspection (联检) of boundary lines: checks, verdicts and rounds.
 *
 * A joint inspection takes a field survey (each monument's resurveyed
 * position, condition and reference objects; read by import/imp_survey.c
 * into a struct reg_survey) and the register (the line and its monuments,
 * from reg_boundary and reg_monument) and gives one verdict per monument
 * and findings with rule ids, per monument and per line.  This module owns
 * the checks, the round and result tables (inspection_round,
 * inspection_result) and the monument inspection history; the hazard
 * ledger is reg_hazard.h; rendering is cli/'s.
 *
 * Rule ids (stable, part of the JSON output):
 *   missing-record   a registered monument has no survey row (界桩一颗不少)
 *   unknown-monument a survey row names no registered monument of the line
 *   displaced        planimetric displacement above k·√(m_reg² + m_new²)
 *   off-line         a single (Q) monument farther from the line than that
 *   same-side        members of a pair or triple not on different sides
 *   numbering        gaps, reversals or duplicates along the line
 *   tri-junction     a tri-junction monument off its node, line ends that
 *                    do not meet exactly
 *   reference-objects fewer than 3 方位物, or a remeasured azimuth or
 *                    distance that disagrees with the register
 *   condition        a condition other than 完好, with its action
 *   overdue          the previous round more than 5 years before this one
 */
#ifndef DIMING_REG_INSPECT_H
#define DIMING_REG_INSPECT_H

#include <stddef.h>

#include "common/err.h"
#include "geo/geo.h"
#include "geo/geo_crs.h"
#include "geo/geo_inspect.h"
#include "registry/reg.h"

#define REG_INSPECT_MAX_NUMBER 64
#define REG_INSPECT_MAX_CODE 64
#define REG_INSPECT_REFS 5
#define REG_INSPECT_MIN_REFS 3

/* ---- conditions and actions ---- */

/* A monument's condition as the field crew records it (界桩管理办法
 * art. 6 goals: 位置准确、埋设牢固、明显易见、注记清晰).  A row may carry
 * several ("倾斜;注记不清"), hence bits. */
enum {
	REG_COND_INTACT = 1,      /* 完好 */
	REG_COND_DAMAGED = 2,     /* 损坏 */
	REG_COND_LOST = 4,        /* 丢失 */
	REG_COND_MOVED = 8,       /* 移位 */
	REG_COND_TILTED = 16,     /* 倾斜 */
	REG_COND_ILLEGIBLE = 32,  /* 注记不清 */
	REG_COND_HIDDEN = 64      /* 被遮挡 */
};
#define REG_COND_COUNT 7

/* What a finding calls for. */
enum {
	REG_ACT_REPAIR = 1,       /* 修复 */
	REG_ACT_REBUILD = 2,      /* 原址重建 */
	REG_ACT_RESTORE = 4,      /* 复位 */
	REG_ACT_REPLACE = 8       /* 补设 */
};

/* The Chinese word of one condition bit ("完好", ...), NULL for others. */
const char *reg_condition_name(unsigned bit);
/* Parse a condition list: words separated by ';', '；', '、' or ',',
 * Chinese (完好, 损坏, 丢失, 移位, 倾斜, 注记不清, 被遮挡) or English
 * (intact, damaged, lost, moved, tilted, illegible, hidden).  Returns 0
 * with the bits, or -1 with ERR_INPUT "unknown condition '…' (完好, 损坏,
 * 丢失, 移位, 倾斜, 注记不清, 被遮挡)" or "empty".  完好 cannot be
 * combined with another condition. */
int reg_condition_parse(const char *s, unsigned *bits, struct err *e);
/* The conditions of bits as Chinese words joined by ';' into out. */
void reg_condition_format(unsigned bits, char *out, size_t n);
/* Actions (REG_ACT_* bits) as Chinese words joined by ';' into out. */
void reg_action_format(unsigned acts, char *out, size_t n);

/* ---- the survey ---- */

struct reg_survey_ref {
	char name[128];
	int has_azimuth, has_distance;  /* neither: the object was not found */
	double azimuth_deg;             /* 坐标方位角 */
	double distance_m;
};

/* One survey row, coordinates already converted to CGCS2000. */
struct reg_survey_row {
	long line;                      /* in the survey file */
	char number[REG_INSPECT_MAX_NUMBER];
	char boundary_code[REG_INSPECT_MAX_CODE];  /* "" unless the file names it */
	unsigned condition;             /* REG_COND_* bits, never 0 */
	int has_pos;                    /* 0 only for a 丢失 row without coordinates */
	double lon, lat;
	int has_h;
	double h;
	char x[32], y[32], srs[64];     /* as written (x/y or lon/lat), for the 登记表 */
	char *note, *photos;            /* owned; "" when empty */
	int nref;
	struct reg_survey_ref ref[REG_INSPECT_REFS];
};

struct reg_survey {
	char path[512];
	struct reg_survey_row *row;
	size_t n, cap;
};

/* Make room for n rows in all. */
void reg_survey_reserve(struct reg_survey *s, size_t n);
/* Append an empty row (zeroed, note/photos NULL) and return it. */
struct reg_survey_row *reg_survey_add(struct reg_survey *s);
/* Free the rows and their strings; s is empty afterwards. */
void reg_survey_release(struct reg_survey *s);

/* ---- options ---- */

struct reg_inspect_opts {
	const char *survey;       /* the survey file, for messages (may be NULL) */
	char round[128];          /* round name; "" -> "<year>年联检" */
	char date[11];            /* YYYY-MM-DD; "" -> today */
	char parties[256];        /* "A;B"; "" -> the names of the two sides */
	double k;                 /* GEO_INSPECT_K */
	double m_reg;             /* default registered precision, GEO_INSPECT_M_REG */
	double m_new;             /* survey precision, GEO_INSPECT_M_NEW */
	double tolerance_m;       /* > 0: use this instead of k·√(m_reg² + m_new²) */
	double ref_azimuth_deg;   /* 方位物 azimuth tolerance, default 1° */
	double ref_distance_m;    /* 方位物 distance tolerance, default 1 m */
	int cycle_years;          /* 5 (条例 art. 12) */
	double snap_m;            /* line ends closer than this but not equal: a gap, default 1 m */
};

/* Defaults as above. */
void reg_inspect_opts_init(struct reg_inspect_opts *o);
/* Override defaults from registry config keys inspect.k, inspect.m_reg,
 * inspect.m_new, inspect.ref_azimuth_deg, inspect.ref_distance_m,
 * inspect.cycle_years, inspect.snap_m.  ERR_INPUT naming the key for a
 * value that is not a positive number. */
int reg_inspect_opts_load(struct reg *r, struct reg_inspect_opts *o, struct err *e);

/* ---- results ---- */

enum reg_verdict {
	REG_VERDICT_OK = 0,
	REG_VERDICT_DISPLACED,
	REG_VERDICT_DAMAGED,
	REG_VERDICT_MISSING,
	REG_VERDICT_OFF_LINE,
	REG_VERDICT_UNKNOWN
};
#define REG_VERDICT_COUNT 6

/* "ok", "displaced", "damaged", "missing", "off-line", "unknown". */
const char *reg_verdict_name(enum reg_verdict v);

struct reg_inspect_finding {
	const char *rule;         /* static: "displaced", ... */
	char *message;            /* owned */
};

struct reg_inspect_findings {
	struct reg_inspect_finding *v;
	size_t n, cap;
};

/* A registered reference object. */
struct reg_inspect_ref {
	char name[128];
	double azimuth_deg;       /* NAN when not recorded */
	double distance_m;        /* NAN when not recorded */
};

/* A registered monument as the inspection needs it. */
struct reg_inspect_monument {
	long long id;
	char number[REG_INSPECT_MAX_NUMBER];
	char type;                /* 'Q', 'A'..'E' */
	int tri_junction;
	double lon, lat;          /* CGCS2000 */
	int has_h;
	double h;
	char x[32], y[32], srs[64];  /* as registered */
	double precision_m;       /* NAN: use the default */
	char managing_party[128];
	int nref;
	struct reg_inspect_ref ref[REG_INSPECT_REFS];
};

/* The verdict and measures of one monument (or one unknown survey row). */
struct reg_inspect_mon {
	const char *number;                  /* the registered or surveyed number */
	const struct reg_inspect_monument *reg;  /* in the input; all zero for an unknown row */
	int registered;                      /* 0 for an unknown row */
	const struct reg_survey_row *row;    /* NULL when there is no survey row */
	enum reg_verdict verdict;
	char plane[16];                      /* the GK plane Δ is measured in */
	double tolerance_m;
	double dn_m, de_m;                   /* ΔX (north), ΔY (east); NAN if not measured */
	double displacement_m;               /* NAN if not measured */
	double dh_m;                         /* NAN without both heights */
	double distance_to_line_m;           /* of the position found, NAN if none */
	double measure_m;                    /* along the line, of the position used */
	int side;                            /* +1 left, -1 right, 0 on the line */
	unsigned actions;                    /* REG_ACT_* */
	int refs_after;                      /* 方位物 known after the round */
	struct reg_inspect_findings findings;
};

/* One line's facts for the report. */
struct reg_inspect_lineinfo {
	char code[REG_INSPECT_MAX_CODE];
	char name[256];
	char level[32];
	char left_code[16], right_code[16];
	char left_name[256], right_name[256];
	char agreement[256];
	char approved[11];
	char last_inspected[11];  /* before this round; "" never */
	/* divisions meeting at the start and end node, the outside counting
	 * as one (a 三交点 has 3 or more); 0 when not known */
	int node_divisions[2];
	double length_km;
	/* the geometry, for maps: n vertices over nparts parts */
	double *lon, *lat;
	size_t n;
	size_t *part_end;
	size_t nparts;
};

struct reg_inspect_summary {
	long total, count[REG_VERDICT_COUNT];
};

struct reg_inspect_result {
	struct reg_inspect_lineinfo line;
	char round[128];
	char date[11];
	char parties[256];
	double tolerance_m;       /* the default tolerance (m_reg default, or --tolerance-m) */
	struct reg_inspect_mon *mon;  /* registered monuments in order along the line, then unknown rows */
	size_t nmon;
	struct reg_inspect_findings findings; /* line-level */
	struct reg_inspect_summary summary;
	long nfindings;           /* monument-level + line-level */
};

/* What the checks need of one line, filled by reg_inspect_load() from
 * the registry or by a test directly. */
struct reg_inspect_input {
	struct reg_inspect_lineinfo line;   /* geometry arrays unused here */
	struct geo_inspect_line *geom;      /* owned */
	struct reg_inspect_monument *mon;
	size_t nmon, cap;
	/* End nodes of every other registered line (for the tri-junction
	 * check): lon/lat pairs, with the line code of each. */
	double *node_lon, *node_lat;
	char (*node_line)[REG_INSPECT_MAX_CODE];
	size_t nnodes;
};

/* Load n lines by code into in[0..n): each line, its monuments and the
 * end nodes of all other registered lines (read once).  ERR_NOT_FOUND
 * "no boundary line with code '…'".  Release each with
 * reg_inspect_input_release (also after an error). */
int reg_inspect_load(struct reg *r, struct geo_ctx *g, const char *const *codes, size_t n,
		     struct reg_inspect_input *in, struct err *e);
void reg_inspect_input_release(struct reg_inspect_input *in);

/* Run every check of one line.  rows are the survey rows that belong to
 * this line (the caller splits a survey over several lines with
 * reg_inspect_assign).  res points into in and rows: both must outlive
 * it.  Returns 0 (findings are data, not errors) or -1 with
 * ERR_GEO/ERR_NOMEM; release res with reg_inspect_result_release. */
int reg_inspect_run(struct geo_crs_cache *cc, struct reg_inspect_input *in,
		    const struct reg_survey_row *const *rows, size_t nrows,
		    const struct reg_inspect_opts *o, struct reg_inspect_result *res,
		    struct err *e);
void reg_inspect_result_release(struct reg_inspect_result *res);

/* Split the survey over the lines being inspected: a row with a
 * boundary_code goes to that line (or nowhere if it is not inspected); a
 * row without goes to the line holding a monument of that number; a
 * number registered on several of these lines is refused (ERR_INPUT
 * "FILE:LINE: field 'number': monument '…' is on lines A and B (add a
 * boundary_code column)"); a number registered on a line not inspected
 * now (looked up in r, when r is not NULL) is left out; any other number
 * goes to the nearest line (the first without a position) as unknown.
 * out[i] receives the rows of in[i]; free each out[i] with free(). */
int reg_inspect_assign(struct reg *r, struct geo_crs_cache *cc, struct reg_inspect_input *in,
		       size_t nin, const struct reg_survey *s, const struct reg_survey_row ***out,
		       size_t *nout, struct err *e);

/* ---- rounds and history ---- */

/* Store a result as a round: inspection_round, one inspection_result per
 * monument (with its findings as JSON), and the line's last-inspected
 * date (reg_boundary_set_last_inspected, never moved backwards).
 * survey_path is recorded.  ERR_CONFLICT "round '…' of line … is already
 * saved" for a round name used before on that line. */
int reg_inspect_save(struct reg *r, const struct reg_inspect_result *res,
		     const char *survey_path, long long *round_id, struct err *e);

/* One monument's result in one saved round. */
struct reg_inspect_history {
	long long round_id;
	const char *round;
	const char *date;
	const char *verdict;
	const char *condition;   /* "" for missing-record */
	double displacement_m;   /* NAN if not measured */
	double dh_m;
	const char *actions;     /* "修复;复位" or "" */
	const char *findings;    /* JSON array text */
};

/* Walk the saved rounds of monument `number` on line `boundary_code`,
 * oldest first; fn returns non-zero to stop. */
int reg_inspect_history_each(struct reg *r, const char *boundary_code, const char *number,
			     int (*fn)(const struct reg_inspect_history *, void *), void *arg,
			     struct err *e);

/* The date of the latest saved round of a line into out ("" if none).
 * Returns 0 or -1. */
int reg_inspect_last_round(struct reg *r, const char *boundary_code, char out[11],
			   struct err *e);

#endif
