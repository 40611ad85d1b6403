/* reg_inspect.c - the checks of a joint inspection (联检) and their verdicts.
 *
 * reg_inspect_run() compares one line's survey rows with its registered
 * monuments and fills a struct reg_inspect_result: a verdict and findings
 * per monument, findings for the line.  It reads nothing from the
 * database; reg_inspect_load() (reg_inspect_store.c) gathers its input,
 * so the checks can be tested on data built in memory.  The geometry is
 * geo_inspect's.
 */
#include "registry/reg_inspect.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "geo/geo_geod.h"
#include "registry/reg_monument.h"

/* ---- conditions, actions, verdicts ---- */

static const struct {
	unsigned bit;
	const char *zh, *en;
} conditions[REG_COND_COUNT] = {
	{ REG_COND_INTACT, "完好", "intact" },
	{ REG_COND_DAMAGED, "损坏", "damaged" },
	{ REG_COND_LOST, "丢失", "lost" },
	{ REG_COND_MOVED, "移位", "moved" },
	{ REG_COND_TILTED, "倾斜", "tilted" },
	{ REG_COND_ILLEGIBLE, "注记不清", "illegible" },
	{ REG_COND_HIDDEN, "被遮挡", "hidden" },
};

const char *reg_condition_name(unsigned bit)
{
	int i;

	for (i = 0; i < REG_COND_COUNT; i++)
		if (conditions[i].bit == bit)
			return conditions[i].zh;
	return NULL;
}

/* Separators: ; ，、；, and blanks around them. */
static size_t separator(const char *p)
{
	if (*p == ';' || *p == ',')
		return 1;
	if (!strncmp(p, "、", 3) || !strncmp(p, "；", 3) || !strncmp(p, "，", 3))
		return 3;
	return 0;
}

int reg_condition_parse(const char *s, unsigned *bits, struct err *e)
{
	const char *p = s;

	*bits = 0;
	while (*p) {
		const char *start, *end;
		size_t n, k;
		int i;

		while (*p == ' ' || (k = separator(p)) != 0)
			p += *p == ' ' ? 1 : k;
		if (!*p)
			break;
		start = p;
		while (*p && !separator(p))
			p++;
		end = p;
		while (end > start && end[-1] == ' ')
			end--;
		n = (size_t)(end - start);
		for (i = 0; i < REG_COND_COUNT; i++)
			if ((strlen(conditions[i].zh) == n && !strncmp(start, conditions[i].zh, n)) ||
			    (strlen(conditions[i].en) == n && !strncasecmp(start, conditions[i].en, n)))
				break;
		if (i == REG_COND_COUNT)
			return err_set(e, ERR_INPUT,
				       _("unknown condition '%.*s' (完好, 损坏, 丢失, 移位, 倾斜, 注记不清, 被遮挡)"),
				       (int)n, start);
		*bits |= conditions[i].bit;
	}
	if (!*bits)
		return err_set(e, ERR_INPUT, _("empty"));
	if ((*bits & REG_COND_INTACT) && *bits != REG_COND_INTACT)
		return err_set(e, ERR_INPUT, _("完好 cannot be combined with another condition: '%s'"), s);
	return 0;
}

void reg_condition_format(unsigned bits, char *out, size_t n)
{
	size_t len = 0;
	int i;

	if (n)
		out[0] = '\0';
	for (i = 0; i < REG_COND_COUNT; i++)
		if (bits & conditions[i].bit) {
			int w = snprintf(out + len, n - len, "%s%s", len ? ";" : "", conditions[i].zh);

			if (w < 0 || (size_t)w >= n - len)
				return;
			len += (size_t)w;
		}
}

void reg_action_format(unsigned acts, char *out, size_t n)
{
	static const struct {
		unsigned bit;
		const char *zh;
	} a[] = {
		{ REG_ACT_REPAIR, "修复" },
		{ REG_ACT_REBUILD, "原址重建" },
		{ REG_ACT_RESTORE, "复位" },
		{ REG_ACT_REPLACE, "补设" },
	};
	size_t len = 0, i;

	if (n)
		out[0] = '\0';
	for (i = 0; i < sizeof(a) / sizeof(a[0]); i++)
		if (acts & a[i].bit) {
			int w = snprintf(out + len, n - len, "%s%s", len ? ";" : "", a[i].zh);

			if (w < 0 || (size_t)w >= n - len)
				return;
			len += (size_t)w;
		}
}

const char *reg_verdict_name(enum reg_verdict v)
{
	static const char *const names[REG_VERDICT_COUNT] = {
		"ok", "displaced", "damaged", "missing", "off-line", "unknown"
	};

	return (unsigned)v < REG_VERDICT_COUNT ? names[v] : "?";
}

/* ---- the survey container ---- */

void reg_survey_reserve(struct reg_survey *s, size_t n)
{
	struct reg_survey_row *p;

	if (n <= s->cap)
		return;
	if (!(p = realloc(s->row, n * sizeof(*p))))
		abort();
	s->row = p;
	s->cap = n;
}

