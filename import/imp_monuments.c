/* imp_monuments.c - monuments (界桩) from a 界桩成果表 CSV.
 *
 * Each row is checked on its own (fields, coordinates through geo_crs,
 * the line it names, the provincial number format) and stored; then the
 * groups of the lines the file touches (pairs, triples; registered
 * members included) are checked as wholes.  The first problem stops the
 * import and the caller rolls back.  Warnings (方位物 missing, a single
 * monument off its line) do not stop it.
 */
#include "import/imp_monuments.h"

#include <ctype.h>
#include <stdarg.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/i18n.h"
#include "geo/geo_inspect.h"
#include "import/imp_csv.h"
#include "registry/reg_boundary.h"
#include "registry/reg_monument.h"

/* ---- (line, number) keys seen in the file ---- */

struct keyset {
	char **key;
	long *line;
	size_t cap, n;
};

static size_t str_hash(const char *s, size_t cap)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h & (cap - 1);
}

/* The line the key was first seen on, or 0 after adding it. */
static long keyset_add(struct keyset *k, const char *key, long line)
{
	size_t i;

	if ((k->n + 1) * 2 > k->cap) {
		struct keyset t = { NULL, NULL, k->cap ? k->cap * 2 : 256, 0 };

		t.key = calloc(t.cap, sizeof(char *));
		t.line = calloc(t.cap, sizeof(long));
		if (!t.key || !t.line)
			abort();
		for (i = 0; i < k->cap; i++) {
			size_t j;

			if (!k->key[i])
				continue;
			for (j = str_hash(k->key[i], t.cap); t.key[j]; j = (j + 1) & (t.cap - 1))
				;
			t.key[j] = k->key[i];
			t.line[j] = k->line[i];
			t.n++;
		}
		free(k->key);
		free(k->line);
		*k = t;
	}
	for (i = str_hash(key, k->cap); k->key[i]; i = (i + 1) & (k->cap - 1))
		if (!strcmp(k->key[i], key))
			return k->line[i];
	k->key[i] = strdup(key);
	if (!k->key[i])
		abort();
	k->line[i] = line;
	k->n++;
	return 0;
}

static void keyset_release(struct keyset *k)
{
	size_t i;

	for (i = 0; i < k->cap; i++)
		free(k->key[i]);
	free(k->key);
	free(k->line);
	memset(k, 0, sizeof(*k));
}

/* ---- the lines a file names ---- */

struct line {
	char code[REG_BOUNDARY_MAX_CODE];
	enum reg_level level;
	struct geo_inspect_line *geom;   /* NULL for a line without geometry */
};

/* A monument for the group check: from the file (line > 0) or registered. */
struct member {
	char code[REG_BOUNDARY_MAX_CODE];
	char key[REG_MONUMENT_MAX_NUMBER];
	char number[REG_MONUMENT_MAX_NUMBER];
	char type;
	long line;
};

struct loader {
	struct reg *r;
	struct geo_ctx *g;
	struct geo_crs_cache *cc;
	const char *path;
	const struct imp_opts *o;
	double tolerance_m;
	struct imp_monuments_result *res;
	struct reg_monument_writer *w;
	struct line *lines;
	size_t nlines, caplines;
	struct keyset seen;
	struct member *mem;
	size_t nmem, capmem;
	int caveat_told;
	struct buf warnings;     /* held back until the whole file is in */
};

/* A warning, told only if the import succeeds (a refused file writes
 * nothing, so its rows have nothing to warn about). */
static void warn(struct loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void warn(struct loader *L, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&L->warnings, fmt, ap);
	va_end(ap);
	buf_add(&L->warnings, "", 1);     /* NUL-separated */
	L->res->warnings++;
}

static void tell_warnings(struct loader *L)
{
	size_t off = 0;

	while (off < L->warnings.len) {
		const char *w = L->warnings.data + off;

		imp_diag(L->o, IMP_WARNING, "%s", w);
		off += strlen(w) + 1;
	}
}

static struct line *line_get(struct loader *L, const char *code, const char *where,
			     struct err *e)
{
	struct reg_boundary b;
	GEOSGeometry *geom = NULL;
	struct line *l;
	size_t i;
	int rc;

