/* inspect_html.c - the 联检 report as one self-contained, printable HTML page (A4).
 *
 * Per line: the line's facts, the conclusion in numbers, a map drawn as
 * inline SVG in the line's Gauss-Krüger plane (the line, every monument
 * coloured by verdict, an arrow from the registered to the resurveyed
 * position exaggerated by a printed factor, a scale bar and a grid-north
 * arrow), the per-monument table, the findings, the open hazards and
 * blank signature blocks for both sides.  No scripts, no external files:
 * the page prints the same in any browser and archives as it is.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/inspect.h"
#include "common/buf.h"
#include "common/clock.h"
#include "geo/geo_inspect.h"

#ifndef DIMING_VERSION
#define DIMING_VERSION "0.0.0"
#endif

/* Map canvas, in SVG user units (the SVG scales to the page width). */
#define MAP_W 1000.0
#define MAP_PAD 70.0

static const char *const verdict_colour[REG_VERDICT_COUNT] = {
	"#1b873f",  /* ok */
	"#e8590c",  /* displaced */
	"#862e9c",  /* damaged */
	"#c92a2a",  /* missing */
	"#e0a800",  /* off-line */
	"#1c7ed6",  /* unknown */
};

static const char *const verdict_zh[REG_VERDICT_COUNT] = {
	N_("完好"), N_("位移"), N_("损坏"), N_("缺失"), N_("偏离界线"), N_("未登记")
};

static const char *const rule_zh[][2] = {
	{ "missing-record", N_("漏检") },
	{ "unknown-monument", N_("未登记界桩") },
	{ "displaced", N_("位移") },
	{ "off-line", N_("偏离界线") },
	{ "same-side", N_("同号界桩同侧") },
	{ "numbering", N_("编号") },
	{ "tri-junction", N_("三交点") },
	{ "reference-objects", N_("方位物") },
	{ "condition", N_("界桩状况") },
	{ "overdue", N_("逾期未检") },
};

static const char *rule_label(const char *rule)
{
	size_t i;

	for (i = 0; i < sizeof(rule_zh) / sizeof(rule_zh[0]); i++)
		if (!strcmp(rule_zh[i][0], rule))
			return _(rule_zh[i][1]);
	return rule;
}

static void esc(struct buf *b, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '&':
			buf_adds(b, "&amp;");
			break;
		case '<':
			buf_adds(b, "&lt;");
			break;
		case '>':
			buf_adds(b, "&gt;");
			break;
		case '"':
			buf_adds(b, "&quot;");
			break;
		default:
			buf_addc(b, *s);
		}
}

static void num(struct buf *b, double v, int prec)
{
	if (isfinite(v))
		buf_addf(b, "%.*f", prec, v);
	else
		buf_adds(b, "—");
}