struct reg_survey_row *reg_survey_add(struct reg_survey *s)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct reg_survey_row *p = realloc(s->row, cap * sizeof(*p));

		if (!p)
			abort();
		s->row = p;
		s->cap = cap;
	}
	memset(&s->row[s->n], 0, sizeof(s->row[0]));
	return &s->row[s->n++];
}

void reg_survey_release(struct reg_survey *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->row[i].note);
		free(s->row[i].photos);
	}
	free(s->row);
	s->row = NULL;
	s->n = s->cap = 0;
}

/* ---- options ---- */

void reg_inspect_opts_init(struct reg_inspect_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->k = GEO_INSPECT_K;
	o->m_reg = GEO_INSPECT_M_REG;
	o->m_new = GEO_INSPECT_M_NEW;
	o->ref_azimuth_deg = 1.0;
	o->ref_distance_m = 1.0;
	o->cycle_years = 5;
	o->snap_m = 1.0;
}

int reg_inspect_opts_load(struct reg *r, struct reg_inspect_opts *o, struct err *e)
{
	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
		{ "inspect.k", offsetof(struct reg_inspect_opts, k) },
		{ "inspect.m_reg", offsetof(struct reg_inspect_opts, m_reg) },
		{ "inspect.m_new", offsetof(struct reg_inspect_opts, m_new) },
		{ "inspect.ref_azimuth_deg", offsetof(struct reg_inspect_opts, ref_azimuth_deg) },
		{ "inspect.ref_distance_m", offsetof(struct reg_inspect_opts, ref_distance_m) },
		{ "inspect.snap_m", offsetof(struct reg_inspect_opts, snap_m) },
	};
	char val[64], *end;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		double v;

		if ((rc = reg_config_get(r, keys[i].key, val, sizeof(val), e)) < 0)
			return -1;
		if (!rc)
			continue;
		v = strtod(val, &end);
		if (end == val || *end || !isfinite(v) || v <= 0)
			return err_set(e, ERR_INPUT, _("config '%s': not a positive number: '%s'"),
				       keys[i].key, val);
		*(double *)((char *)o + keys[i].off) = v;
	}
	if ((rc = reg_config_get(r, "inspect.cycle_years", val, sizeof(val), e)) < 0)
		return -1;
	if (rc) {
		long v = strtol(val, &end, 10);

		if (end == val || *end || v < 1 || v > 100)
			return err_set(e, ERR_INPUT, _("config '%s': not a number of years: '%s'"),
				       "inspect.cycle_years", val);
		o->cycle_years = (int)v;
	}
	return 0;
}

/* ---- findings ---- */

static void add_finding(struct reg_inspect_findings *f, const char *rule, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void add_finding(struct reg_inspect_findings *f, const char *rule, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 4;
		struct reg_inspect_finding *p = realloc(f->v, cap * sizeof(*p));

		if (!p)
			abort();
		f->v = p;
		f->cap = cap;
	}
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	f->v[f->n].rule = rule;
	f->v[f->n].message = buf_detach(&b);
	f->n++;
}

static void findings_release(struct reg_inspect_findings *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->v[i].message);
	free(f->v);
	memset(f, 0, sizeof(*f));
}

void reg_inspect_result_release(struct reg_inspect_result *res)
{
	size_t i;

	for (i = 0; i < res->nmon; i++)
		findings_release(&res->mon[i].findings);
	free(res->mon);
	findings_release(&res->findings);
	free(res->line.lon);
	free(res->line.lat);
	free(res->line.part_end);
	memset(res, 0, sizeof(*res));
}

/* ---- numbers ---- */

/* The group a monument number belongs to, as reg_monument groups them:
 * the number without its type letter ("1253165A" -> "1253165"); a
 * bracketed member ("98(1)", the national-boundary style) counts too. */
static void group_key(const char *number, char type, char *out, size_t n)
{
	char k[REG_MONUMENT_MAX_NUMBER];
	size_t len;

	reg_monument_group_key(number, type ? type : 'Q', k);
	len = strlen(k);
	if (!strcmp(k, number) && len > 3 && number[len - 1] == ')' &&
	    isdigit((unsigned char)number[len - 2]) && number[len - 3] == '(')
		len -= 3;
	snprintf(out, n, "%.*s", (int)len, k);
}

/* The sequence of a group key: its trailing run of digits (at most 18),
 * or -1 when it ends in no digit. */
static long long sequence(const char *key)
{
	size_t len = strlen(key), i = len;
	long long v = 0;

	while (i > 0 && isdigit((unsigned char)key[i - 1]) && len - i < 18)
		i--;
	if (i == len)
		return -1;
	for (; i < len; i++)
		v = v * 10 + (key[i] - '0');
	return v;
}

/* ---- the checks ---- */