	for (i = 0; i < L->nlines; i++)
		if (!strcmp(L->lines[i].code, code))
			return &L->lines[i];
	rc = reg_boundary_get(L->r, L->g, code, &b, &geom, e);
	if (rc < 0)
		return NULL;
	if (rc == 0) {
		err_set(e, ERR_INPUT,
			_("%s: field 'boundary_code': no boundary line '%s' in the registry (import or derive it first)"),
			where, code);
		return NULL;
	}
	if (L->nlines == L->caplines) {
		size_t cap = L->caplines ? L->caplines * 2 : 8;
		struct line *p = realloc(L->lines, cap * sizeof(*p));

		if (!p)
			abort();
		L->lines = p;
		L->caplines = cap;
	}
	l = &L->lines[L->nlines];
	memset(l, 0, sizeof(*l));
	snprintf(l->code, sizeof(l->code), "%s", code);
	l->level = b.level;
	if (geom) {
		l->geom = geo_inspect_line_new(L->g, geom, e);
		GEOSGeom_destroy_r(L->g->gh, geom);
		if (!l->geom) {
			err_prefix(e, _("line '%s': "), code);
			return NULL;
		}
	}
	L->nlines++;
	return l;
}

static void add_member(struct loader *L, const char *code, const char *number, char type,
		       long line)
{
	struct member *m;

	if (L->nmem == L->capmem) {
		size_t cap = L->capmem ? L->capmem * 2 : 64;
		struct member *p = realloc(L->mem, cap * sizeof(*p));

		if (!p)
			abort();
		L->mem = p;
		L->capmem = cap;
	}
	m = &L->mem[L->nmem++];
	snprintf(m->code, sizeof(m->code), "%s", code);
	snprintf(m->number, sizeof(m->number), "%s", number);
	reg_monument_group_key(number, type, m->key);
	m->type = type;
	m->line = line;
}

/* ---- fields ---- */

/* Field col of the record, without surrounding blanks, into buf (size n). */
static int field(const struct imp_csv *c, int col, const char *name, char *buf, size_t n,
		 const char *where, struct err *e)
{
	const char *s = imp_csv_get(c, col);
	size_t len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len >= n)
		return err_set(e, ERR_INPUT, _("%s: field '%s': longer than %zu bytes"), where, name,
			       n - 1);
	memcpy(buf, s, len);
	buf[len] = '\0';
	return 0;
}

static int number(const char *s, const char *name, double *v, const char *where,
		  struct err *e)
{
	char *end;

	*v = strtod(s, &end);
	if (end == s || *end || !isfinite(*v))
		return err_set(e, ERR_INPUT, _("%s: field '%s': not a number: '%s'"), where, name, s);
	return 0;
}

static int yes_no(const char *s, int *v, const char *where, struct err *e)
{
	static const char *const yes[] = { "1", "yes", "y", "true", "是", NULL };
	static const char *const no[] = { "", "0", "no", "n", "false", "否", NULL };
	int i;

	for (i = 0; yes[i]; i++)
		if (!strcasecmp(s, yes[i])) {
			*v = 1;
			return 0;
		}
	for (i = 0; no[i]; i++)
		if (!strcasecmp(s, no[i])) {
			*v = 0;
			return 0;
		}
	return err_set(e, ERR_INPUT, _("%s: field 'tri_junction': not yes or no (1/0, 是/否): '%s'"),
		       where, s);
}

struct cols {
	int number, code, type, x, y, lon, lat, h, srs, zone, precision, material, party, tri;
	int ref[REG_MONUMENT_MAX_REFS][3];
};

static int find_cols(struct imp_csv *c, struct cols *k, const char *path, struct err *e)
{
	static const char *const ref_suffix[3] = { "name", "azimuth", "distance_m" };
	char name[32];
	int i, j;

	k->number = imp_csv_col(c, "number");
	k->code = imp_csv_col(c, "boundary_code");
	k->type = imp_csv_col(c, "type");
	k->x = imp_csv_col(c, "x");
	k->y = imp_csv_col(c, "y");
	k->lon = imp_csv_col(c, "lon");
	k->lat = imp_csv_col(c, "lat");
	k->h = imp_csv_col(c, "h");
	k->srs = imp_csv_col(c, "srs");
	k->zone = imp_csv_col(c, "zone");
	k->precision = imp_csv_col(c, "precision_m");
	k->material = imp_csv_col(c, "material");
	k->party = imp_csv_col(c, "managing_party");
	k->tri = imp_csv_col(c, "tri_junction");
	for (i = 0; i < REG_MONUMENT_MAX_REFS; i++)
		for (j = 0; j < 3; j++) {
			snprintf(name, sizeof(name), "ref%d_%s", i + 1, ref_suffix[j]);
			k->ref[i][j] = imp_csv_col(c, name);
		}
	if (k->number < 0 || k->code < 0 || k->type < 0)
		return err_set(e, ERR_INPUT,
			       _("%s:1: header must name number, boundary_code, type and x, y (or lon, lat)"),
			       path);
	if ((k->x >= 0) != (k->y >= 0) || (k->lon >= 0) != (k->lat >= 0) ||
	    (k->x < 0 && k->lon < 0))
		return err_set(e, ERR_INPUT, _("%s:1: header must name x and y, or lon and lat"), path);
	if (k->x >= 0 && k->lon >= 0)
		return err_set(e, ERR_INPUT,
			       _("%s:1: header names both x, y and lon, lat; keep one pair"), path);
	return 0;
}

