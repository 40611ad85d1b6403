/* render_html.c - the printable standard gazetteer (标准地名录) as one HTML file.
 *
 * Self-contained (no scripts, fonts or images from the network) and laid
 * out for A4 print: a cover (title, division, date, count), the table of
 * contents, one part per division (a page break before each), classes
 * within it, the entries in two columns, and an index by romanization.
 * Three passes over the registry, each streamed: the sections (contents),
 * the entries in book order, the entries in index order.
 */
#include "cli/render.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common/buf.h"
#include "common/i18n.h"
#include "geo/geo_wkb.h"
#include "registry/reg_division.h"
#include "registry/reg_pinyin.h"

#define FLUSH_AT 65536

/* Latin first so romanization with tone marks gets proper Latin glyphs;
 * then the CJK faces of Debian (Noto CJK), macOS and Windows. */
static const char css[] =
	"@page{size:A4;margin:22mm 20mm 24mm 20mm;"
	"@bottom-center{content:counter(page);font:9pt 'Noto Serif CJK SC',serif;color:#444}}"
	"@page:first{@bottom-center{content:none}}"
	"@page toc{@bottom-center{content:none}}"
	":root{--ink:#1a1a1a;--rule:#8a1c1c;--muted:#555}"
	"html{font-family:'Noto Serif','DejaVu Serif','Noto Serif CJK SC','Source Han Serif SC',"
	"'Songti SC','SimSun',serif;font-size:10pt;line-height:1.55;color:var(--ink)}"
	"body{margin:0}"
	"h1,h2,h3,.sans{font-family:'Noto Sans','DejaVu Sans','Noto Sans CJK SC','Source Han Sans SC',"
	"'PingFang SC','Microsoft YaHei',sans-serif}"
	".cover{height:245mm;display:flex;flex-direction:column;justify-content:space-between;"
	"text-align:center;break-after:page}"
	".cover .top{margin-top:38mm}"
	".cover .region{font-size:20pt;letter-spacing:.3em;margin:0}"
	".cover h1{font-size:40pt;letter-spacing:.25em;margin:6mm 0 4mm;font-weight:700}"
	".cover .roman{font-size:13pt;color:var(--muted);font-style:italic}"
	".cover .rule{width:60mm;margin:10mm auto;border:0;border-top:2px solid var(--rule)}"
	".cover table{margin:0 auto;border-collapse:collapse;font-size:11pt}"
	".cover th{text-align:right;font-weight:400;color:var(--muted);padding:1.5mm 6mm 1.5mm 0}"
	".cover td{text-align:left;padding:1.5mm 0}"
	".cover .foot{font-size:9pt;color:var(--muted)}"
	".toc{page:toc;break-after:page}"
	".toc h1,.index>h1,.part>h1{font-size:18pt;text-align:center;letter-spacing:.3em;"
	"margin:0 0 8mm;font-weight:700}"
	".toc table{width:100%;border-collapse:collapse;font-size:9.5pt}"
	".toc th{font-weight:400;color:var(--muted);font-size:8.5pt;text-align:left;"
	"border-bottom:1.5px solid var(--rule);padding:1mm 2mm}"
	".toc td{border-bottom:.5px solid #ddd;padding:1.6mm 2mm;vertical-align:baseline}"
	".toc tr{break-inside:avoid}"
	".toc a{color:inherit;text-decoration:none}"
	".toc .d{font-weight:700;white-space:nowrap}"
	".toc .code{color:var(--muted);font-size:8.5pt;white-space:nowrap}"
	".toc .cls{color:#333}"
	".toc .n{text-align:right;white-space:nowrap}"
	".toc tfoot td{border:0;border-top:1.5px solid var(--rule);font-weight:700}"
	".part{break-before:page}"
	".part>h1{margin-bottom:2mm}"
	".part>.path{text-align:center;color:var(--muted);font-size:9pt;margin:0 0 7mm}"
	".class{margin:0 0 6mm}"
	".class>h2{font-size:12pt;border-bottom:1.5px solid var(--rule);padding-bottom:1mm;"
	"margin:0 0 3mm;break-after:avoid}"
	".class>h2 .n{font-size:9pt;font-weight:400;color:var(--muted);margin-left:2mm}"
	".entries{columns:2;column-gap:9mm;column-rule:.5px solid #ccc}"
	".entry{break-inside:avoid;margin:0 0 3.2mm}"
	".entry h3{font-size:11pt;margin:0;line-height:1.35}"
	".entry h3 .roman{font-family:'Noto Serif','DejaVu Serif',serif;font-weight:400;"
	"font-style:italic;font-size:9.5pt;margin-left:2mm;color:#333}"
	".entry .hist{font-size:8pt;font-weight:400;border:.5px solid #999;padding:0 1mm;"
	"margin-left:1.5mm;color:var(--muted)}"
	".entry p{margin:.4mm 0;text-align:justify}"
	".nw{white-space:nowrap}"
	".entry .k{font-family:'Noto Sans CJK SC','Source Han Sans SC',sans-serif;font-size:8pt;"
	"color:var(--rule);margin-right:1.2mm}"
	".index .letter{font-size:12pt;border-bottom:1.5px solid var(--rule);margin:4mm 0 2mm;"
	"break-after:avoid}"
	".index ul{list-style:none;margin:0;padding:0;columns:2;column-gap:10mm;font-size:9pt}"
	".index li{break-inside:avoid;display:flex;align-items:baseline;line-height:1.45}"
	".index a{color:inherit;text-decoration:none;display:contents}"
	".index .r{font-style:italic}"
	".index .fill{flex:1;border-bottom:.5px dotted #aaa;margin:0 1.5mm;min-width:4mm}"
	".index .z{white-space:nowrap}"
	".index .w{color:var(--muted);font-size:7.5pt;margin-left:1mm;white-space:nowrap}"
	".empty{text-align:center;color:var(--muted);margin-top:20mm}"
	"@media screen{body{max-width:190mm;margin:0 auto;padding:10mm}"
	".cover,.toc,.part,.index{border-bottom:1px solid #ddd;padding-bottom:10mm}}";