/* 1, 2 or 5 times a power of ten, the largest not above v. */
static double nice_floor(double v)
{
	double p = pow(10, floor(log10(v))), m = v / p;

	return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

static const char style[] =
	"@page{size:A4;margin:16mm 15mm 18mm 15mm}"
	"*{box-sizing:border-box}"
	"body{margin:0;font-family:'Noto Serif CJK SC','Source Han Serif SC','Songti SC',SimSun,serif;"
	"font-size:10pt;line-height:1.45;color:#111}"
	"section.line{page-break-after:always}section.line:last-of-type{page-break-after:auto}"
	".head{text-align:center;border-bottom:1.6pt double #111;padding-bottom:3mm;margin-bottom:4mm}"
	".head .org{font-size:10pt;letter-spacing:.3em;color:#444}"
	"h1{font-size:19pt;margin:2mm 0 1mm;letter-spacing:.12em}"
	".head .sub{font-size:10.5pt}"
	"h2{font-size:12pt;margin:4.5mm 0 2mm;padding-left:2mm;border-left:3pt solid #8a1c1c;"
	"page-break-after:avoid}"
	"table{border-collapse:collapse;width:100%;font-size:9pt}"
	"th,td{border:.6pt solid #555;padding:.8mm 1.6mm;vertical-align:top}"
	"thead{display:table-header-group}tr{page-break-inside:avoid}"
	"th{background:#eee;font-weight:bold}"
	"table.facts th{width:16%;text-align:left;white-space:nowrap}"
	"table.facts td{width:34%}"
	"td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
	"td.c{text-align:center;white-space:nowrap}"
	".chip{display:inline-block;padding:0 1.5mm;border-radius:1mm;color:#fff;font-size:8.5pt;"
	"-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	".conclusion{border:.8pt solid #555;padding:2mm 3mm;background:#fafafa}"
	".conclusion b{font-size:10.5pt}"
	"table.sum td,table.sum th{text-align:center}"
	"figure{margin:0;page-break-inside:avoid;border:.6pt solid #555}"
	"figure svg{display:block;width:100%;height:auto}"
	"figcaption{font-size:8.5pt;color:#333;padding:1mm 2mm;border-top:.6pt solid #555}"
	"ol.findings{margin:0;padding-left:6mm}ol.findings li{margin:.6mm 0}"
	".rule{font-family:monospace;font-size:8pt;color:#555}"
	".none{color:#555}"
	".confirm{page-break-inside:avoid}"
	".sig{display:flex;gap:8mm;margin-top:4mm}"
	".party{flex:1;border:.8pt solid #111;padding:3mm 4mm;min-height:62mm;position:relative}"
	".party h3{margin:0 0 3mm;font-size:11pt}"
	".party p{margin:0 0 7mm;white-space:nowrap}"
	".blank{display:inline-block;border-bottom:.6pt solid #111;width:42mm;height:4mm}"
	".blank.s{width:9mm}"
	".seal{position:absolute;right:3mm;bottom:3mm;width:25mm;height:25mm;border:.6pt dashed #999;"
	"border-radius:50%;color:#999;font-size:8pt;text-align:center;line-height:25mm}"
	".mappage{page-break-inside:avoid}"
	"footer{margin-top:5mm;font-size:8pt;color:#555;border-top:.6pt solid #999;padding-top:1.5mm}";

static void facts(struct buf *b, const struct cli_inspect_report *rep,
		  const struct reg_inspect_result *r)
{
	const struct reg_inspect_lineinfo *l = &r->line;

	buf_addf(b, "<h2>%s</h2><table class=\"facts\"><tbody>", _("一、界线概况"));
	buf_addf(b, "<tr><th>%s</th><td>", _("界线名称"));
	esc(b, l->name[0] ? l->name : l->code);
	buf_addf(b, "</td><th>%s</th><td>", _("界线代码"));
	esc(b, l->code);
	buf_addf(b, "</td></tr><tr><th>%s</th><td>", _("界线左侧"));
	esc(b, l->left_name);
	buf_adds(b, " <span class=\"rule\">");
	esc(b, l->left_code);
	buf_addf(b, "</span></td><th>%s</th><td>", _("界线右侧"));
	esc(b, l->right_name);
	buf_adds(b, " <span class=\"rule\">");
	esc(b, l->right_code);
	buf_addf(b, "</span></td></tr><tr><th>%s</th><td>", _("界线级别"));
	esc(b, l->level[0] ? l->level : "—");
	buf_addf(b, "</td><th>%s</th><td>", _("界线长度"));
	num(b, l->length_km, 3);
	buf_addf(b, " km%s</td></tr><tr><th>%s</th><td>", _("（CGCS2000 椭球面）"), _("协议书"));
	esc(b, l->agreement[0] ? l->agreement : "—");
	buf_addf(b, "</td><th>%s</th><td>", _("批准日期"));
	esc(b, l->approved[0] ? l->approved : "—");
	buf_addf(b, "</td></tr><tr><th>%s</th><td>", _("上次联检"));
	esc(b, l->last_inspected[0] ? l->last_inspected : _("无记录"));
	buf_addf(b, "</td><th>%s</th><td>", _("本次联检"));
	esc(b, r->round);
	buf_adds(b, "，");
	esc(b, r->date);
	buf_addf(b, "</td></tr><tr><th>%s</th><td colspan=\"3\">", _("参加单位"));
	{
		char *p = strdup(r->parties), *s, *save = NULL;
		int first = 1;

		if (!p)
			abort();
		for (s = strtok_r(p, ";", &save); s; s = strtok_r(NULL, ";", &save)) {
			if (!first)
				buf_adds(b, "、");
			esc(b, s);
			first = 0;
		}
		free(p);
	}
	buf_addf(b, "</td></tr><tr><th>%s</th><td colspan=\"3\">", _("位移限差"));
	num(b, r->tolerance_m, 2);
	buf_addf(b, " m（k·√(m<sub>%s</sub>² + m<sub>%s</sub>²)%s）</td></tr><tr><th>%s</th>"
		 "<td colspan=\"3\">", _("登记"), _("实测"),
		 _("，按界桩登记精度逐桩计算；单立界桩距界线亦以此为限"), _("调查文件"));
	esc(b, rep->survey);
	buf_adds(b, "</td></tr></tbody></table>");
}

static void conclusion(struct buf *b, const struct reg_inspect_result *r, size_t nhz)
{
	int v;

	buf_addf(b, "<h2>%s</h2><div class=\"conclusion\">", _("二、检查结论"));
	buf_addf(b, _("本次联检共核查界桩 <b>%ld</b> 颗，其中"), r->summary.total);
	for (v = 0; v < REG_VERDICT_COUNT; v++)
		buf_addf(b, _("%s%s <b>%ld</b> 颗"), v ? "，" : "", _(verdict_zh[v]), r->summary.count[v]);
	buf_addf(b, _("；发现问题 <b>%ld</b> 项；未结隐患 <b>%zu</b> 项。"), r->nfindings, nhz);
	if (r->summary.count[REG_VERDICT_OK] == r->summary.total && r->nfindings == 0)
		buf_adds(b, _("界线清晰，界桩完好，位置准确。"));
	else
		buf_adds(b, _("问题及处理意见见第三部分，由双方共同落实。"));
	buf_addf(b, "</div><table class=\"sum\" style=\"margin-top:2mm\"><thead><tr><th>%s</th>",
		 _("合计"));
	for (v = 0; v < REG_VERDICT_COUNT; v++)
		buf_addf(b, "<th><span class=\"chip\" style=\"background:%s\">%s</span> %s</th>",
			 verdict_colour[v], _(verdict_zh[v]), reg_verdict_name(v));
	buf_addf(b, "</tr></thead><tbody><tr><td>%ld</td>", r->summary.total);
	for (v = 0; v < REG_VERDICT_COUNT; v++)
		buf_addf(b, "<td>%ld</td>", r->summary.count[v]);
	buf_adds(b, "</tr></tbody></table>");
}

/* ---- the map ---- */

struct map {
	double min_e, max_n, s, offx, offy, h;
};

static double mx(const struct map *m, double e)
{
	return m->offx + (e - m->min_e) * m->s;
}

static double my(const struct map *m, double n)
{
	return m->offy + (m->max_n - n) * m->s;
}

static void bbox_add(double e, double n, double *b)
{
	if (e < b[0]) b[0] = e;
	if (n < b[1]) b[1] = n;
	if (e > b[2]) b[2] = e;
	if (n > b[3]) b[3] = n;
}

static void scale_label(struct buf *b, double metres)
{
	if (metres >= 1000)
		buf_addf(b, "%g km", metres / 1000);
	else
		buf_addf(b, "%g m", metres);
}

static int map_svg(struct buf *b, const struct cli_inspect_report *rep,
		   const struct reg_inspect_result *r, struct err *e)
{
	const struct reg_inspect_lineinfo *l = &r->line;
	size_t n = l->n, i, p, start, nm = r->nmon, labels, strip;
	double *x = malloc((n + 2 * nm + 1) * sizeof(double));
	double *y = malloc((n + 2 * nm + 1) * sizeof(double));
	double bb[4] = { INFINITY, INFINITY, -INFINITY, -INFINITY };
	double maxd = 0, factor = 1, bar, arrow_px;
	char srs[16];
	struct map m;
	int rc = -1;

	if (!x || !y)
		abort();
	geo_inspect_plane(NULL, l->lon[n / 2], srs);
	memcpy(x, l->lon, n * sizeof(double));
	memcpy(y, l->lat, n * sizeof(double));
	for (i = 0; i < nm; i++) {
		const struct reg_inspect_mon *mo = &r->mon[i];
		const struct reg_survey_row *row = mo->row;

		x[n + 2 * i] = mo->registered ? mo->reg->lon : (row && row->has_pos ? row->lon : l->lon[0]);
		y[n + 2 * i] = mo->registered ? mo->reg->lat : (row && row->has_pos ? row->lat : l->lat[0]);
		x[n + 2 * i + 1] = row && row->has_pos ? row->lon : x[n + 2 * i];
		y[n + 2 * i + 1] = row && row->has_pos ? row->lat : y[n + 2 * i];
		if (isfinite(mo->displacement_m) && mo->displacement_m > maxd)
			maxd = mo->displacement_m;
	}
	if (geo_crs_trans_xy(rep->cc, srs, 0, x, y, n + 2 * nm, e) < 0)
		goto out;
	for (i = 0; i < n + 2 * nm; i++)
		if (i < n || (r->mon[(i - n) / 2].registered || r->mon[(i - n) / 2].row))
			bbox_add(x[i], y[i], bb);
	{
		double w = fmax(bb[2] - bb[0], 1), h = fmax(bb[3] - bb[1], 1);
		double hmax = MAP_W * 1.1, hmin = MAP_W * 0.5, inner = MAP_W - 2 * MAP_PAD;

		m.s = inner / w;
		m.h = h * m.s + 2 * MAP_PAD;
		if (m.h > hmax) {
			m.s = (hmax - 2 * MAP_PAD) / h;
			m.h = hmax;
		}
		if (m.h < hmin)
			m.h = hmin;
		m.min_e = bb[0];
		m.max_n = bb[3];
		m.offx = (MAP_W - w * m.s) / 2;
		m.offy = (m.h - h * m.s) / 2;
	}
	/* displacements are centimetres to metres on a map kilometres wide:
	 * exaggerate so the largest arrow is about 7% of the width */
	if (maxd > 0) {
		factor = nice_floor(0.07 * MAP_W / (maxd * m.s));
		if (factor < 1)
			factor = 1;
	}
	arrow_px = factor * m.s;
	bar = nice_floor((MAP_W - 2 * MAP_PAD) / 4 / m.s);

	buf_addf(b, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
		 "font-family=\"'Noto Sans CJK SC','Source Han Sans SC',sans-serif\" font-size=\"13\">",
		 MAP_W, m.h);
	buf_adds(b, "<defs><marker id=\"ah\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
		 "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
		 "<path d=\"M0,0L10,5L0,10z\" fill=\"#111\"/></marker></defs>");
	buf_addf(b, "<rect x=\"0.5\" y=\"0.5\" width=\"%.0f\" height=\"%.0f\" fill=\"#fdfdf8\" "
		 "stroke=\"#111\"/>", MAP_W - 1, m.h - 1);
	/* the line: a pale band under the dash-dot boundary symbol */
	for (p = 0, start = 0; p < l->nparts; p++) {
		int pass;

		for (pass = 0; pass < 2; pass++) {
			buf_adds(b, pass ? "<polyline fill=\"none\" stroke=\"#222\" stroke-width=\"2.2\" "
					   "stroke-dasharray=\"14 4 2 4\" points=\""
					 : "<polyline fill=\"none\" stroke=\"#f4b6b6\" stroke-width=\"9\" "
					   "stroke-linejoin=\"round\" points=\"");
			for (i = start; i < l->part_end[p]; i++)
				buf_addf(b, "%s%.1f,%.1f", i > start ? " " : "", mx(&m, x[i]), my(&m, y[i]));
			buf_adds(b, "\"/>");
		}
		start = l->part_end[p];
	}
	/* end nodes */
	{
		size_t ends[2] = { 0, n - 1 };
		int k;

		for (k = 0; k < 2; k++)
			buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"9\" height=\"9\" fill=\"#111\"/>",
				 mx(&m, x[ends[k]]) - 4.5, my(&m, y[ends[k]]) - 4.5);
	}
	/* the two sides, written beside the line where they crowd nothing */
	if (n >= 2) {
		static const double frac[] = { 0.5, 0.35, 0.65, 0.2, 0.8 };
		static const double dist[] = { 70, 110 };
		double best = -1, pos[2][2] = { { 0, 0 }, { 0, 0 } };
		size_t fi, di, j;
		int side;

		for (fi = 0; fi < sizeof(frac) / sizeof(frac[0]); fi++)
			for (di = 0; di < 2; di++) {
				size_t k = (size_t)(frac[fi] * (double)(n - 1));
				double dx, dy, len, cand[2][2], score = INFINITY;

				if (k < 1)
					k = 1;
				dx = mx(&m, x[k]) - mx(&m, x[k - 1]);
				dy = my(&m, y[k]) - my(&m, y[k - 1]);
				len = hypot(dx, dy);
				if (len <= 0)
					continue;
				/* screen y points down: the left of the direction is (dy, -dx) */
				for (side = 0; side < 2; side++) {
					double sgn = side ? -1 : 1;

					cand[side][0] = mx(&m, x[k]) + sgn * dy / len * dist[di];
					cand[side][1] = my(&m, y[k]) - sgn * dx / len * dist[di];
					if (cand[side][0] < 60 || cand[side][0] > MAP_W - 60 ||
					    cand[side][1] < 40 || cand[side][1] > m.h - 40)
						score = -1;
					for (j = 0; score >= 0 && j < n + 2 * nm; j++) {
						double d = hypot(mx(&m, x[j]) - cand[side][0],
								 my(&m, y[j]) - cand[side][1]);

						if (d < score)
							score = d;
					}
				}
				if (score > best) {
					best = score;
					memcpy(pos, cand, sizeof(pos));
				}
			}
		for (side = 0; best > 0 && side < 2; side++) {
			buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" dominant-baseline=\"middle\" "
				 "font-size=\"22\" fill=\"#8a1c1c\" fill-opacity=\"0.8\" letter-spacing=\"6\">",
				 pos[side][0], pos[side][1]);
			esc(b, side ? l->right_name : l->left_name);
			buf_adds(b, "</text>");
		}
	}
	/* arrows, then monuments on top */
	for (i = 0; i < nm; i++) {
		const struct reg_inspect_mon *mo = &r->mon[i];
		double ex, ny;

		if (!mo->registered || !isfinite(mo->displacement_m) || mo->displacement_m * arrow_px < 3)
			continue;
		ex = x[n + 2 * i] + (x[n + 2 * i + 1] - x[n + 2 * i]) * factor;
		ny = y[n + 2 * i] + (y[n + 2 * i + 1] - y[n + 2 * i]) * factor;
		buf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#111\" "
			 "stroke-width=\"1.6\" marker-end=\"url(#ah)\"/>",
			 mx(&m, x[n + 2 * i]), my(&m, y[n + 2 * i]), mx(&m, ex), my(&m, ny));
	}
	labels = 0;
	for (i = 0; i < nm; i++)
		labels += r->mon[i].verdict != REG_VERDICT_OK;
	/* labels without the line code every number starts with */
	{
		size_t cl = strlen(l->code);

		strip = cl + 1;
		for (i = 0; i < nm && strip; i++)
			if (strncmp(r->mon[i].number, l->code, cl) || r->mon[i].number[cl] != '-' ||
			    !r->mon[i].number[cl + 1])
				strip = 0;
	}
	for (i = 0; i < nm; i++) {
		const struct reg_inspect_mon *mo = &r->mon[i];
		const char *c = verdict_colour[mo->verdict];
		double cx, cy;

		if (!mo->registered && !(mo->row && mo->row->has_pos))
			continue;
		cx = mx(&m, mo->registered ? x[n + 2 * i] : x[n + 2 * i + 1]);
		cy = my(&m, mo->registered ? y[n + 2 * i] : y[n + 2 * i + 1]);
		if (mo->verdict == REG_VERDICT_UNKNOWN)
			buf_addf(b, "<path d=\"M%.1f,%.1fl8,8l-8,8l-8,-8z\" fill=\"%s\" stroke=\"#111\"/>",
				 cx, cy - 8, c);
		else if (mo->verdict == REG_VERDICT_MISSING)
			buf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"#fff\" stroke=\"%s\" "
				 "stroke-width=\"3\"/><path d=\"M%.1f,%.1fl8,8m0,-8l-8,8\" stroke=\"%s\" "
				 "stroke-width=\"2\"/>", cx, cy, c, cx - 4, cy - 4, c);
		else if (mo->reg->tri_junction)
			buf_addf(b, "<path d=\"M%.1f,%.1fl8.5,14.5h-17z\" fill=\"%s\" stroke=\"#111\" "
				 "stroke-width=\"1.2\"/>", cx, cy - 9.5, c);
		else
			buf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6.5\" fill=\"%s\" stroke=\"#111\" "
				 "stroke-width=\"1.2\"/>", cx, cy, c);
		if (nm <= 60 || mo->verdict != REG_VERDICT_OK || labels == 0) {
			buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" stroke=\"#fdfdf8\" "
				 "stroke-width=\"3.5\" paint-order=\"stroke\"%s>", cx + 10, cy - 7,
				 mo->verdict != REG_VERDICT_OK ? " font-weight=\"bold\"" : "");
			esc(b, mo->number + strip);
			buf_adds(b, "</text>");
		}
	}
	/* legend */
	{
		int rows = REG_VERDICT_COUNT + 3, v;
		double lx = 16, ly = m.h - 18 - 20.0 * rows, h = 20.0 * rows + 8;
		size_t crowd[2] = { 0, 0 };

		/* bottom left, or top left when fewer points fall there */
		for (i = 0; i < n + 2 * nm; i++) {
			double px = mx(&m, x[i]), py = my(&m, y[i]);

			if (px > lx - 20 && px < lx + 210) {
				if (py > ly - 36 && py < ly - 16 + h + 20)
					crowd[0]++;
				if (py > 10 && py < 30 + h + 20)
					crowd[1]++;
			}
		}
		if (crowd[1] < crowd[0])
			ly = 36;

		buf_addf(b, "<rect x=\"%.0f\" y=\"%.0f\" width=\"196\" height=\"%.0f\" fill=\"#fff\" "
			 "fill-opacity=\"0.92\" stroke=\"#888\"/>", lx - 6, ly - 16, h);
		for (v = 0; v < REG_VERDICT_COUNT; v++)
			buf_addf(b, "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"6\" fill=\"%s\" stroke=\"#111\"/>"
				 "<text x=\"%.0f\" y=\"%.0f\">%s %s</text>", lx + 6, ly + 20.0 * v - 4,
				 verdict_colour[v], lx + 20, ly + 20.0 * v, _(verdict_zh[v]),
				 reg_verdict_name(v));
		v = REG_VERDICT_COUNT;
		buf_addf(b, "<path d=\"M%.0f,%.0fl7,12h-14z\" fill=\"#fff\" stroke=\"#111\"/>"
			 "<text x=\"%.0f\" y=\"%.0f\">%s</text>", lx + 6, ly + 20.0 * v - 12,
			 lx + 20, ly + 20.0 * v, _("三交点界桩"));
		v++;
		buf_addf(b, "<rect x=\"%.0f\" y=\"%.0f\" width=\"9\" height=\"9\" fill=\"#111\"/>"
			 "<text x=\"%.0f\" y=\"%.0f\">%s</text>", lx + 1.5, ly + 20.0 * v - 8.5,
			 lx + 20, ly + 20.0 * v, _("界线端点"));
		v++;
		buf_addf(b, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#111\" "
			 "stroke-width=\"1.6\" marker-end=\"url(#ah)\"/><text x=\"%.0f\" y=\"%.0f\">",
			 lx, ly + 20.0 * v - 4, lx + 14, ly + 20.0 * v - 4, lx + 20, ly + 20.0 * v);
		buf_addf(b, _("位移（放大 %g 倍）"), factor);
		buf_adds(b, "</text>");
	}
	/* scale bar, bottom right: four alternating segments */
	{
		double len = bar * m.s, bx = MAP_W - 30 - len, by = m.h - 34;
		int k;

		for (k = 0; k < 4; k++)
			buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"7\" fill=\"%s\" "
				 "stroke=\"#111\" stroke-width=\"1\"/>", bx + k * len / 4, by, len / 4,
				 k % 2 ? "#fff" : "#111");
		buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">0</text>", bx, by - 5);
		buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", bx + len, by - 5);
		scale_label(b, bar);
		buf_addf(b, "</text><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\">",
			 bx + len / 2, by + 22);
		buf_addf(b, _("比例尺（位移箭头放大 %g 倍）"), factor);
		buf_adds(b, "</text>");
	}
	/* grid north */
	buf_addf(b, "<g transform=\"translate(%.0f,60)\"><path d=\"M0,-38L12,10L0,2L-12,10z\" "
		 "fill=\"#111\"/><path d=\"M0,-38L0,2L-12,10z\" fill=\"#fff\" stroke=\"#111\"/>"
		 "<text y=\"-44\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"bold\">%s</text>"
		 "<text y=\"28\" text-anchor=\"middle\" font-size=\"10\">%s</text></g>",
		 MAP_W - 48, _("北"), _("坐标北"));
	buf_adds(b, "</svg><figcaption>");
	buf_addf(b, _("界线与界桩位置图。高斯-克吕格投影（CGCS2000，%s），坐标北向上；界桩按检查结论着色，"
		      "标注编号"), srs);
	if (strip) {
		buf_adds(b, _("省略界线代码 "));
		esc(b, l->code);
		buf_adds(b, "-");
	}
	buf_addf(b, _("；箭头自登记位置指向实测位置，长度放大 %g 倍；未登记界桩画在实测位置。"), factor);
	buf_adds(b, "</figcaption></figure>");
	rc = 0;
