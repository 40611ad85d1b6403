/* inspect_render.c - the 联检 result as text, JSON and CSV (the updated 界桩登记表). */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "cli/inspect.h"
#include "common/buf.h"
#include "common/csv.h"
#include "geo/geo_inspect.h"

static int write_error(struct err *e)
{
	return err_set(e, ERR_IO, _("cannot write the report: %s"), strerror(errno));
}

/* ---- JSON, streamed ----
 *
 * A survey of thousands of monuments would build a tree of tens of
 * thousands of jansson values only to print it; this writes the same text
 * json_dumpf(JSON_INDENT(2) | JSON_REAL_PRECISION(12)) would, as it goes. */

static void jindent(struct buf *b, int level)
{
	buf_addc(b, '\n');
	while (level-- > 0)
		buf_adds(b, "  ");
}

static void jstr(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '"':
			buf_adds(b, "\\\"");
			break;
		case '\\':
			buf_adds(b, "\\\\");
			break;
		case '\b':
			buf_adds(b, "\\b");
			break;
		case '\f':
			buf_adds(b, "\\f");
			break;
		case '\n':
			buf_adds(b, "\\n");
			break;
		case '\r':
			buf_adds(b, "\\r");
			break;
		case '\t':
			buf_adds(b, "\\t");
			break;
		default:
			if (c < 0x20)
				buf_addf(b, "\\u%04X", c);
			else
				buf_addc(b, (char)c);
		}
	}
	buf_addc(b, '"');
}

/* metres to the millimetre, as json_real would print it, or null */
static void jmetres(struct buf *b, double v)
{
	char s[40];

	if (!isfinite(v)) {
		buf_adds(b, "null");
		return;
	}
	snprintf(s, sizeof(s), "%.12g", round(v * 1000.0) / 1000.0);
	buf_adds(b, s);
	if (!strpbrk(s, ".eE"))
		buf_adds(b, ".0");
}

static void jkey(struct buf *b, int level, const char *key, int first)
{
	if (!first)
		buf_addc(b, ',');
	jindent(b, level);
	jstr(b, key);
	buf_adds(b, ": ");
}

static void jfindings(struct buf *b, int level, const struct reg_inspect_findings *f)
{
	size_t i;

	if (!f->n) {
		buf_adds(b, "[]");
		return;
	}
	buf_addc(b, '[');
	for (i = 0; i < f->n; i++) {
		if (i)
			buf_addc(b, ',');
		jindent(b, level + 1);
		buf_addc(b, '{');
		jkey(b, level + 2, "rule", 1);
		jstr(b, f->v[i].rule);
		jkey(b, level + 2, "message", 0);
		jstr(b, f->v[i].message);
		jindent(b, level + 1);
		buf_addc(b, '}');
	}
	jindent(b, level);
	buf_addc(b, ']');
}

static int flush_buf(FILE *f, struct buf *b)
{
	if (b->len && fwrite(b->data, 1, b->len, f) != b->len)
		return -1;
	buf_clear(b);
	return 0;
}