void render_html_escape(struct buf *b, const char *s)
{
	const char *run = s;

	for (; *s; s++) {
		const char *rep;

		switch (*s) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		default:
			continue;
		}
		buf_add(b, run, (size_t)(s - run));
		buf_adds(b, rep);
		run = s + 1;
	}
	buf_add(b, run, (size_t)(s - run));
}

/* Text with line breaks kept as <br>. */
static void text_br(struct buf *b, const char *s)
{
	const char *nl;

	while ((nl = strchr(s, '\n')) != NULL) {
		struct buf line = BUF_INIT;

		buf_add(&line, s, (size_t)(nl - s));
		render_html_escape(b, line.data);
		buf_release(&line);
		buf_adds(b, "<br>");
		s = nl + 1;
	}
	render_html_escape(b, s);
}

/* 111.524 -> 111°31′26″ */
static void dms(struct buf *b, double v)
{
	long s = lround(fabs(v) * 3600.0);

	buf_addf(b, "%ld°%02ld′%02ld″", s / 3600, s / 60 % 60, s % 60);
}

/* 东经111°31′26″、北纬23°14′05″ */
static void lonlat(struct buf *b, double lon, double lat)
{
	buf_adds(b, lon < 0 ? _("西经") : _("东经"));
	dms(b, lon);
	buf_adds(b, lat < 0 ? _("、南纬") : _("、北纬"));
	dms(b, lat);
}

/* Names of the divisions between the export's root and a place, cached
 * per level: rows come sorted by division, so lookups are rare. */
struct path_cache {
	struct reg_gazetteer *g;
	char code[REG_LEVEL_VILLAGE + 1][13];
	char name[REG_LEVEL_VILLAGE + 1][REG_MAX_NAME];
};

static const char *level_name(struct path_cache *pc, const char code[13], struct err *e)
{
	enum reg_level l = reg_code_level(code);
	const char *name;

	if (strcmp(pc->code[l], code) != 0) {
		if (!(name = reg_gazetteer_division_name(pc->g, code, e)))
			return NULL;
		memcpy(pc->code[l], code, 13);
		snprintf(pc->name[l], REG_MAX_NAME, "%s", name);
	}
	return pc->name[l];
}

/* The division path from below root down to code: 都城镇 or 都城镇 大旺村;
 * a division named like the place itself (the place is that division's
 * seat or the division) is left out. */