out:
	free(x);
	free(y);
	return rc;
}

static void monument_table(struct buf *b, const struct reg_inspect_result *r)
{
	size_t i;

	static const char *const heads[] = {
		N_("编号"), N_("类型"), N_("实地状况"), N_("结论"), N_("位移 m"), N_("ΔH m"),
		N_("距界线 m"), N_("限差 m"), N_("方位物"), N_("处理意见"), N_("备注")
	};
	size_t k;

	buf_addf(b, "<h2>%s</h2><table><thead><tr>", _("六、界桩检查表"));
	for (k = 0; k < sizeof(heads) / sizeof(heads[0]); k++)
		buf_addf(b, "<th>%s</th>", _(heads[k]));
	buf_adds(b, "</tr></thead><tbody>");
	for (i = 0; i < r->nmon; i++) {
		const struct reg_inspect_mon *m = &r->mon[i];
		char cond[96] = "", act[64];

		if (m->row)
			reg_condition_format(m->row->condition, cond, sizeof(cond));
		reg_action_format(m->actions, act, sizeof(act));
		buf_adds(b, "<tr><td class=\"c\">");
		esc(b, m->number);
		buf_addf(b, "</td><td class=\"c\">%s%s</td><td class=\"c\">",
			 m->registered && m->reg->type ? (char[2]){ m->reg->type, 0 } : "—",
			 m->reg->tri_junction ? _("（三交点）") : "");
		esc(b, cond[0] ? cond : _("未检"));
		buf_addf(b, "</td><td class=\"c\"><span class=\"chip\" style=\"background:%s\">%s</span>"
			 "</td><td class=\"n\">", verdict_colour[m->verdict], _(verdict_zh[m->verdict]));
		num(b, m->displacement_m, 3);
		buf_adds(b, "</td><td class=\"n\">");
		num(b, m->dh_m, 3);
		buf_adds(b, "</td><td class=\"n\">");
		num(b, m->distance_to_line_m, 3);
		buf_adds(b, "</td><td class=\"n\">");
		num(b, m->registered ? m->tolerance_m : NAN, 2);
		buf_adds(b, "</td><td class=\"c\">");
		if (m->registered)
			buf_addf(b, "%d", m->refs_after);
		else
			buf_adds(b, "—");
		buf_adds(b, "</td><td class=\"c\">");
		esc(b, act[0] ? act : "—");
		buf_adds(b, "</td><td>");
		if (m->row) {
			esc(b, m->row->note);
			if (m->row->photos && m->row->photos[0]) {
				buf_adds(b, m->row->note && m->row->note[0] ? "<br>" : "");
				buf_addf(b, "<span class=\"rule\">%s", _("照片："));
				esc(b, m->row->photos);
				buf_adds(b, "</span>");
			}
		}
		buf_adds(b, "</td></tr>");
	}
	if (!r->nmon)
		buf_addf(b, "<tr><td colspan=\"11\" class=\"none\">%s</td></tr>",
			 _("本线无登记界桩，调查表亦无记录。"));
	buf_adds(b, "</tbody></table>");
}