static int jresult(FILE *f, struct buf *b, int level, const struct reg_inspect_result *res)
{
	static const char *const keys[REG_VERDICT_COUNT] = {
		"ok", "displaced", "damaged", "missing", "off_line", "unknown"
	};
	size_t i;
	int v;

	buf_addc(b, '{');
	jkey(b, level + 1, "boundary", 1);
	jstr(b, res->line.code);
	jkey(b, level + 1, "round", 0);
	jstr(b, res->round);
	jkey(b, level + 1, "date", 0);
	jstr(b, res->date);
	jkey(b, level + 1, "tolerance_m", 0);
	jmetres(b, res->tolerance_m);
	jkey(b, level + 1, "monuments", 0);
	buf_adds(b, res->nmon ? "[" : "[]");
	for (i = 0; i < res->nmon; i++) {
		const struct reg_inspect_mon *m = &res->mon[i];
		char cond[96];

		if (i)
			buf_addc(b, ',');
		jindent(b, level + 2);
		buf_addc(b, '{');
		jkey(b, level + 3, "number", 1);
		jstr(b, m->number);
		jkey(b, level + 3, "verdict", 0);
		jstr(b, reg_verdict_name(m->verdict));
		jkey(b, level + 3, "displacement_m", 0);
		jmetres(b, m->displacement_m);
		jkey(b, level + 3, "dh_m", 0);
		jmetres(b, m->dh_m);
		jkey(b, level + 3, "distance_to_line_m", 0);
		jmetres(b, m->distance_to_line_m);
		jkey(b, level + 3, "condition", 0);
		if (m->row) {
			reg_condition_format(m->row->condition, cond, sizeof(cond));
			jstr(b, cond);
		} else {
			buf_adds(b, "null");
		}
		jkey(b, level + 3, "findings", 0);
		jfindings(b, level + 3, &m->findings);
		jindent(b, level + 2);
		buf_addc(b, '}');
		if (b->len > 1 << 16 && flush_buf(f, b) < 0)
			return -1;
	}
	if (res->nmon)
		jindent(b, level + 1);
	if (res->nmon)
		buf_addc(b, ']');
	jkey(b, level + 1, "findings", 0);
	jfindings(b, level + 1, &res->findings);
	jkey(b, level + 1, "summary", 0);
	buf_addc(b, '{');
	jkey(b, level + 2, "total", 1);
	buf_addf(b, "%ld", res->summary.total);
	for (v = 0; v < REG_VERDICT_COUNT; v++) {
		jkey(b, level + 2, keys[v], 0);
		buf_addf(b, "%ld", res->summary.count[v]);
	}
	jindent(b, level + 1);
	buf_addc(b, '}');
	jindent(b, level);
	buf_addc(b, '}');
	return 0;
}

int cli_inspect_render_json(FILE *f, const struct cli_inspect_report *rep, struct err *e)
{
	struct buf b = BUF_INIT;
	size_t i;
	int rc = 0;

	if (rep->n == 1) {
		rc = jresult(f, &b, 0, &rep->line[0].res);
	} else {
		buf_addc(&b, '[');
		for (i = 0; i < rep->n && rc == 0; i++) {
			if (i)
				buf_addc(&b, ',');
			jindent(&b, 1);
			rc = jresult(f, &b, 1, &rep->line[i].res);
		}
		if (rep->n)
			jindent(&b, 0);
		buf_addc(&b, ']');
	}
	buf_addc(&b, '\n');
	if (rc == 0)
		rc = flush_buf(f, &b);
	buf_release(&b);
	return rc < 0 ? write_error(e) : 0;
}

/* ---- text ---- */

static const char *const verdict_heads[REG_VERDICT_COUNT] = {
	"ok", "displaced", "damaged", "missing", "off-line", "unknown"
};

int cli_inspect_render_text(FILE *f, const struct cli_inspect_report *rep, struct err *e)
{
	struct reg_inspect_summary all;
	size_t i, j, k;
	int v;

	memset(&all, 0, sizeof(all));
	fprintf(f, "%-24s %6s", _("line"), _("total"));
	for (v = 0; v < REG_VERDICT_COUNT; v++)
		fprintf(f, " %9s", verdict_heads[v]);
	fprintf(f, " %8s  %s\n", _("findings"), _("name"));
	for (i = 0; i < rep->n; i++) {
		const struct reg_inspect_result *r = &rep->line[i].res;

		fprintf(f, "%-24s %6ld", r->line.code, r->summary.total);
		for (v = 0; v < REG_VERDICT_COUNT; v++) {
			fprintf(f, " %9ld", r->summary.count[v]);
			all.count[v] += r->summary.count[v];
		}
		all.total += r->summary.total;
		fprintf(f, " %8ld  %s\n", r->nfindings, r->line.name);
	}
	if (rep->n > 1) {
		long nf = 0;

		for (i = 0; i < rep->n; i++)
			nf += rep->line[i].res.nfindings;
		fprintf(f, "%-24s %6ld", _("all lines"), all.total);
		for (v = 0; v < REG_VERDICT_COUNT; v++)
			fprintf(f, " %9ld", all.count[v]);
		fprintf(f, " %8ld\n", nf);
	}
	for (i = 0; i < rep->n; i++) {
		const struct cli_inspect_line *L = &rep->line[i];
		const struct reg_inspect_result *r = &L->res;
		int w = 1;

		for (j = 0; j < r->nmon; j++)
			if (r->mon[j].findings.n && (int)strlen(r->mon[j].number) > w)
				w = (int)strlen(r->mon[j].number);
		fprintf(f, _("\n%s %s: round %s, %s, tolerance %.2f m\n"), r->line.code, r->line.name,
			r->round, r->date, r->tolerance_m);
		if (!r->nfindings)
			fprintf(f, _("  no findings\n"));
		for (j = 0; j < r->findings.n; j++)
			fprintf(f, "  %-*s  %-17s %s\n", w, "-", r->findings.v[j].rule,
				r->findings.v[j].message);
		for (j = 0; j < r->nmon; j++) {
			const struct reg_inspect_mon *m = &r->mon[j];

			for (k = 0; k < m->findings.n; k++)
				fprintf(f, "  %-*s  %-17s %s\n", w, m->number, m->findings.v[k].rule,
					m->findings.v[k].message);
		}
		for (j = 0; j < L->nhz; j++)
			fprintf(f, _("  %-*s  %-17s hazard %lld, %s: %s (open since %.10s)\n"), w,
				L->hz[j].monument[0] ? L->hz[j].monument : "-", "hazard", L->hz[j].id,
				L->hz[j].kind, L->hz[j].note, L->hz[j].opened_at);
	}
	if (ferror(f))
		return write_error(e);
	return 0;
}