static int path_from(struct path_cache *pc, const char *root, const char *code, const char *self,
		     struct buf *out, struct err *e)
{
	static const size_t keep[] = { 0, 2, 4, 6, 9, 12 };
	enum reg_level rl = root[0] ? reg_code_level(root) : REG_LEVEL_NONE;
	enum reg_level l, cl;
	char c[13], n12[13];
	int first = 1;

	if (!code[0] || reg_code_normalize(code, n12, NULL) < 0)
		return 0;
	cl = reg_code_level(n12);
	for (l = rl + 1; l <= cl; l++) {
		const char *name;

		memcpy(c, n12, keep[l]);
		memset(c + keep[l], '0', 12 - keep[l]);
		c[12] = '\0';
		if (reg_code_level(c) != l)
			continue;
		if (!(name = level_name(pc, c, e)))
			return -1;
		if (!*name || (l == cl && !strcmp(name, self)))
			continue;
		if (!first)
			buf_adds(out, " ");
		render_html_escape(out, name);
		first = 0;
	}
	return 0;
}

/* The romanization the book prints: with tone marks when the stored
 * spelling is the romanizer's own (as reg_place_derive made it), else the
 * stored spelling as it was approved. */
static const char *toned(struct reg_roman *ro, const struct reg_gazetteer_row *row)
{
	const char *const *t = row->text;
	const char *hint = reg_pinyin_class_family(t[REG_GAZ_CLASS]) ? t[REG_GAZ_CLASS]
								      : t[REG_GAZ_CLASS_CODE];

	if (reg_pinyin_romanize(t[REG_GAZ_NAME], hint, 0, ro, NULL) < 0 ||
	    (t[REG_GAZ_ROMAN][0] && strcmp(buf_str(&ro->text), t[REG_GAZ_ROMAN]) != 0) ||
	    reg_pinyin_romanize(t[REG_GAZ_NAME], hint, REG_ROMAN_TONES, ro, NULL) < 0)
		return t[REG_GAZ_ROMAN];
	return buf_str(&ro->text);
}

/* ---- the cover and the table of contents ---- */

/* One row per division: its classes with their counts, and the total. */
struct toc_state {
	struct buf *b;
	struct buf classes;
	char section[13];
	char name[REG_MAX_NAME];
	long count;
};

static void toc_row(struct toc_state *t)
{
	char disp[13];

	if (!t->section[0])
		return;
	reg_code_display(t->section, disp);
	buf_addf(t->b, "<tr><td class=\"d\"><a href=\"#d-%s\">", disp);
	render_html_escape(t->b, t->name[0] ? t->name : disp);
	buf_addf(t->b, "</a></td><td class=\"code\">%s</td><td class=\"cls\">%s</td>"
		 "<td class=\"n\">%ld</td></tr>\n", disp, buf_str(&t->classes), t->count);
	buf_clear(&t->classes);
	t->count = 0;
}

static int toc_one(const struct reg_gazetteer_section *s, void *arg)
{
	struct toc_state *t = arg;
	char disp[13];

	if (strcmp(s->code, t->section) != 0) {
		toc_row(t);
		memcpy(t->section, s->code, 13);
		snprintf(t->name, sizeof(t->name), "%s", s->name);
	}
	reg_code_display(s->code, disp);
	if (t->classes.len)
		buf_adds(&t->classes, " · ");
	buf_addf(&t->classes, "<a href=\"#d-%s-%s\">", disp, s->class_code[0] ? s->class_code : "x");
	render_html_escape(&t->classes, s->class_name[0] ? s->class_name : _("未分类"));
	buf_addf(&t->classes, " %ld</a>", s->count);
	t->count += s->count;
	return 0;
}