/* Reference objects N = 1..5 of the record into m. */
static int read_refs(const struct imp_csv *c, const struct cols *k, struct reg_monument *m,
		     const char *where, struct err *e)
{
	int i, j;

	m->nref = 0;
	for (i = 0; i < REG_MONUMENT_MAX_REFS; i++) {
		struct reg_monument_ref *f = &m->ref[m->nref];
		char v[3][128], fname[3][32];
		static const char *const suffix[3] = { "name", "azimuth", "distance_m" };
		int given = 0;

		for (j = 0; j < 3; j++) {
			snprintf(fname[j], sizeof(fname[j]), "ref%d_%s", i + 1, suffix[j]);
			if (field(c, k->ref[i][j], fname[j], v[j], j == 1 ? sizeof(f->azimuth) : 128,
				  where, e) < 0)
				return -1;
			given += v[j][0] != '\0';
		}
		if (!given)
			continue;
		for (j = 0; j < 3; j++)
			if (!v[j][0])
				return err_set(e, ERR_INPUT,
					       _("%s: field '%s': empty (a reference object needs a name, an azimuth and a distance)"),
					       where, fname[j]);
		snprintf(f->name, sizeof(f->name), "%s", v[0]);
		memcpy(f->azimuth, v[1], sizeof(f->azimuth));   /* field() kept it short */
		f->azimuth[sizeof(f->azimuth) - 1] = '\0';
		if (geo_dm_parse(v[1], &f->azimuth_deg, e) < 0)
			return err_prefix(e, _("%s: field '%s': "), where, fname[1]);
		if (number(v[2], fname[2], &f->distance_m, where, e) < 0)
			return -1;
		if (f->distance_m <= 0)
			return err_set(e, ERR_INPUT, _("%s: field '%s': not a positive distance: '%s'"),
				       where, fname[2], v[2]);
		m->nref++;
	}
	return 0;
}

/* Coordinates of the record to CGCS2000, keeping what was written. */
static int read_position(struct loader *L, const struct imp_csv *c, const struct cols *k,
			 struct reg_monument *m, const char *where, struct err *e)
{
	struct geo_crs_in in = GEO_CRS_IN_INIT;
	struct geo_crs_info info;
	char srs[sizeof(m->srs)], zone[16];
	const char *na = k->x >= 0 ? "x" : "lon", *nb = k->x >= 0 ? "y" : "lat";
	double a, b, z;

	m->lonlat = k->x < 0;
	if (field(c, m->lonlat ? k->lon : k->x, na, m->x, sizeof(m->x), where, e) < 0 ||
	    field(c, m->lonlat ? k->lat : k->y, nb, m->y, sizeof(m->y), where, e) < 0 ||
	    field(c, k->srs, "srs", srs, sizeof(srs), where, e) < 0 ||
	    field(c, k->zone, "zone", zone, sizeof(zone), where, e) < 0)
		return -1;
	if (!m->x[0])
		return err_set(e, ERR_INPUT, _("%s: field '%s': empty"), where, na);
	if (!m->y[0])
		return err_set(e, ERR_INPUT, _("%s: field '%s': empty"), where, nb);
	if (number(m->x, na, &a, where, e) < 0 || number(m->y, nb, &b, where, e) < 0)
		return -1;
	if (zone[0]) {
		if (number(zone, "zone", &z, where, e) < 0)
			return -1;
		if (z != floor(z) || z < 1 || z > 60)
			return err_set(e, ERR_INPUT, _("%s: field 'zone': not a zone number: '%s'"),
				       where, zone);
		if (m->lonlat)
			return err_set(e, ERR_INPUT,
				       _("%s: field 'zone': a zone goes with x, y, not lon, lat"), where);
		in.zone = (int)z;
	}
	if (srs[0])
		in.srs = srs;
	else if (m->lonlat)
		in.srs = GEO_SRS_CGCS2000;
	if (geo_crs_to_cgcs(L->cc, &in, a, b, &m->lon, &m->lat, &info, e) < 0)
		return err_prefix(e, "%s: ", where);
	if (m->lonlat && info.kind == GEO_CRS_PROJECTED)
		return err_set(e, ERR_INPUT,
			       _("%s: fields 'lon' 'lat': %s is a projected system; give its coordinates as x, y"),
			       where, info.srs);
	if (!m->lonlat && info.kind == GEO_CRS_GEOGRAPHIC)
		return err_set(e, ERR_INPUT,
			       _("%s: fields 'x' 'y': %s is geographic; give longitude and latitude as lon, lat (or the Gauss-Krüger srs or zone of x, y)"),
			       where, info.srs);
	if (info.caveat && !L->caveat_told) {
		warn(L, "%s: %s", where, info.caveat_msg);
		L->caveat_told = 1;
	}
	snprintf(m->srs, sizeof(m->srs), "%s", srs[0] ? srs : info.srs);
	return 0;
}