/* ---- CSV: the updated 界桩登记表 ---- */

static void field(struct buf *b, const char *s)
{
	buf_addc(b, ',');
	csv_add_str(b, s);
}

static void fnum(struct buf *b, double v, int prec)
{
	buf_addc(b, ',');
	if (isfinite(v))
		buf_addf(b, "%.*f", prec, v);
}

/* A distance as a 登记表 writes it: to the centimetre, no trailing zeros. */
static void fdist(struct buf *b, double v)
{
	char s[32];
	size_t n;

	buf_addc(b, ',');
	if (!isfinite(v))
		return;
	n = (size_t)snprintf(s, sizeof(s), "%.2f", v);
	while (n > 0 && s[n - 1] == '0')
		s[--n] = '\0';
	if (n > 0 && s[n - 1] == '.')
		s[--n] = '\0';
	buf_adds(b, s);
}

/* The resurveyed position written in the registered system, as the
 * register writes its own coordinates. */
static void surveyed_xy(const struct cli_inspect_report *rep, const struct reg_inspect_mon *m,
			char *x, char *y, size_t n)
{
	const struct reg_survey_row *row = m->row;
	struct geo_crs_info info;
	double a, b;

	x[0] = y[0] = '\0';
	if (!row || !row->has_pos)
		return;
	if (!m->registered || !m->reg->srs[0] || !strcmp(m->reg->srs, row->srs)) {
		snprintf(x, n, "%s", row->x);
		snprintf(y, n, "%s", row->y);
		return;
	}
	if (geo_crs_from_cgcs(rep->cc, m->reg->srs, row->lon, row->lat, &a, &b, &info, NULL) < 0) {
		snprintf(x, n, "%s", row->x);
		snprintf(y, n, "%s", row->y);
		return;
	}
	snprintf(x, n, info.kind == GEO_CRS_PROJECTED ? "%.3f" : "%.9f", a);
	snprintf(y, n, info.kind == GEO_CRS_PROJECTED ? "%.3f" : "%.9f", b);
}

/* 方位物 after the round: the registered ones as remeasured (not-found
 * ones dropped), then new ones from the survey; at most five. */