static void cover(struct buf *b, struct reg_gazetteer *g, struct render_ctx *rc, struct reg *r)
{
	const char *root = reg_gazetteer_root_code(g), *name = reg_gazetteer_root_name(g);
	struct reg_roman rom;
	struct reg_division d;
	struct buf region = BUF_INIT;
	char disp[13], parent[13];

	/* The province and city above the root, as the cover's top line. */
	if (root[0]) {
		reg_code_parent(root, parent);
		while (parent[0]) {
			struct buf t = BUF_INIT;

			if (reg_division_get(r, parent, &d, NULL) == 1) {
				buf_adds(&t, d.name);
				buf_adds(&t, region.data ? region.data : "");
				buf_release(&region);
				region = t;
			} else {
				buf_release(&t);
			}
			memcpy(disp, parent, 13);
			reg_code_parent(disp, parent);
		}
	}
	buf_adds(b, "<section class=\"cover\"><div class=\"top\">");
	buf_adds(b, "<p class=\"region sans\">");
	render_html_escape(b, region.data ? region.data : "");
	buf_adds(b, "</p><h1>");
	render_html_escape(b, name);
	buf_adds(b, "<br>");
	buf_adds(b, _("标准地名录"));
	buf_adds(b, "</h1>");
	reg_roman_init(&rom);
	if (root[0] && reg_pinyin_romanize(name, NULL, REG_ROMAN_TONES, &rom, NULL) == 0) {
		buf_adds(b, "<p class=\"roman\">");
		render_html_escape(b, rom.text.data);
		buf_adds(b, " Biāozhǔn Dìmínglù</p>");
	}
	reg_roman_release(&rom);
	buf_adds(b, "<hr class=\"rule\"><table>");
	if (root[0]) {
		reg_code_display(root, disp);
		buf_addf(b, "<tr><th>%s</th><td>%s</td></tr>", _("行政区划代码"), disp);
	}
	if (rc->filter->class_name) {
		buf_addf(b, "<tr><th>%s</th><td>", _("地名类别"));
		render_html_escape(b, rc->filter->class_name);
		buf_adds(b, "</td></tr>");
	}
	buf_addf(b, "<tr><th>%s</th><td>", _("收录地名"));
	buf_addf(b, _("%ld 条"), rc->total);
	if (rc->filter->include_historical)
		buf_adds(b, _("（含历史地名）"));
	buf_adds(b, "</td></tr>");
	buf_addf(b, "<tr><th>%s</th><td>%s</td></tr>", _("资料截至"), reg_gazetteer_as_of(g));
	buf_addf(b, "<tr><th>%s</th><td>%s</td></tr>", _("编印日期"), rc->today);
	buf_addf(b, "<tr><th>%s</th><td>%s</td></tr>", _("坐标系"),
		 _("2000国家大地坐标系 (CGCS2000)"));
	buf_adds(b, "</table></div><p class=\"foot\">");
	buf_adds(b, _("依据《地名管理条例》（2022）编制 · diming 生成"));
	buf_adds(b, "</p></section>\n");
	buf_release(&region);
}

/* ---- entries ---- */

static int entry(struct buf *b, const struct reg_gazetteer_row *row, struct path_cache *pc,
		 struct reg_roman *ro, const char *root, struct err *e)
{
	const char *const *t = row->text;
	struct geo_wkb_info info;
	const char *roman = toned(ro, row);
	struct buf path = BUF_INIT;
	int ret = 0;

	buf_addf(b, "<article class=\"entry\" id=\"p-%lld\"><h3>", row->place_id);
	render_html_escape(b, t[REG_GAZ_NAME]);
	if (roman[0]) {
		buf_adds(b, "<span class=\"roman\">");
		render_html_escape(b, roman);
		buf_adds(b, "</span>");
	}
	if (row->historical) {
		buf_adds(b, "<span class=\"hist\">");
		buf_adds(b, _("历史地名"));
		buf_adds(b, "</span>");
	}
	buf_adds(b, "</h3>");

	buf_addf(b, "<p><span class=\"k\">%s</span>", _("类别"));
	render_html_escape(b, t[REG_GAZ_CLASS][0] ? t[REG_GAZ_CLASS] : _("未分类"));
	if (t[REG_GAZ_CLASS_CODE][0])
		buf_addf(b, "（%s）", t[REG_GAZ_CLASS_CODE]);
	buf_adds(b, "</p>");