struct ctx {
	struct geo_crs_cache *cc;
	struct geo_inspect_line *gl;
	const struct reg_inspect_input *in;
	const struct reg_inspect_opts *o;
	struct reg_inspect_result *res;
	long long today;
};

/* Flags a monument collects before its verdict is decided. */
enum {
	F_MISSING = 1,
	F_DISPLACED = 2,
	F_DAMAGED = 4,
	F_OFFLINE = 8
};

static const char *side_word(int side)
{
	return side > 0 ? _("left") : side < 0 ? _("right") : _("line itself");
}

static void check_refs(struct ctx *c, struct reg_inspect_mon *m)
{
	const struct reg_survey_row *row = m->row;
	const struct reg_inspect_monument *rm = m->reg;
	int lost = 0, added = 0, i, j;
	char a1[24], a2[24], d[24], t[24];

	m->refs_after = rm->nref;
	if (!row || (row->condition & REG_COND_LOST))
		return;
	for (i = 0; i < row->nref; i++) {
		const struct reg_survey_ref *sr = &row->ref[i];
		const struct reg_inspect_ref *rr = NULL;

		for (j = 0; j < rm->nref; j++)
			if (!strcmp(rm->ref[j].name, sr->name)) {
				rr = &rm->ref[j];
				break;
			}
		if (!rr) {
			if (sr->has_azimuth || sr->has_distance)
				added++;
			continue;
		}
		if (!sr->has_azimuth && !sr->has_distance) {
			lost++;
			add_finding(&m->findings, "reference-objects", _("方位物 '%s' not found"),
				    sr->name);
			continue;
		}
		if (sr->has_azimuth && isfinite(rr->azimuth_deg) &&
		    geo_azimuth_diff(sr->azimuth_deg, rr->azimuth_deg) > c->o->ref_azimuth_deg) {
			geo_dm_format(rr->azimuth_deg, a1);
			geo_dm_format(sr->azimuth_deg, a2);
			geo_dm_format(geo_azimuth_diff(sr->azimuth_deg, rr->azimuth_deg), d);
			geo_dm_format(c->o->ref_azimuth_deg, t);
			add_finding(&m->findings, "reference-objects",
				    _("方位物 '%s': azimuth %s registered, %s remeasured (%s apart, tolerance %s)"),
				    sr->name, a1, a2, d, t);
		}
		if (sr->has_distance && isfinite(rr->distance_m) &&
		    fabs(sr->distance_m - rr->distance_m) > c->o->ref_distance_m)
			add_finding(&m->findings, "reference-objects",
				    _("方位物 '%s': distance %.2f m registered, %.2f m remeasured (tolerance %.2f m)"),
				    sr->name, rr->distance_m, sr->distance_m, c->o->ref_distance_m);
	}
	m->refs_after = rm->nref - lost + added;
}

/* Measures, condition, displacement, line distance, reference objects,
 * tri-junction of one registered monument. */
static int check_monument(struct ctx *c, struct reg_inspect_mon *m, unsigned *flags,
			  struct err *e)
{
	const struct reg_survey_row *row = m->row;
	const struct reg_inspect_monument *rm = m->reg;
	struct geo_inspect_loc loc;
	double prec = isfinite(rm->precision_m) && rm->precision_m > 0 ? rm->precision_m
									 : c->o->m_reg;
	int found = row && !(row->condition & REG_COND_LOST) && row->has_pos;
	unsigned cond = row ? row->condition : 0;
	int i;

	m->tolerance_m = c->o->tolerance_m > 0 ? c->o->tolerance_m
					       : geo_inspect_tolerance(c->o->k, prec, c->o->m_new);
	geo_inspect_plane(rm->srs, rm->lon, m->plane);
	if (!row) {
		*flags |= F_MISSING;
		add_finding(&m->findings, "missing-record",
			    _("no survey record for registered monument %s (界桩一颗不少)"),
			    rm->number);
	}
	if (found) {
		if (geo_inspect_displacement(c->cc, m->plane, rm->lon, rm->lat, row->lon, row->lat,
					     &m->dn_m, &m->de_m, &m->displacement_m, e) < 0)
			return err_prefix(e, _("monument %s: "), rm->number);
		if (rm->has_h && row->has_h)
			m->dh_m = row->h - rm->h;
		if (geo_inspect_line_locate(c->gl, c->cc, row->lon, row->lat, &loc, e) < 0)
			return err_prefix(e, _("monument %s: "), rm->number);
		m->distance_to_line_m = loc.distance_m;
	} else {
		if (geo_inspect_line_locate(c->gl, c->cc, rm->lon, rm->lat, &loc, e) < 0)
			return err_prefix(e, _("monument %s: "), rm->number);
	}
	m->measure_m = loc.measure_m;
	m->side = loc.side;