static int read_row(struct loader *L, const struct imp_csv *c, const struct cols *k,
		    struct reg_monument *m, struct line **line, const char *where, struct err *e)
{
	char type[16], buf[64];
	size_t n;

	memset(m, 0, sizeof(*m));
	m->precision_m = NAN;
	m->h = NAN;
	if (field(c, k->number, "number", m->number, sizeof(m->number), where, e) < 0 ||
	    field(c, k->code, "boundary_code", m->boundary_code, sizeof(m->boundary_code),
		  where, e) < 0 ||
	    field(c, k->type, "type", type, sizeof(type), where, e) < 0)
		return -1;
	if (!m->number[0])
		return err_set(e, ERR_INPUT, _("%s: field 'number': empty"), where);
	if (!m->boundary_code[0])
		return err_set(e, ERR_INPUT, _("%s: field 'boundary_code': empty"), where);
	if (strlen(type) != 1 || !reg_monument_type_valid((char)toupper((unsigned char)type[0])))
		return err_set(e, ERR_INPUT,
			       _("%s: field 'type': not a monument type (Q single; A, B a pair; C, D, E a triple): '%s'"),
			       where, type);
	m->type = (char)toupper((unsigned char)type[0]);
	n = strlen(m->number);
	if (n > 1 && strchr("QABCDE", toupper((unsigned char)m->number[n - 1])) &&
	    isdigit((unsigned char)m->number[n - 2]) &&
	    toupper((unsigned char)m->number[n - 1]) != m->type)
		return err_set(e, ERR_INPUT,
			       _("%s: field 'type': '%c' disagrees with the type letter of number '%s'"),
			       where, m->type, m->number);
	*line = line_get(L, m->boundary_code, where, e);
	if (!*line)
		return -1;
	if ((*line)->level == REG_LEVEL_PROVINCE &&
	    reg_monument_number_check_provincial(m->number, m->type, m->boundary_code, e) < 0)
		return err_prefix(e, _("%s: field 'number': "), where);
	if (read_position(L, c, k, m, where, e) < 0)
		return -1;
	if (field(c, k->h, "h", m->h_text, sizeof(m->h_text), where, e) < 0)
		return -1;
	if (m->h_text[0]) {
		if (number(m->h_text, "h", &m->h, where, e) < 0)
			return -1;
		m->has_h = 1;
	}
	if (field(c, k->precision, "precision_m", buf, sizeof(buf), where, e) < 0)
		return -1;
	if (buf[0]) {
		if (number(buf, "precision_m", &m->precision_m, where, e) < 0)
			return -1;
		if (m->precision_m < 0)
			return err_set(e, ERR_INPUT, _("%s: field 'precision_m': negative: '%s'"),
				       where, buf);
	}
	if (field(c, k->material, "material", m->material, sizeof(m->material), where, e) < 0 ||
	    field(c, k->party, "managing_party", m->managing_party, sizeof(m->managing_party),
		  where, e) < 0 ||
	    field(c, k->tri, "tri_junction", buf, sizeof(buf), where, e) < 0 ||
	    yes_no(buf, &m->tri_junction, where, e) < 0)
		return -1;
	return read_refs(c, k, m, where, e);
}