	if (path_from(pc, root, row->text[REG_GAZ_DIVISION_CODE], t[REG_GAZ_NAME], &path, e) < 0) {
		ret = -1;
		goto out;
	}
	if (path.len || !isnan(row->lon)) {
		buf_addf(b, "<p><span class=\"k\">%s</span>", _("位置"));
		if (path.len)
			buf_add(b, path.data, path.len);
		if (!isnan(row->lon) && !isnan(row->lat)) {
			buf_adds(b, path.len ? _("，") : "");
			buf_adds(b, "<span class=\"nw\">");
			lonlat(b, row->lon, row->lat);
			buf_adds(b, "</span>");
		}
		buf_adds(b, "</p>");
	}
	/* Lines and areas: their extent, as gazetteers print it. */
	if (row->wkb && geo_wkb_info(row->wkb, row->wkb_len, &info, NULL) == 0 && !info.empty &&
	    geo_wkb_type_dim(info.type) != 0) {
		buf_addf(b, "<p><span class=\"k\">%s</span><span class=\"nw\">", _("范围"));
		buf_adds(b, info.minx < 0 ? _("西经") : _("东经"));
		dms(b, info.minx);
		buf_adds(b, "–");
		dms(b, info.maxx);
		buf_adds(b, "</span>");
		buf_adds(b, _("、"));
		buf_adds(b, "<span class=\"nw\">");
		buf_adds(b, info.miny < 0 ? _("南纬") : _("北纬"));
		dms(b, info.miny);
		buf_adds(b, "–");
		dms(b, info.maxy);
		buf_adds(b, "</span></p>");
	}
	{
		static const struct {
			enum reg_gaz_col col;
			const char *label;
		} parts[] = {
			{ REG_GAZ_MEANING, N_("含义") },
			{ REG_GAZ_ORIGIN, N_("来历") },
			{ REG_GAZ_HISTORY, N_("沿革") },
			{ REG_GAZ_FORMER, N_("曾用名") },
		};
		size_t i;

		for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
			if (!t[parts[i].col][0])
				continue;
			buf_addf(b, "<p><span class=\"k\">%s</span>", _(parts[i].label));
			if (parts[i].col == REG_GAZ_FORMER) {
				const char *s;

				/* "甲;乙" reads 甲、乙 in print. */
				for (s = t[REG_GAZ_FORMER]; *s; s++) {
					if (*s == ';') {
						buf_adds(b, "、");
					} else {
						char one[2] = { *s, 0 };

						render_html_escape(b, one);
					}
				}
			} else {
				text_br(b, t[parts[i].col]);
			}
			buf_adds(b, "</p>");
		}
	}
	if (t[REG_GAZ_AUTHORITY][0] || t[REG_GAZ_APPROVED][0] || t[REG_GAZ_CANCELLED][0]) {
		buf_addf(b, "<p><span class=\"k\">%s</span>", _("批准"));
		render_html_escape(b, t[REG_GAZ_AUTHORITY]);
		if (t[REG_GAZ_DOC_NUMBER][0]) {
			buf_adds(b, t[REG_GAZ_AUTHORITY][0] ? " " : "");
			render_html_escape(b, t[REG_GAZ_DOC_NUMBER]);
		}
		if (t[REG_GAZ_APPROVED][0])
			buf_addf(b, " %s", t[REG_GAZ_APPROVED]);
		if (t[REG_GAZ_ANNOUNCED][0])
			buf_addf(b, _("，%s 公告"), t[REG_GAZ_ANNOUNCED]);
		if (t[REG_GAZ_CANCELLED][0])
			buf_addf(b, _("；%s 销名"), t[REG_GAZ_CANCELLED]);
		buf_adds(b, "</p>");
	}
	buf_adds(b, "</article>\n");
out:
	buf_release(&path);
	return ret;
}

static int part_head(struct buf *b, const char section[13], struct path_cache *pc,
		     struct reg_gazetteer *g, struct err *e)
{
	const char *root = reg_gazetteer_root_code(g), *name;
	char disp[13];

	reg_code_display(section, disp);
	if (!(name = level_name(pc, section, e)))
		return -1;
	buf_addf(b, "<section class=\"part\" id=\"d-%s\"><h1>", disp);
	render_html_escape(b, *name ? name : disp);
	buf_addf(b, "</h1><p class=\"path\">%s", disp);
	if (root[0] && strcmp(root, section) != 0) {
		buf_adds(b, " · ");
		render_html_escape(b, reg_gazetteer_root_name(g));
	}
	buf_adds(b, "</p>\n");
	return 0;
}