	/* condition, in the order of the list */
	if (cond & REG_COND_LOST) {
		*flags |= F_MISSING;
		m->actions |= REG_ACT_REPLACE;
	}
	if (cond & REG_COND_MOVED)
		*flags |= F_DISPLACED;
	if (found && m->displacement_m > m->tolerance_m)
		*flags |= F_DISPLACED;
	if (cond & (REG_COND_DAMAGED | REG_COND_TILTED | REG_COND_ILLEGIBLE | REG_COND_HIDDEN))
		*flags |= F_DAMAGED;
	for (i = 1; i < REG_COND_COUNT; i++) {
		unsigned bit = conditions[i].bit;
		unsigned act;

		if (!(cond & bit))
			continue;
		switch (bit) {
		case REG_COND_LOST:
			act = REG_ACT_REPLACE;
			break;
		case REG_COND_MOVED:
			act = REG_ACT_RESTORE;
			break;
		case REG_COND_DAMAGED:
			/* a broken monument that has also moved is rebuilt at
			 * its registered site, not mended where it lies */
			act = (*flags & F_DISPLACED) ? REG_ACT_REBUILD : REG_ACT_REPAIR;
			break;
		default:
			act = REG_ACT_REPAIR;
			break;
		}
		m->actions |= act;
		{
			char w[32];

			reg_action_format(act, w, sizeof(w));
			add_finding(&m->findings, "condition", _("condition %s: calls for %s"),
				    conditions[i].zh, w);
		}
	}
	if (found && m->displacement_m > m->tolerance_m) {
		unsigned act = (cond & REG_COND_DAMAGED) ? REG_ACT_REBUILD : REG_ACT_RESTORE;
		char w[32];

		m->actions |= act;
		reg_action_format(act, w, sizeof(w));
		add_finding(&m->findings, "displaced",
			    _("moved %.2f m from the registered position (ΔX %+.2f m, ΔY %+.2f m in %s), tolerance %.2f m: calls for %s"),
			    m->displacement_m, m->dn_m, m->de_m, m->plane, m->tolerance_m, w);
	}
	if (m->actions & REG_ACT_REBUILD)
		m->actions &= ~(unsigned)(REG_ACT_REPAIR | REG_ACT_RESTORE);
	/* A single monument must stand on the line.  Once it has moved, the
	 * 复位 puts it back where it is registered: judge that position. */
	if (found && (rm->type == 'Q' || rm->type == 'q' || rm->type == 0)) {
		if (!(*flags & F_DISPLACED)) {
			if (m->distance_to_line_m > m->tolerance_m) {
				*flags |= F_OFFLINE;
				add_finding(&m->findings, "off-line",
					    _("single monument %.2f m from the registered line, tolerance %.2f m"),
					    m->distance_to_line_m, m->tolerance_m);
			}
		} else {
			struct geo_inspect_loc rl;

			if (geo_inspect_line_locate(c->gl, c->cc, rm->lon, rm->lat, &rl, e) < 0)
				return err_prefix(e, _("monument %s: "), rm->number);
			if (rl.distance_m > m->tolerance_m) {
				*flags |= F_OFFLINE;
				add_finding(&m->findings, "off-line",
					    _("single monument registered %.2f m from the registered line, tolerance %.2f m"),
					    rl.distance_m, m->tolerance_m);
			}
		}
	}
	if (rm->tri_junction) {
		double lon0, lat0, lon1, lat1, d0, d1;

		geo_inspect_line_ends(c->gl, &lon0, &lat0, &lon1, &lat1);
		d0 = geo_geod_distance(rm->lon, rm->lat, lon0, lat0);
		d1 = geo_geod_distance(rm->lon, rm->lat, lon1, lat1);
		if (fmin(d0, d1) > m->tolerance_m) {
			*flags |= F_OFFLINE;
			add_finding(&m->findings, "tri-junction",
				    _("tri-junction monument %s is %.2f m from the nearest end node of the line, tolerance %.2f m"),
				    rm->number, fmin(d0, d1), m->tolerance_m);
		}
	}
	check_refs(c, m);
	if (!(*flags & F_MISSING) && m->refs_after < REG_INSPECT_MIN_REFS)
		add_finding(&m->findings, "reference-objects",
			    _("only %d 方位物 (at least %d): choose new ones nearby and refill the 界桩登记表"),
			    m->refs_after, REG_INSPECT_MIN_REFS);
	return 0;
}

static enum reg_verdict verdict_of(unsigned flags)
{
	if (flags & F_MISSING)
		return REG_VERDICT_MISSING;
	if (flags & F_DISPLACED)
		return REG_VERDICT_DISPLACED;
	if (flags & F_DAMAGED)
		return REG_VERDICT_DAMAGED;
	if (flags & F_OFFLINE)
		return REG_VERDICT_OFF_LINE;
	return REG_VERDICT_OK;
}

static int by_number(const void *a, const void *b)
{
	const struct reg_inspect_mon *const *x = a, *const *y = b;

	return strcmp((*x)->number, (*y)->number);
}

static int by_measure(const void *a, const void *b)
{
	const struct reg_inspect_mon *x = a, *y = b;

	if (x->registered != y->registered)
		return x->registered ? -1 : 1;
	if (x->measure_m != y->measure_m)
		return x->measure_m < y->measure_m ? -1 : 1;
	return strcmp(x->number, y->number);
}