static void finding_item(struct buf *b, const char *who, const struct reg_inspect_finding *f)
{
	buf_adds(b, "<li><b>");
	esc(b, rule_label(f->rule));
	buf_adds(b, "</b> <span class=\"rule\">");
	esc(b, f->rule);
	buf_adds(b, "</span> ");
	if (who) {
		esc(b, who);
		buf_adds(b, "：");
	}
	esc(b, f->message);
	buf_adds(b, "</li>");
}

static void findings(struct buf *b, const struct reg_inspect_result *r)
{
	size_t i, j;

	buf_addf(b, "<h2>%s</h2>", _("三、发现的问题及处理意见"));
	if (!r->nfindings) {
		buf_addf(b, "<p class=\"none\">%s</p>", _("未发现问题。"));
		return;
	}
	buf_adds(b, "<ol class=\"findings\">");
	for (i = 0; i < r->findings.n; i++)
		finding_item(b, NULL, &r->findings.v[i]);
	for (i = 0; i < r->nmon; i++)
		for (j = 0; j < r->mon[i].findings.n; j++)
			finding_item(b, r->mon[i].number, &r->mon[i].findings.v[j]);
	buf_adds(b, "</ol>");
}

static void hazards(struct buf *b, const struct cli_inspect_line *L)
{
	size_t i;

	buf_addf(b, "<h2>%s</h2>", _("四、界线纠纷隐患台账（未结事项）"));
	if (!L->nhz) {
		buf_addf(b, "<p class=\"none\">%s</p>", _("无未结隐患。"));
		return;
	}
	buf_addf(b, "<table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
		 "<th>%s</th><th>%s</th></tr></thead><tbody>", _("编号"), _("界桩"), _("类别"),
		 _("情况"), _("登记日期"), _("登记人"));
	for (i = 0; i < L->nhz; i++) {
		const struct cli_hazard_item *h = &L->hz[i];

		buf_addf(b, "<tr><td class=\"c\">%lld</td><td class=\"c\">", h->id);
		esc(b, h->monument[0] ? h->monument : _("全线"));
		buf_adds(b, "</td><td class=\"c\">");
		esc(b, h->kind);
		buf_adds(b, "</td><td>");
		esc(b, h->note);
		buf_addf(b, "</td><td class=\"c\">%.10s</td><td class=\"c\">", h->opened_at);
		esc(b, h->opened_by);
		buf_adds(b, "</td></tr>");
	}
	buf_adds(b, "</tbody></table>");
}