/* ---- groups: pairs are A and B, triples C, D and E, a Q stands alone ---- */

static int member_cmp(const void *x, const void *y)
{
	const struct member *a = x, *b = y;
	int c = strcmp(a->code, b->code);

	if (c)
		return c;
	if ((c = strcmp(a->key, b->key)))
		return c;
	if (a->type != b->type)
		return a->type - b->type;
	return (a->line > b->line) - (a->line < b->line);
}

static int registered_member(const struct reg_monument *m, void *arg)
{
	struct loader *L = arg;
	char key[2 * REG_BOUNDARY_MAX_CODE + REG_MONUMENT_MAX_NUMBER];

	snprintf(key, sizeof(key), "%s\x1f%s", m->boundary_code, m->number);
	if (L->seen.cap) {
		size_t j;

		for (j = str_hash(key, L->seen.cap); L->seen.key[j]; j = (j + 1) & (L->seen.cap - 1))
			if (!strcmp(L->seen.key[j], key))
				return 0;     /* the file's row replaces it */
	}
	add_member(L, m->boundary_code, m->number, m->type, 0);
	return 0;
}

static int check_group(struct loader *L, const struct member *g, size_t n, struct err *e)
{
	char where[600], has[16] = "", missing[16] = "";
	const char *want, *kind;
	long line = 0;
	size_t i;
	int pair = 0, triple = 0, q = 0;

	for (i = 0; i < n; i++) {
		if (!line && g[i].line)
			line = g[i].line;
		q += g[i].type == 'Q';
		pair += g[i].type == 'A' || g[i].type == 'B';
		triple += g[i].type >= 'C' && g[i].type <= 'E';
	}
	if (!line)
		return 0;      /* only registered members: not this file's business */
	snprintf(where, sizeof(where), "%s:%ld", L->path, line);
	if (q) {
		size_t iq, io;

		if (n == 1)
			return 0;
		for (iq = 0; g[iq].type != 'Q'; iq++)
			;
		io = iq == 0 ? 1 : 0;
		if (g[iq].line)
			snprintf(where, sizeof(where), "%s:%ld", L->path, g[iq].line);
		return err_set(e, ERR_INPUT,
			       _("%s: field 'number': single monument (Q) '%s' shares its number with '%s' on line '%s'"),
			       where, g[iq].number, g[io].number, g[0].code);
	}
	if (pair && triple)
		return err_set(e, ERR_INPUT,
			       _("%s: field 'type': group '%s' on line '%s' mixes a pair (A, B) and a triple (C, D, E)"),
			       where, g[0].key, g[0].code);
	want = pair ? "AB" : "CDE";
	kind = pair ? _("pair") : _("triple");
	for (i = 1; i < n; i++)
		if (g[i].type == g[i - 1].type)
			return err_set(e, ERR_INPUT,
				       _("%s: field 'type': %s '%s' on line '%s' has two %c monuments ('%s', '%s')"),
				       where, kind, g[0].key, g[0].code, g[i].type, g[i - 1].number,
				       g[i].number);
	for (; *want; want++) {
		for (i = 0; i < n && g[i].type != *want; i++)
			;
		if (i < n)
			snprintf(has + strlen(has), sizeof(has) - strlen(has), "%s%c",
				 has[0] ? ", " : "", *want);
		else
			snprintf(missing + strlen(missing), sizeof(missing) - strlen(missing), "%s%c",
				 missing[0] ? ", " : "", *want);
	}
	if (missing[0])
		return err_set(e, ERR_INPUT,
			       pair ? _("%s: field 'type': %s '%s' on line '%s' has %s but no %s (members carry their type letter: %sA, %sB)")
				    : _("%s: field 'type': %s '%s' on line '%s' has %s but no %s (members carry their type letter: %sC, %sD, %sE)"),
			       where, kind, g[0].key, g[0].code, has, missing, g[0].key, g[0].key, g[0].key);
	return 0;
}

static int check_groups(struct loader *L, struct err *e)
{
	size_t i, j;

	for (i = 0; i < L->nlines; i++)
		if (reg_monument_each(L->r, L->lines[i].code, registered_member, L, e) < 0)
			return -1;
	if (L->nmem > 1)
		qsort(L->mem, L->nmem, sizeof(*L->mem), member_cmp);
	for (i = 0; i < L->nmem; i = j) {
		for (j = i + 1; j < L->nmem && !strcmp(L->mem[j].code, L->mem[i].code) &&
		     !strcmp(L->mem[j].key, L->mem[i].key); j++)
			;
		if (check_group(L, &L->mem[i], j - i, e) < 0)
			return -1;
	}
	return 0;
}