/* Groups of monuments sharing a number: same-side and duplicates. */
struct group {
	char key[REG_INSPECT_MAX_NUMBER];
	long long seq;
	double measure;
	size_t first, n;          /* indexes into the sorted member array */
};

static int by_key(const void *a, const void *b)
{
	const struct reg_inspect_mon *const *x = a, *const *y = b;
	char kx[REG_INSPECT_MAX_NUMBER], ky[REG_INSPECT_MAX_NUMBER];
	int d;

	group_key((*x)->number, (*x)->reg->type, kx, sizeof(kx));
	group_key((*y)->number, (*y)->reg->type, ky, sizeof(ky));
	d = strcmp(kx, ky);
	return d ? d : strcmp((*x)->number, (*y)->number);
}

static int group_by_measure(const void *a, const void *b)
{
	const struct group *x = a, *y = b;

	if (x->measure != y->measure)
		return x->measure < y->measure ? -1 : 1;
	return strcmp(x->key, y->key);
}

static void member_list(struct reg_inspect_mon **mem, size_t n, struct buf *b)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf_addf(b, "%s%s", i ? ", " : "", mem[i]->number);
}

/* same-side (pairs and triples), duplicate numbers in a group, and the
 * numbering along the line. */
static void check_groups(struct ctx *c, struct reg_inspect_mon *mon, size_t nreg,
			 unsigned *flags)
{
	struct reg_inspect_mon **mem = malloc((nreg ? nreg : 1) * sizeof(*mem));
	struct group *gr = malloc((nreg ? nreg : 1) * sizeof(*gr));
	size_t i, j, ng = 0;
	long up = 0, down = 0;
	int dir;

	if (!mem || !gr)
		abort();
	for (i = 0; i < nreg; i++)
		mem[i] = &mon[i];
	qsort(mem, nreg, sizeof(*mem), by_key);
	for (i = 0; i < nreg; i = j) {
		struct group *g = &gr[ng++];
		int left = 0, right = 0, singles = 0;

		group_key(mem[i]->number, mem[i]->reg->type, g->key, sizeof(g->key));
		g->seq = sequence(g->key);
		g->first = i;
		g->measure = 0;
		for (j = i; j < nreg; j++) {
			char k[REG_INSPECT_MAX_NUMBER];

			group_key(mem[j]->number, mem[j]->reg->type, k, sizeof(k));
			if (strcmp(k, g->key))
				break;
			g->measure += mem[j]->measure_m;
			if (mem[j]->side > 0)
				left++;
			else if (mem[j]->side < 0)
				right++;
			if (mem[j]->reg->type == 'Q' || mem[j]->reg->type == 'q' || !mem[j]->reg->type)
				singles++;
		}
		g->n = j - i;
		g->measure /= (double)g->n;
		if (g->n < 2)
			continue;
		if (singles) {
			struct buf b = BUF_INIT;

			member_list(mem + i, g->n, &b);
			add_finding(&c->res->findings, "numbering",
				    _("duplicate: %s share the number %s, but %s a single (Q) monument"),
				    buf_str(&b), g->key,
				    singles > 1 ? _("some are") : _("one is"));
			buf_release(&b);
		} else if (!left || !right) {
			struct buf b = BUF_INIT;
			size_t k;

			member_list(mem + i, g->n, &b);
			for (k = i; k < j; k++) {
				add_finding(&mem[k]->findings, "same-side",
					    g->n == 2 ? _("the pair %s is not on both sides of the line: all on the %s")
						      : _("the group %s is not on both sides of the line: all on the %s"),
					    buf_str(&b), side_word(left ? 1 : right ? -1 : 0));
				flags[mem[k] - mon] |= F_OFFLINE;
			}
			buf_release(&b);
		}
	}
	/* numbering: groups with a sequence, in order along the line */
	for (i = j = 0; i < ng; i++)
		if (gr[i].seq >= 0)
			gr[j++] = gr[i];
	ng = j;
	qsort(gr, ng, sizeof(*gr), group_by_measure);
	for (i = 0; i + 1 < ng; i++) {
		if (gr[i + 1].seq > gr[i].seq)
			up++;
		else if (gr[i + 1].seq < gr[i].seq)
			down++;
	}
	dir = down > up ? -1 : 1;
	for (i = 0; i + 1 < ng; i++) {
		long long d = dir * (gr[i + 1].seq - gr[i].seq);

		if (d < 0)
			add_finding(&c->res->findings, "numbering",
				    _("reversal: %s comes after %s along the line (numbers run %s)"),
				    gr[i + 1].key, gr[i].key,
				    dir > 0 ? _("upwards from the line's start") : _("downwards from the line's start"));
		else if (d == 0)
			add_finding(&c->res->findings, "numbering",
				    _("duplicate: %s and %s have the same sequence number"),
				    gr[i].key, gr[i + 1].key);
		else if (d > 1)
			add_finding(&c->res->findings, "numbering",
				    _("gap: %lld number%s missing between %s and %s"),
				    d - 1, d - 1 > 1 ? "s" : "", gr[i].key, gr[i + 1].key);
	}
	free(mem);
	free(gr);
}

