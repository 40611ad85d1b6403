/* reg_gazetteer.h - the standard gazetteer (标准地名录) as a stream of rows.
 *
 * One row per place, with the columns every export format shares (the
 * contract of issue 7), read through one prepared statement one row at a
 * time so that an export of the whole country uses as much memory as an
 * export of one village.  Formats are cli/'s business (render_*.c); this
 * module only decides which places are in the gazetteer and what each
 * column holds.
 */
#ifndef DIMING_REG_GAZETTEER_H
#define DIMING_REG_GAZETTEER_H

#include <stddef.h>

#include "common/err.h"
#include "registry/reg.h"

/* The contract columns, in order.  Their names (reg_gazetteer_columns) are
 * the same in CSV headers, GeoJSON properties, GeoPackage fields and the
 * printed book. */
enum reg_gaz_col {
	REG_GAZ_NAME,            /* 标准名称 */
	REG_GAZ_ROMAN,           /* 罗马字母拼写 (with tones) */
	REG_GAZ_ZHUANMING,       /* 专名 */
	REG_GAZ_TONGMING,        /* 通名 */
	REG_GAZ_CLASS,           /* 地名类别 */
	REG_GAZ_CLASS_CODE,      /* 类别代码 */
	REG_GAZ_DIVISION,        /* 所在政区 (name) */
	REG_GAZ_DIVISION_CODE,   /* 政区代码 (display form: 6, 9 or 12 digits) */
	REG_GAZ_LON,             /* 经度 (CGCS2000) */
	REG_GAZ_LAT,             /* 纬度 */
	REG_GAZ_MEANING,         /* 地名含义 */
	REG_GAZ_ORIGIN,          /* 地名来历 */
	REG_GAZ_HISTORY,         /* 历史沿革 */
	REG_GAZ_FORMER,          /* 曾用名, ';'-separated, oldest first */
	REG_GAZ_AUTHORITY,       /* 批准机关 */
	REG_GAZ_DOC_NUMBER,      /* 批准文号 */
	REG_GAZ_APPROVED,        /* 批准时间 YYYY-MM-DD */
	REG_GAZ_ANNOUNCED,       /* 公告时间 YYYY-MM-DD */
	REG_GAZ_STATUS,          /* 状态: 现今 or 历史 */
	REG_GAZ_CANCELLED,       /* 销名时间 YYYY-MM-DD */
	REG_GAZ_NCOLS
};

extern const char *const reg_gazetteer_columns[REG_GAZ_NCOLS];

/* Whether a column holds a number (经度, 纬度) rather than text. */
int reg_gazetteer_column_is_real(enum reg_gaz_col c);

/* The order rows come in. */
enum reg_gaz_order {
	REG_GAZ_ORDER_ID,        /* place id: cheapest, stable */
	REG_GAZ_ORDER_SECTION,   /* section (division), class code, romanization */
	REG_GAZ_ORDER_ROMAN      /* romanization, then name: the book's index */
};

struct reg_gazetteer_filter {
	const char *division;    /* any code form: that division and everything in it; NULL all */
	const char *class_name;  /* class code or Chinese name; NULL all */
	int include_historical;  /* also places cancelled (销名) before the date */
	const char *as_of;       /* YYYY-MM-DD: the gazetteer as it stood then; NULL today */
	enum reg_gaz_order order;
};

/* One row.  Every text[] entry is a string ("" when empty), valid until the
 * next reg_gazetteer_next() or _free(). */
struct reg_gazetteer_row {
	long long place_id;
	const char *text[REG_GAZ_NCOLS];
	double lon, lat;         /* NaN without a position */
	int historical;
	/* The section this row belongs to in the printed book: the division
	 * one level below the export's root that holds the place (or the root
	 * itself), normalised 12 digits. */
	char section_code[13];
	const unsigned char *wkb;  /* ISO WKB in EPSG:4490, NULL without geometry */
	size_t wkb_len;
};

struct reg_gazetteer;

/* Set r up for streaming a large gazetteer: a page cache of 8 MB instead
 * of the registry's 64 MB (a stream reads each page about once; the big
 * cache would only grow the process), which also bounds the memory of the
 * sorts the printed book needs before they spill to temporary files.  For
 * commands that export and exit: the setting stays with the connection. */
int reg_gazetteer_stream_mode(struct reg *r, struct err *e);

/* Start reading the gazetteer.  ERR_INPUT for a bad code or date,
 * ERR_NOT_FOUND for an unknown division or class.  Free with
 * reg_gazetteer_free. */
struct reg_gazetteer *reg_gazetteer_open(struct reg *r, const struct reg_gazetteer_filter *f,
					 struct err *e);

/* The next row: 1 and row filled, 0 at the end, -1 on error. */
int reg_gazetteer_next(struct reg_gazetteer *g, struct reg_gazetteer_row *row, struct err *e);

void reg_gazetteer_free(struct reg_gazetteer *g);

/* The name of a division (normalised code), for the places' division
 * paths the printed book shows; "" for an unknown code, NULL on error.
 * Valid until the next call. */
const char *reg_gazetteer_division_name(struct reg_gazetteer *g, const char code[13],
					struct err *e);

/* The root division of the export (normalised code, name; "" and 全国 when
 * no --division was given) and the date the gazetteer is as of. */
const char *reg_gazetteer_root_code(const struct reg_gazetteer *g);
const char *reg_gazetteer_root_name(const struct reg_gazetteer *g);
const char *reg_gazetteer_as_of(const struct reg_gazetteer *g);

/* How many rows the filter selects (for covers and progress). */
int reg_gazetteer_count(struct reg *r, const struct reg_gazetteer_filter *f, long *n,
			struct err *e);

/* The same by geometry type: counts[GEO_WKB_POINT .. GEO_WKB_COLLECTION]
 * (geo/geo_wkb.h), counts[0] for places without geometry. */
int reg_gazetteer_count_types(struct reg *r, const struct reg_gazetteer_filter *f,
			      long counts[8], struct err *e);

/* The book's sections in REG_GAZ_ORDER_SECTION order: one call per
 * (section, class) pair with its count. */
struct reg_gazetteer_section {
	char code[13];           /* normalised section division code */
	const char *name;        /* the division's name */
	const char *class_name;
	const char *class_code;
	long count;
};

int reg_gazetteer_sections(struct reg *r, const struct reg_gazetteer_filter *f,
			   int (*fn)(const struct reg_gazetteer_section *, void *), void *arg,
			   struct err *e);

#endif