static int entries(struct render_ctx *rc, struct buf *b, struct err *e)
{
	struct reg_gazetteer_filter f = *rc->filter;
	struct reg_gazetteer *g;
	struct reg_gazetteer_row row;
	struct path_cache pc;
	struct reg_roman ro;
	char section[13] = "", klass[64] = "", disp[13];
	int got, ret = -1, open_class = 0;

	reg_roman_init(&ro);
	memset(&pc, 0, sizeof(pc));
	f.order = REG_GAZ_ORDER_SECTION;
	if (!(g = reg_gazetteer_open(rc->reg, &f, e))) {
		reg_roman_release(&ro);
		return -1;
	}
	pc.g = g;
	while ((got = reg_gazetteer_next(g, &row, e)) == 1) {
		int new_section = strcmp(section, row.section_code) != 0;

		if (new_section || strcmp(klass, row.text[REG_GAZ_CLASS_CODE]) != 0) {
			if (open_class)
				buf_adds(b, "</div></section>\n");
			if (new_section) {
				if (section[0])
					buf_adds(b, "</section>\n");
				memcpy(section, row.section_code, 13);
				if (part_head(b, section, &pc, g, e) < 0)
					goto out;
			}
			snprintf(klass, sizeof(klass), "%s", row.text[REG_GAZ_CLASS_CODE]);
			reg_code_display(section, disp);
			buf_addf(b, "<section class=\"class\" id=\"d-%s-%s\"><h2>", disp,
				 klass[0] ? klass : "x");
			render_html_escape(b, row.text[REG_GAZ_CLASS][0] ? row.text[REG_GAZ_CLASS]
									 : _("未分类"));
			buf_adds(b, "</h2><div class=\"entries\">\n");
			open_class = 1;
		}
		if (entry(b, &row, &pc, &ro, reg_gazetteer_root_code(g), e) < 0)
			goto out;
		if (b->len >= FLUSH_AT && render_flush(b, rc->out, e) < 0)
			goto out;
		rc->written++;
		render_tick(rc);
	}
	if (got < 0)
		goto out;
	if (open_class)
		buf_adds(b, "</div></section>\n");
	if (section[0])
		buf_adds(b, "</section>\n");
	ret = 0;
out:
	reg_roman_release(&ro);
	reg_gazetteer_free(g);
	return ret;
}

/* The index letter of a romanization: its first ASCII letter, tone marks
 * folded (Ā -> A), else "#". */
static char index_letter(const char *s)
{
	unsigned char c = (unsigned char)s[0];

	if (c >= 'a' && c <= 'z')
		return (char)(c - 32);
	if (c >= 'A' && c <= 'Z')
		return (char)c;
	/* Capitals with tone marks: U+00C0-U+00DD and U+0100-U+01DC. */
	if (c == 0xC3 || c == 0xC4 || c == 0xC5 || c == 0xC7) {
		static const char *const up = "AAAAAAACEEEEIIII";
		unsigned char d = (unsigned char)s[1];

		if (c == 0xC3 && d >= 0x80 && d <= 0x8F)
			return up[d - 0x80];
		if (c == 0xC3 && (d == 0x92 || d == 0x93))
			return 'O';
		if (c == 0xC3 && (d == 0x99 || d == 0x9A))
			return 'U';
		if (c == 0xC4 && (d == 0x80 || d == 0x82))
			return 'A';
		if (c == 0xC4 && (d == 0x92 || d == 0x9A))
			return 'E';
		if (c == 0xC4 && d == 0xAA)
			return 'I';
		if (c == 0xC5 && d == 0x8C)
			return 'O';
		if (c == 0xC5 && d == 0xAA)
			return 'U';
		if (c == 0xC7)
			return (d >= 0x8D && d <= 0x8E) ? 'A' : (d >= 0x8F && d <= 0x90) ? 'I'
			       : (d >= 0x91 && d <= 0x92) ? 'O' : 'U';
	}
	return '#';
}