/* Line ends that other lines nearly but not exactly share. */
static void check_nodes(struct ctx *c)
{
	const struct reg_inspect_input *in = c->in;
	double lon[2], lat[2];
	size_t k, i;

	geo_inspect_line_ends(c->gl, &lon[0], &lat[0], &lon[1], &lat[1]);
	for (k = 0; k < 2; k++)
		for (i = 0; i < in->nnodes; i++) {
			double d;

			if (in->node_lon[i] == lon[k] && in->node_lat[i] == lat[k])
				continue;
			if (fabs(in->node_lat[i] - lat[k]) > 0.01 || fabs(in->node_lon[i] - lon[k]) > 0.01)
				continue;
			d = geo_geod_distance(lon[k], lat[k], in->node_lon[i], in->node_lat[i]);
			if (d <= c->o->snap_m)
				add_finding(&c->res->findings, "tri-junction",
					    k == 0 ? _("line ends do not meet exactly: the start of this line (%.7f %.7f) is %.3f m from an end of line %s")
						   : _("line ends do not meet exactly: the end of this line (%.7f %.7f) is %.3f m from an end of line %s"),
					    lon[k], lat[k], d, in->node_line[i]);
		}
	for (i = 0; i < c->res->nmon; i++) {
		const struct reg_inspect_mon *m = &c->res->mon[i];
		size_t exact = 0, near = 0, best;
		double d0, d1;

		if (!m->registered || !m->reg->tri_junction)
			continue;
		d0 = geo_geod_distance(m->reg->lon, m->reg->lat, lon[0], lat[0]);
		d1 = geo_geod_distance(m->reg->lon, m->reg->lat, lon[1], lat[1]);
		best = d0 <= d1 ? 0 : 1;
		if (fmin(d0, d1) > m->tolerance_m)
			continue;  /* reported on the monument */
		if (in->line.node_divisions[best] > 0) {
			if (in->line.node_divisions[best] < 3)
				add_finding(&c->res->findings, "tri-junction",
					    _("only %d divisions meet at the node of tri-junction monument %s (%.7f %.7f); a 三交点 joins three"),
					    in->line.node_divisions[best], m->number, lon[best], lat[best]);
			continue;
		}
		geo_inspect_nodes_at(in->node_lon, in->node_lat, in->nnodes, lon[best], lat[best],
				     c->o->snap_m, &exact, &near);
		if (!exact)
			add_finding(&c->res->findings, "tri-junction",
				    _("no other line ends at the node of tri-junction monument %s (%.7f %.7f)"),
				    m->number, lon[best], lat[best]);
	}
}

/* Add years to a day number, keeping month and day (29 Feb -> 28 Feb). */
static long add_years(long days, int years)
{
	char d[11], s[24];
	long out;
	int y;

	clock_format_date(days, d);
	y = atoi(d) + years;
	snprintf(s, sizeof(s), "%04d%.6s", y % 10000, d + 4);
	if (clock_parse_date(s, &out, NULL) < 0) {
		s[9] = '8';
		if (clock_parse_date(s, &out, NULL) < 0)
			return days + 365L * years;
	}
	return out;
}

static void check_overdue(struct ctx *c)
{
	const struct reg_inspect_lineinfo *l = &c->in->line;
	const char *prev = l->last_inspected[0] ? l->last_inspected : l->approved;
	long pd, td;

	if (!prev[0] || clock_parse_date(prev, &pd, NULL) < 0 ||
	    clock_parse_date(c->res->date, &td, NULL) < 0)
		return;
	if (td <= add_years(pd, c->o->cycle_years))
		return;
	if (l->last_inspected[0])
		add_finding(&c->res->findings, "overdue",
			    _("the previous round (%s) is more than %d years before %s (条例 art. 12: every %d years)"),
			    prev, c->o->cycle_years, c->res->date, c->o->cycle_years);
	else
		add_finding(&c->res->findings, "overdue",
			    _("never inspected since its approval (%s), more than %d years before %s (条例 art. 12: every %d years)"),
			    prev, c->o->cycle_years, c->res->date, c->o->cycle_years);
}

static void copy_lineinfo(struct reg_inspect_lineinfo *dst, const struct reg_inspect_input *in)
{
	const double *lon, *lat;
	const size_t *pe;
	size_t n, np;

	*dst = in->line;
	geo_inspect_line_vertices(in->geom, &lon, &lat, &n, &pe, &np);
	dst->lon = malloc(n * sizeof(double));
	dst->lat = malloc(n * sizeof(double));
	dst->part_end = malloc(np * sizeof(size_t));
	if (!dst->lon || !dst->lat || !dst->part_end)
		abort();
	memcpy(dst->lon, lon, n * sizeof(double));
	memcpy(dst->lat, lat, n * sizeof(double));
	memcpy(dst->part_end, pe, np * sizeof(size_t));
	dst->n = n;
	dst->nparts = np;
	if (!(dst->length_km > 0))
		dst->length_km = geo_inspect_line_length(in->geom) / 1000.0;
}