/* ---- the import ---- */

static int store(struct loader *L, const struct reg_monument *m, struct line *line,
		 const char *where, long lineno, struct err *e)
{
	char key[2 * REG_BOUNDARY_MAX_CODE + REG_MONUMENT_MAX_NUMBER], diff[32];
	enum reg_put_outcome out;
	long first;

	snprintf(key, sizeof(key), "%s\x1f%s", m->boundary_code, m->number);
	first = keyset_add(&L->seen, key, lineno);
	if (first)
		return err_set(e, ERR_INPUT,
			       _("%s: field 'number': monument '%s' appears twice on line '%s' (lines %ld and %ld)"),
			       where, m->number, m->boundary_code, first, lineno);
	if (reg_monument_put(L->w, m, L->o->update, &out, diff, NULL, e) < 0)
		return err_prefix(e, "%s: ", where);
	switch (out) {
	case REG_PUT_INSERTED:
		L->res->inserted++;
		break;
	case REG_PUT_UNCHANGED:
		L->res->unchanged++;
		break;
	case REG_PUT_UPDATED:
		L->res->updated++;
		break;
	case REG_PUT_CONFLICT:
		return err_set(e, ERR_INPUT,
			       _("%s: field 'number': monument '%s' of line '%s' is registered with another %s (use --update to replace it)"),
			       where, m->number, m->boundary_code, diff);
	}
	add_member(L, m->boundary_code, m->number, m->type, lineno);
	if (m->nref < REG_MONUMENT_MIN_REFS) {
		warn(L, _("%s: monument '%s' has %d reference objects (方位物), at least %d expected"),
		     where, m->number, m->nref, REG_MONUMENT_MIN_REFS);
	}
	if (m->type == 'Q' && line->geom) {
		struct geo_inspect_loc loc;

		if (geo_inspect_line_locate(line->geom, L->cc, m->lon, m->lat, &loc, e) < 0)
			return err_prefix(e, "%s: ", where);
		if (loc.distance_m > L->tolerance_m) {
			warn(L, _("%s: single monument (Q) '%s' lies %.2f m from line '%s' (tolerance %.2f m)"),
			     where, m->number, loc.distance_m, m->boundary_code, L->tolerance_m);
		}
	}
	return 0;
}

int imp_monuments(struct reg *r, struct geo_ctx *g, struct geo_crs_cache *cc,
		  const char *path, const struct imp_opts *o, double tolerance_m,
		  struct imp_monuments_result *res, struct err *e)
{
	struct loader L;
	struct buf text = BUF_INIT;
	struct imp_csv c;
	struct cols k;
	size_t i;
	int rc;

	memset(res, 0, sizeof(*res));
	memset(&L, 0, sizeof(L));
	L.r = r;
	L.g = g;
	L.cc = cc;
	L.path = path;
	L.o = o;
	L.tolerance_m = tolerance_m;
	L.res = res;
	if (imp_read_text(path, o->encoding, &text, e) < 0)
		return -1;
	if (imp_csv_open(&c, path, &text, e) < 0) {
		buf_release(&text);
		return -1;
	}
	buf_release(&text);
	rc = find_cols(&c, &k, path, e);
	if (rc == 0 && !(L.w = reg_monument_writer_new(r, e)))
		rc = -1;
	while (rc == 0 && (rc = imp_csv_next(&c, e)) == 1) {
		struct reg_monument m;
		struct line *line = NULL;
		char where[600];

		snprintf(where, sizeof(where), "%s:%ld", path, c.line);
		if (read_row(&L, &c, &k, &m, &line, where, e) < 0 ||
		    store(&L, &m, line, where, c.line, e) < 0) {
			rc = -1;
			break;
		}
		if (++res->rows % 1000 == 0)
			imp_progress(o, res->rows);
		rc = 0;
	}
	if (rc == 0)
		rc = check_groups(&L, e);
	imp_progress(o, res->rows);
	if (rc == 0)
		tell_warnings(&L);
	buf_release(&L.warnings);
	imp_csv_close(&c);
	reg_monument_writer_free(L.w);
	for (i = 0; i < L.nlines; i++)
		geo_inspect_line_free(L.lines[i].geom);
	free(L.lines);
	free(L.mem);
	keyset_release(&L.seen);
	return rc < 0 ? -1 : 0;
}