static void refs_after(const struct reg_inspect_mon *m, struct buf *b)
{
	const struct reg_survey_row *row = m->row;
	int i, j, written = 0;
	char az[24];

	for (i = 0; i < m->reg->nref && written < REG_INSPECT_REFS; i++) {
		const struct reg_inspect_ref *rr = &m->reg->ref[i];
		double a = rr->azimuth_deg, d = rr->distance_m;
		int gone = 0;

		for (j = 0; row && j < row->nref; j++)
			if (!strcmp(row->ref[j].name, rr->name)) {
				if (!row->ref[j].has_azimuth && !row->ref[j].has_distance)
					gone = 1;
				if (row->ref[j].has_azimuth)
					a = row->ref[j].azimuth_deg;
				if (row->ref[j].has_distance)
					d = row->ref[j].distance_m;
			}
		if (gone)
			continue;
		field(b, rr->name);
		az[0] = '\0';
		if (isfinite(a))
			geo_dm_format(a, az);
		field(b, az);
		fdist(b, d);
		written++;
	}
	for (j = 0; row && j < row->nref && written < REG_INSPECT_REFS; j++) {
		const struct reg_survey_ref *sr = &row->ref[j];

		for (i = 0; i < m->reg->nref; i++)
			if (!strcmp(m->reg->ref[i].name, sr->name))
				break;
		if (i < m->reg->nref || (!sr->has_azimuth && !sr->has_distance))
			continue;
		field(b, sr->name);
		az[0] = '\0';
		if (sr->has_azimuth)
			geo_dm_format(sr->azimuth_deg, az);
		field(b, az);
		fdist(b, sr->has_distance ? sr->distance_m : NAN);
		written++;
	}
	for (; written < REG_INSPECT_REFS; written++)
		buf_adds(b, ",,,");
}

int cli_inspect_render_csv(FILE *f, const struct cli_inspect_report *rep, struct err *e)
{
	struct buf b = BUF_INIT;
	size_t i, j, k;
	int r;

	/* the BOM makes Excel read UTF-8 */
	buf_adds(&b, "\xEF\xBB\xBF" "number,boundary_code,type,verdict,condition,action,"
		 "x,y,h,srs,x_surveyed,y_surveyed,h_surveyed,dx_m,dy_m,displacement_m,dh_m,"
		 "distance_to_line_m,tolerance_m");
	for (r = 1; r <= REG_INSPECT_REFS; r++)
		buf_addf(&b, ",ref%d_name,ref%d_azimuth,ref%d_distance_m", r, r, r);
	buf_adds(&b, ",managing_party,round,date,note,photos,findings\r\n");
	for (i = 0; i < rep->n; i++) {
		const struct reg_inspect_result *res = &rep->line[i].res;

		for (j = 0; j < res->nmon; j++) {
			const struct reg_inspect_mon *m = &res->mon[j];
			char cond[96] = "", act[64], xs[40], ys[40], type[2] = { m->reg->type, 0 };
			struct buf fs = BUF_INIT;

			if (m->row)
				reg_condition_format(m->row->condition, cond, sizeof(cond));
			reg_action_format(m->actions, act, sizeof(act));
			surveyed_xy(rep, m, xs, ys, sizeof(xs));
			csv_add_str(&b, m->number);
			field(&b, res->line.code);
			field(&b, type);
			field(&b, reg_verdict_name(m->verdict));
			field(&b, cond);
			field(&b, act);
			field(&b, m->reg->x);
			field(&b, m->reg->y);
			fnum(&b, m->reg->has_h ? m->reg->h : NAN, 3);
			field(&b, m->registered ? m->reg->srs : (m->row ? m->row->srs : ""));
			field(&b, xs);
			field(&b, ys);
			fnum(&b, m->row && m->row->has_h ? m->row->h : NAN, 3);
			fnum(&b, m->dn_m, 3);
			fnum(&b, m->de_m, 3);
			fnum(&b, m->displacement_m, 3);
			fnum(&b, m->dh_m, 3);
			fnum(&b, m->distance_to_line_m, 3);
			fnum(&b, m->registered ? m->tolerance_m : NAN, 3);
			refs_after(m, &b);
			field(&b, m->reg->managing_party);
			field(&b, res->round);
			field(&b, res->date);
			field(&b, m->row ? m->row->note : "");
			field(&b, m->row ? m->row->photos : "");
			for (k = 0; k < m->findings.n; k++)
				buf_addf(&fs, "%s%s: %s", k ? "; " : "", m->findings.v[k].rule,
					 m->findings.v[k].message);
			field(&b, buf_str(&fs));
			buf_release(&fs);
			buf_adds(&b, "\r\n");
			if (b.len > 1 << 16) {
				if (fwrite(b.data, 1, b.len, f) != b.len) {
					buf_release(&b);
					return write_error(e);
				}
				buf_clear(&b);
			}
		}
	}
	if (fwrite(b.data, 1, b.len, f) != b.len) {
		buf_release(&b);
		return write_error(e);
	}
	buf_release(&b);
	return 0;
}