/* The registered precision the line's monuments share (the default for
 * those without one), or the default when they differ: the tolerance the
 * report heads with. */
static double common_precision(const struct reg_inspect_input *in,
			       const struct reg_inspect_opts *o)
{
	double p = NAN;
	size_t i;

	for (i = 0; i < in->nmon; i++) {
		double q = isfinite(in->mon[i].precision_m) && in->mon[i].precision_m > 0
			? in->mon[i].precision_m : o->m_reg;

		if (isnan(p))
			p = q;
		else if (p != q)
			return o->m_reg;
	}
	return isnan(p) ? o->m_reg : p;
}

static void init_mon(struct reg_inspect_mon *m)
{
	static const struct reg_inspect_monument none;

	memset(m, 0, sizeof(*m));
	m->reg = &none;
	m->dn_m = m->de_m = m->displacement_m = m->dh_m = NAN;
	m->distance_to_line_m = m->measure_m = NAN;
}

int reg_inspect_run(struct geo_crs_cache *cc, struct reg_inspect_input *in,
		    const struct reg_survey_row *const *rows, size_t nrows,
		    const struct reg_inspect_opts *o, struct reg_inspect_result *res,
		    struct err *e)
{
	struct ctx c = { cc, in->geom, in, o, res, 0 };
	struct reg_inspect_mon **index = NULL;
	unsigned *flags = NULL;
	size_t i, nreg = in->nmon, nunknown = 0;
	int rc = -1;

	memset(res, 0, sizeof(*res));
	copy_lineinfo(&res->line, in);
	snprintf(res->date, sizeof(res->date), "%s", o->date);
	if (!res->date[0] && clock_today(res->date, e) < 0)
		return -1;
	if (o->round[0])
		snprintf(res->round, sizeof(res->round), "%s", o->round);
	else
		snprintf(res->round, sizeof(res->round), "%.4s年联检", res->date);
	if (o->parties[0])
		snprintf(res->parties, sizeof(res->parties), "%s", o->parties);
	else
		snprintf(res->parties, sizeof(res->parties), "%.127s;%.127s",
			 in->line.left_name[0] ? in->line.left_name : in->line.left_code,
			 in->line.right_name[0] ? in->line.right_name : in->line.right_code);
	res->tolerance_m = o->tolerance_m > 0 ? o->tolerance_m
					      : geo_inspect_tolerance(o->k, common_precision(in, o), o->m_new);
	res->mon = calloc(nreg + nrows + 1, sizeof(*res->mon));
	index = malloc((nreg + 1) * sizeof(*index));
	flags = calloc(nreg + nrows + 1, sizeof(*flags));
	if (!res->mon || !index || !flags)
		abort();
	for (i = 0; i < nreg; i++) {
		init_mon(&res->mon[i]);
		res->mon[i].reg = &in->mon[i];
		res->mon[i].number = in->mon[i].number;
		res->mon[i].registered = 1;
		index[i] = &res->mon[i];
	}
	res->nmon = nreg;
	qsort(index, nreg, sizeof(*index), by_number);

	/* match survey rows to registered monuments */
	for (i = 0; i < nrows; i++) {
		struct reg_inspect_mon key, *kp = &key, **hit;

		key.number = rows[i]->number;
		hit = nreg ? bsearch(&kp, index, nreg, sizeof(*index), by_number) : NULL;
		if (hit && (*hit)->row) {
			add_finding(&res->findings, "numbering",
				    _("duplicate: monument %s is listed twice in the survey (lines %ld and %ld); line %ld ignored"),
				    rows[i]->number, (*hit)->row->line, rows[i]->line, rows[i]->line);
		} else if (hit) {
			(*hit)->row = rows[i];
		} else {
			struct reg_inspect_mon *m = &res->mon[nreg + nunknown++];

			init_mon(m);
			m->number = rows[i]->number;
			m->row = rows[i];
		}
	}
	res->nmon = nreg + nunknown;