static void signatures(struct buf *b, const struct reg_inspect_result *r)
{
	char *p = strdup(r->parties), *s, *save = NULL;
	static const char *const side[] = { N_("甲方"), N_("乙方"), N_("丙方"), N_("丁方") };
	int k = 0;

	if (!p)
		abort();
	buf_addf(b, "<div class=\"confirm\"><h2>%s</h2><p>%s</p><div class=\"sig\">",
		 _("七、双方确认"),
		 _("双方对上述检查结果无异议，按《行政区域界线管理条例》第十二条将本报告联合报批准机关备案。"));
	for (s = strtok_r(p, ";", &save); s && k < 4; s = strtok_r(NULL, ";", &save), k++) {
		buf_addf(b, "<div class=\"party\"><h3>%s：", _(side[k]));
		esc(b, s);
		buf_addf(b, "</h3><div class=\"seal\">%s</div>"
			 "<p>%s<span class=\"blank\"></span></p>"
			 "<p>%s<span class=\"blank\"></span></p>"
			 "<p>%s<span class=\"blank\" style=\"width:30mm\"></span></p>"
			 "<p>%s<span class=\"blank s\"></span>%s<span class=\"blank s\"></span>%s"
			 "<span class=\"blank s\"></span>%s</p></div>",
			 _("（盖章）"), _("检查组组长（签字）："), _("检查人员（签字）："),
			 _("民政部门负责人（签字）："), _("日期："), _("年"), _("月"), _("日"));
	}
	buf_adds(b, "</div></div>");
	free(p);
}