static int index_pass(struct render_ctx *rc, struct buf *b, struct err *e)
{
	struct reg_gazetteer_filter f = *rc->filter;
	struct reg_gazetteer *g;
	struct reg_gazetteer_row row;
	struct reg_roman ro;
	struct path_cache pc;
	const char *where;
	char letter = 0;
	int got, ret = -1;

	memset(&pc, 0, sizeof(pc));
	f.order = REG_GAZ_ORDER_ROMAN;
	if (!(g = reg_gazetteer_open(rc->reg, &f, e)))
		return -1;
	pc.g = g;
	reg_roman_init(&ro);
	buf_addf(b, "<section class=\"index part\" id=\"index\"><h1>%s</h1>\n",
		 _("罗马字母拼写索引"));
	while ((got = reg_gazetteer_next(g, &row, e)) == 1) {
		const char *roman = toned(&ro, &row);
		char l = index_letter(roman);

		if (l != letter) {
			if (letter)
				buf_adds(b, "</ul>\n");
			buf_addf(b, "<h2 class=\"letter\">%c</h2><ul>", l);
			letter = l;
		}
		buf_addf(b, "<li><a href=\"#p-%lld\"><span class=\"r\">", row.place_id);
		render_html_escape(b, roman[0] ? roman : "—");
		buf_adds(b, "</span><span class=\"fill\"></span><span class=\"z\">");
		render_html_escape(b, row.text[REG_GAZ_NAME]);
		buf_adds(b, "</span></a>");
		/* Where it is: the part of the book it is in. */
		if ((where = level_name(&pc, row.section_code, e)) == NULL)
			goto out;
		if (*where && strcmp(where, row.text[REG_GAZ_NAME]) != 0) {
			buf_adds(b, "<span class=\"w\">");
			render_html_escape(b, where);
			buf_adds(b, "</span>");
		}
		buf_adds(b, "</li>");
		if (b->len >= FLUSH_AT && render_flush(b, rc->out, e) < 0)
			goto out;
	}
	if (got < 0)
		goto out;
	if (letter)
		buf_adds(b, "</ul>\n");
	buf_adds(b, "</section>\n");
	ret = 0;
out:
	reg_roman_release(&ro);
	reg_gazetteer_free(g);
	return ret;
}

int render_html(struct render_ctx *rc, struct err *e)
{
	struct reg_gazetteer *g;
	struct toc_state toc;
	struct buf b = BUF_INIT;
	int ret = -1;

	if (!(g = reg_gazetteer_open(rc->reg, rc->filter, e)))
		return -1;
	buf_adds(&b, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
		     "<meta name=\"generator\" content=\"diming\"><title>");
	render_html_escape(&b, reg_gazetteer_root_name(g));
	buf_adds(&b, _("标准地名录"));
	buf_addf(&b, "</title><style>%s</style></head><body>\n", css);
	cover(&b, g, rc, rc->reg);

	buf_addf(&b, "<nav class=\"toc\"><h1>%s</h1><table><thead><tr><th>%s</th><th>%s</th>"
		 "<th>%s</th><th class=\"n\">%s</th></tr></thead><tbody>\n", _("目录"), _("政区"),
		 _("代码"), _("地名类别"), _("条数"));
	memset(&toc, 0, sizeof(toc));
	toc.b = &b;
	if (reg_gazetteer_sections(rc->reg, rc->filter, toc_one, &toc, e) < 0) {
		buf_release(&toc.classes);
		goto out;
	}
	toc_row(&toc);
	buf_release(&toc.classes);
	buf_addf(&b, "</tbody><tfoot><tr><td colspan=\"3\">%s</td><td class=\"n\">%ld</td></tr>",
		 _("合计"), rc->total);
	if (rc->total)
		buf_addf(&b, "<tr><td colspan=\"4\"><a href=\"#index\">%s</a></td></tr>",
			 _("罗马字母拼写索引"));
	buf_adds(&b, "</tfoot></table></nav>\n");
	if (render_flush(&b, rc->out, e) < 0)
		goto out;

	if (rc->total == 0)
		buf_addf(&b, "<p class=\"empty\">%s</p>\n", _("（无地名）"));
	else if (entries(rc, &b, e) < 0 || index_pass(rc, &b, e) < 0)
		goto out;
	buf_adds(&b, "</body></html>\n");
	if (render_flush(&b, rc->out, e) < 0)
		goto out;
	ret = 0;
out:
	buf_release(&b);
	reg_gazetteer_free(g);
	return ret;
}