	for (i = 0; i < nreg; i++)
		if (check_monument(&c, &res->mon[i], &flags[i], e) < 0)
			goto out;
	for (i = nreg; i < res->nmon; i++) {
		struct reg_inspect_mon *m = &res->mon[i];
		struct geo_inspect_loc loc;

		if (o->survey)
			add_finding(&m->findings, "unknown-monument",
				    _("%s:%ld: no monument %s is registered on line %s"),
				    o->survey, m->row->line, m->number, in->line.code);
		else
			add_finding(&m->findings, "unknown-monument",
				    _("survey line %ld: no monument %s is registered on line %s"),
				    m->row->line, m->number, in->line.code);
		if (m->row->has_pos && !(m->row->condition & REG_COND_LOST)) {
			if (geo_inspect_line_locate(c.gl, cc, m->row->lon, m->row->lat, &loc, e) < 0)
				goto out;
			m->distance_to_line_m = loc.distance_m;
			m->measure_m = loc.measure_m;
			m->side = loc.side;
		}
	}
	check_groups(&c, res->mon, nreg, flags);
	for (i = 0; i < nreg; i++)
		res->mon[i].verdict = verdict_of(flags[i]);
	for (i = nreg; i < res->nmon; i++)
		res->mon[i].verdict = REG_VERDICT_UNKNOWN;
	/* registered monuments along the line, then the unknown rows */
	qsort(res->mon, res->nmon, sizeof(*res->mon), by_measure);
	check_nodes(&c);
	check_overdue(&c);
	res->summary.total = (long)res->nmon;
	res->nfindings = (long)res->findings.n;
	for (i = 0; i < res->nmon; i++) {
		res->summary.count[res->mon[i].verdict]++;
		res->nfindings += (long)res->mon[i].findings.n;
	}
	rc = 0;
out:
	free(index);
	free(flags);
	if (rc < 0)
		reg_inspect_result_release(res);
	return rc;
}

/* ---- splitting a survey over several lines ---- */

struct owner {
	const char *number;
	size_t line;
};

static int by_owner(const void *a, const void *b)
{
	const struct owner *x = a, *y = b;
	int d = strcmp(x->number, y->number);

	return d ? d : (x->line > y->line) - (x->line < y->line);
}

int reg_inspect_assign(struct reg *r, struct geo_crs_cache *cc, struct reg_inspect_input *in,
		       size_t nin, const struct reg_survey *s, const struct reg_survey_row ***out,
		       size_t *nout, struct err *e)
{
	struct owner *own = NULL;
	size_t i, k, nown = 0;
	int rc = -1;

	for (k = 0; k < nin; k++) {
		out[k] = malloc((s->n + 1) * sizeof(**out));
		nout[k] = 0;
		if (!out[k])
			abort();
		nown += in[k].nmon;
	}
	/* every registered number of these lines, sorted, to find a row's line */
	own = malloc((nown + 1) * sizeof(*own));
	if (!own)
		abort();
	nown = 0;
	for (k = 0; k < nin; k++)
		for (i = 0; i < in[k].nmon; i++) {
			own[nown].number = in[k].mon[i].number;
			own[nown++].line = k;
		}
	qsort(own, nown, sizeof(*own), by_owner);
	for (i = 0; i < s->n; i++) {
		const struct reg_survey_row *row = &s->row[i];
		long target = -1;

		if (row->boundary_code[0]) {
			for (k = 0; k < nin; k++)
				if (!strcmp(in[k].line.code, row->boundary_code))
					target = (long)k;
			if (target < 0)
				continue;  /* a line not inspected now */
		} else {
			struct owner key = { row->number, 0 }, *hit;

			hit = nown ? bsearch(&key, own, nown, sizeof(*own), by_owner) : NULL;
			if (!hit) {
				/* bsearch found no (number, 0): look for the number on any line */
				size_t lo = 0, hi = nown;

				while (lo < hi) {
					size_t mid = (lo + hi) / 2;

					if (strcmp(own[mid].number, row->number) < 0)
						lo = mid + 1;
					else
						hi = mid;
				}
				if (lo < nown && !strcmp(own[lo].number, row->number))
					hit = &own[lo];
			}
			if (hit) {
				while (hit > own && !strcmp(hit[-1].number, row->number))
					hit--;
				target = (long)hit->line;
				if (hit + 1 < own + nown && !strcmp(hit[1].number, row->number) &&
				    hit[1].line != hit->line) {
					err_set(e, ERR_INPUT,
						_("%s:%ld: field 'number': monument '%s' is on lines %s and %s (add a boundary_code column)"),
						s->path, row->line, row->number, in[hit->line].line.code,
						in[hit[1].line].line.code);
					goto out;
				}
			} else {
				double best = INFINITY;
				struct reg_monument m;
				int rc2 = r ? reg_monument_get(r, NULL, row->number, &m, e) : 0;

				if (rc2 < 0)
					goto out;
				if (rc2 > 0)
					continue;  /* another line's monument */
				target = 0;
				for (k = 0; row->has_pos && k < nin; k++) {
					struct geo_inspect_loc loc;

					if (geo_inspect_line_locate(in[k].geom, cc, row->lon, row->lat,
								    &loc, e) < 0)
						goto out;
					if (loc.distance_m < best) {
						best = loc.distance_m;
						target = (long)k;
					}
				}
			}
		}
		out[target][nout[target]++] = row;
	}
	rc = 0;
out:
	free(own);
	if (rc < 0)
		for (k = 0; k < nin; k++) {
			free(out[k]);
			out[k] = NULL;
		}
	return rc;
}