int cli_inspect_render_html(FILE *f, const struct cli_inspect_report *rep, struct err *e)
{
	struct buf b = BUF_INIT;
	char now[20];
	size_t i;
	int rc = -1;

	if (clock_now(now, e) < 0)
		return -1;
	buf_adds(&b, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
		 "<meta name=\"generator\" content=\"diming " DIMING_VERSION "\"><title>");
	if (rep->n == 1)
		esc(&b, rep->line[0].res.line.name[0] ? rep->line[0].res.line.name
						       : rep->line[0].res.line.code);
	else
		buf_addf(&b, _("%zu 条界线"), rep->n);
	buf_addf(&b, " %s</title><style>", _("联合检查报告"));
	buf_adds(&b, style);
	buf_adds(&b, "</style></head><body>\n");
	for (i = 0; i < rep->n; i++) {
		const struct cli_inspect_line *L = &rep->line[i];
		const struct reg_inspect_result *r = &L->res;

		buf_addf(&b, "<section class=\"line\"><div class=\"head\"><div class=\"org\">%s</div><h1>",
			 _("行政区域界线联合检查"));
		esc(&b, r->line.name[0] ? r->line.name : r->line.code);
		buf_addf(&b, "%s</h1><div class=\"sub\">", _("联合检查报告"));
		esc(&b, r->round);
		buf_addf(&b, " · %s ", _("检查日期"));
		esc(&b, r->date);
		buf_addf(&b, " · %s ", _("界线代码"));
		esc(&b, r->line.code);
		buf_adds(&b, "</div></div>");
		facts(&b, rep, r);
		conclusion(&b, r, L->nhz);
		findings(&b, r);
		hazards(&b, L);
		buf_addf(&b, "<div class=\"mappage\"><h2>%s</h2>", _("五、界线与界桩位置图"));
		if (map_svg(&b, rep, r, e) < 0)
			goto out;
		buf_adds(&b, "</div>");
		monument_table(&b, r);
		signatures(&b, r);
		buf_adds(&b, "<footer>");
		buf_addf(&b, _("本报告由 diming %s 依据界桩登记表与调查文件 "), DIMING_VERSION);
		esc(&b, rep->survey);
		buf_addf(&b, _(" 于 %.10s %s 生成%s；位移为登记坐标与实测坐标在界桩所在高斯-克吕格投影带内的平面距离，"
			       "距离与长度按 CGCS2000 椭球计算。"), now, now + 11,
			 rep->saved ? _("，检查结果已存入登记库") : "");
		buf_adds(&b, "</footer></section>\n");
	}
	buf_adds(&b, "</body></html>\n");
	if (fwrite(b.data, 1, b.len, f) != b.len)
		err_set(e, ERR_IO, _("cannot write the report: %s"), "short write");
	else
		rc = 0;
out:
	buf_release(&b);
	return rc;
}
