/* cmd_export_case.c - `diming export announcement|filing CASE_ID`.
 *
 * The announcement (公告, 条例 art. 14) of an approved case carries the
 * fields of the 地名备案公告管理办法（试行）: 标准名称, 罗马字母拼写, 所属政区,
 * 位置描述, 批准机关, 批准时间 (with the document number and, for a renaming,
 * the former name).  The filing record (备案, 条例 art. 13) adds who applied
 * and why, the review, the dates against their deadlines and the list of
 * the case's documents.  notice_load() gathers everything from the
 * registry; the text, HTML and JSON writers only format it.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/render.h"
#include "common/buf.h"
#include "common/clock.h"
#include "geo/geo_wkb.h"
#include "registry/reg_case.h"
#include "registry/reg_division.h"
#include "registry/reg_pinyin.h"
#include "registry/reg_place.h"

static const char usage_announcement[] =
	N_("usage: diming export announcement CASE_ID [--format text|html] [-o FILE]\n"
	   "\n"
	   "The announcement (公告) of an approved case: 标准名称, 罗马字母拼写, 所属政区,\n"
	   "位置描述, 批准机关, 批准时间 (地名备案公告管理办法), ready to publish.\n"
	   "The date is the case's announcement date, or today before it is announced.\n");

static const char usage_filing[] =
	N_("usage: diming export filing CASE_ID [--format text|json] [-o FILE]\n"
	   "\n"
	   "The filing record (备案) of an approved case: the announced fields, the\n"
	   "applicant and reason, the review, approval, announcement and filing dates\n"
	   "against their deadlines, and the case's documents.\n");

/* Everything an announcement or a filing shows. */
struct notice {
	struct reg_case c;
	const char *kind;            /* 命名, 更名, 销名 */
	char name[REG_MAX_NAME];     /* the standard name announced (销名: the name cancelled) */
	char former[REG_MAX_NAME];   /* 更名: the name before */
	char roman[512];
	struct reg_class klass;
	char division_disp[13];
	struct buf division_path;    /* 广东省云浮市郁南县都城镇 */
	struct buf location;         /* 位置描述 */
	int has_point;
	double lon, lat;
	char date[11];               /* 公告日期 */
	long errors, warnings;       /* findings kept with the case */
};

static void notice_release(struct notice *n)
{
	buf_release(&n->division_path);
	buf_release(&n->location);
}

static int parse_case_id(const char *s, long long *id)
{
	char *end;

	if (!*s || !isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	*id = strtoll(s, &end, 10);
	return *end || *id <= 0 || errno ? -1 : 0;
}

/* 广东省云浮市郁南县都城镇: the names from the province down. */
static int division_path(struct reg *r, const char code[13], struct buf *out, struct err *e)
{
	char chain[REG_LEVEL_VILLAGE][13], cur[13];
	struct reg_division d;
	int n = 0, got;

	memcpy(cur, code, 13);
	while (cur[0] && n < REG_LEVEL_VILLAGE) {
		memcpy(chain[n++], cur, 13);
		reg_code_parent(chain[n - 1], cur);
	}
	while (n-- > 0) {
		got = reg_division_get(r, chain[n], &d, e);
		if (got < 0)
			return -1;
		if (got)
			buf_adds(out, d.name);
	}
	return 0;
}

/* 111°31′26″ */
static void dms(struct buf *b, double v)
{
	long s = lround(fabs(v) * 3600.0);

	buf_addf(b, "%ld°%02ld′%02ld″", s / 3600, s / 60 % 60, s % 60);
}

/* A point that stands for the place: the point itself, a point on a line
 * or in an area (GEOS), or the location given with the case. */
static int place_point(struct cli_ctx *ctx, const struct reg_place *p, struct notice *n,
		       struct err *e)
{
	struct geo_wkb_info info;

	if (p && p->wkb && geo_wkb_info(p->wkb, p->nwkb, &info, e) == 0 && !info.empty) {
		if (info.type == GEO_WKB_POINT) {
			n->lon = info.minx;
			n->lat = info.miny;
			n->has_point = 1;
			return 0;
		} else {
			struct geo_ctx *g = cli_geo(ctx);
			GEOSGeometry *geom, *pt;

			if (!g)
				return err_set(e, ERR_GEO, _("cannot start GEOS"));
			if (!(geom = geo_from_wkb(g, p->wkb, p->nwkb, e)))
				return -1;
			pt = GEOSPointOnSurface_r(g->gh, geom);
			if (pt && GEOSGeomGetX_r(g->gh, pt, &n->lon) == 1 &&
			    GEOSGeomGetY_r(g->gh, pt, &n->lat) == 1)
				n->has_point = 1;
			if (pt)
				GEOSGeom_destroy_r(g->gh, pt);
			GEOSGeom_destroy_r(g->gh, geom);
			if (n->has_point)
				return 0;
		}
	}
	if (n->c.has_location) {
		n->lon = n->c.lon;
		n->lat = n->c.lat;
		n->has_point = 1;
	}
	return 0;
}

static int count_finding(const struct reg_case_finding *f, void *arg)
{
	struct notice *n = arg;

	if (!strcmp(f->severity, "error"))
		n->errors++;
	else if (!strcmp(f->severity, "warning"))
		n->warnings++;
	return 0;
}

/* Load case id and what its notice shows.  ERR_NOT_FOUND for no such case,
 * ERR_CONFLICT when it has not been approved. */
static int notice_load(struct cli_ctx *ctx, long long id, struct notice *n, struct err *e)
{
	struct reg *r = &ctx->reg;
	struct reg_place p;
	long long pid;
	int got, ret = -1;

	memset(n, 0, sizeof(*n));
	reg_place_init(&p);
	got = reg_case_get(r, id, &n->c, e);
	if (got <= 0)
		return got < 0 ? -1 : err_set(e, ERR_NOT_FOUND, _("no case with id %lld"), id);
	if (!n->c.approved_on[0])
		return err_set(e, ERR_CONFLICT,
			       _("case %lld is %s: only an approved case is announced and filed"), id,
			       n->c.state);
	if (!strcmp(n->c.type, "naming"))
		n->kind = _("命名");
	else if (!strcmp(n->c.type, "renaming"))
		n->kind = _("更名");
	else
		n->kind = _("销名");
	pid = n->c.result_place ? n->c.result_place : n->c.place_id;
	got = pid ? reg_place_get(r, pid, &p, e) : 0;
	if (got < 0)
		goto out;
	if (!strcmp(n->c.type, "cancellation")) {
		snprintf(n->name, sizeof(n->name), "%s", n->c.current_name);
	} else {
		snprintf(n->name, sizeof(n->name), "%s", n->c.proposed_name);
		if (!strcmp(n->c.type, "renaming"))
			snprintf(n->former, sizeof(n->former), "%s", n->c.current_name);
	}
	/* The approved spelling is the place's; the case alone gives the
	 * romanizer's. */
	if (got && !strcmp(p.name, n->name)) {
		snprintf(n->roman, sizeof(n->roman), "%s", p.romanization);
	} else {
		struct reg_roman ro;

		reg_roman_init(&ro);
		if (reg_pinyin_romanize(n->name, n->c.class_code[0] ? n->c.class_code : p.class_code,
					0, &ro, NULL) == 0)
			snprintf(n->roman, sizeof(n->roman), "%s", buf_str(&ro.text));
		reg_roman_release(&ro);
	}
	if (reg_class_find(r, n->c.class_code[0] ? n->c.class_code : p.class_code, &n->klass, e) < 0)
		goto out;
	reg_code_display(n->c.division_code, n->division_disp);
	if (division_path(r, n->c.division_code, &n->division_path, e) < 0 ||
	    place_point(ctx, got ? &p : NULL, n, e) < 0)
		goto out;
	buf_addf(&n->location, _("位于%s"), buf_str(&n->division_path));
	if (n->has_point) {
		buf_adds(&n->location, _("，"));
		buf_adds(&n->location, n->lon < 0 ? _("西经") : _("东经"));
		dms(&n->location, n->lon);
		buf_adds(&n->location, n->lat < 0 ? _("、南纬") : _("、北纬"));
		dms(&n->location, n->lat);
		buf_adds(&n->location, _("（2000国家大地坐标系）"));
	}
	if (n->c.announced_on[0])
		memcpy(n->date, n->c.announced_on, sizeof(n->date));
	else if (clock_today(n->date, e) < 0)
		goto out;
	if (reg_case_findings_each(r, id, count_finding, n, e) < 0)
		goto out;
	ret = 0;
out:
	reg_place_release(&p);
	return ret;
}

/* 2026-11-20 -> 2026年11月20日 */
static void date_zh(struct buf *b, const char *iso)
{
	int y, m, d;

	if (sscanf(iso, "%d-%d-%d", &y, &m, &d) == 3)
		buf_addf(b, _("%d年%d月%d日"), y, m, d);
	else
		buf_adds(b, iso);
}

/* The announcement's fields, in order: label and value. */
struct field {
	const char *label;
	struct buf value;
};

static int announcement_fields(const struct notice *n, struct field *f)
{
	int k = 0;

	memset(f, 0, 10 * sizeof(*f));
	f[k].label = !strcmp(n->c.type, "cancellation") ? _("销名地名") : _("标准名称");
	buf_adds(&f[k++].value, n->name);
	if (n->former[0]) {
		f[k].label = _("原名称");
		buf_adds(&f[k++].value, n->former);
	}
	f[k].label = _("罗马字母拼写");
	buf_adds(&f[k++].value, n->roman);
	f[k].label = _("地名类别");
	buf_adds(&f[k++].value, n->klass.name);
	f[k].label = _("所属政区");
	buf_adds(&f[k++].value, buf_str(&n->division_path));
	f[k].label = _("位置描述");
	buf_adds(&f[k++].value, buf_str(&n->location));
	f[k].label = _("批准机关");
	buf_adds(&f[k++].value, n->c.authority);
	f[k].label = _("批准文号");
	buf_adds(&f[k++].value, n->c.doc_number);
	f[k].label = _("批准时间");
	date_zh(&f[k++].value, n->c.approved_on);
	return k;
}

static void fields_release(struct field *f, int k)
{
	while (k-- > 0)
		buf_release(&f[k].value);
}

static void announcement_text(const struct notice *n, struct buf *b)
{
	struct field f[10];
	int k = announcement_fields(n, f), i;

	buf_addf(b, _("地名%s公告\n\n"), n->kind);
	if (!strcmp(n->c.type, "cancellation"))
		buf_adds(b, _("依据《地名管理条例》第十四条，现将经批准销名的地名公告如下：\n\n"));
	else
		buf_addf(b, _("依据《地名管理条例》第十四条，现将经批准%s的标准地名公告如下：\n\n"),
			 n->kind);
	for (i = 0; i < k; i++)
		buf_addf(b, "%s：%s\n", f[i].label, buf_str(&f[i].value));
	buf_adds(b, _("\n特此公告。\n\n"));
	date_zh(b, n->date);
	buf_adds(b, "\n");
	fields_release(f, k);
}

static const char announcement_css[] =
	"@page{size:A4;margin:30mm 26mm}"
	"body{font-family:'Noto Serif CJK SC','Source Han Serif SC','Songti SC','SimSun',serif;"
	"font-size:12pt;line-height:1.8;color:#111;margin:0}"
	"h1{font-family:'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif;"
	"text-align:center;font-size:20pt;letter-spacing:.2em;margin:0 0 10mm}"
	"p{text-indent:2em;margin:0 0 6mm}"
	"table{width:100%;border-collapse:collapse;margin:0 0 8mm}"
	"th,td{border:.6pt solid #333;padding:2.5mm 3mm;text-align:left;vertical-align:top}"
	"th{width:30mm;font-weight:400;background:#f3f3f3;white-space:nowrap}"
	".roman{font-family:'Noto Serif','DejaVu Serif',serif}"
	".date{text-align:right;margin-top:14mm}";

static void announcement_html(const struct notice *n, struct buf *b)
{
	struct field f[10];
	struct buf t = BUF_INIT;
	int k = announcement_fields(n, f), i;

	buf_addf(&t, _("地名%s公告"), n->kind);
	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>");
	render_html_escape(b, t.data);
	buf_addf(b, "</title><style>%s</style></head><body>\n<h1>", announcement_css);
	render_html_escape(b, t.data);
	buf_adds(b, "</h1>\n<p>");
	if (!strcmp(n->c.type, "cancellation"))
		buf_adds(b, _("依据《地名管理条例》第十四条，现将经批准销名的地名公告如下："));
	else
		buf_addf(b, _("依据《地名管理条例》第十四条，现将经批准%s的标准地名公告如下："),
			 n->kind);
	buf_adds(b, "</p>\n<table>\n");
	for (i = 0; i < k; i++) {
		buf_adds(b, "<tr><th>");
		render_html_escape(b, f[i].label);
		buf_adds(b, !strcmp(f[i].label, _("罗马字母拼写")) ? "</th><td class=\"roman\">"
							       : "</th><td>");
		render_html_escape(b, buf_str(&f[i].value));
		buf_adds(b, "</td></tr>\n");
	}
	buf_addf(b, "</table>\n<p>%s</p>\n<p class=\"date\">", _("特此公告。"));
	buf_release(&t);
	date_zh(&t, n->date);
	render_html_escape(b, buf_str(&t));
	buf_adds(b, "</p>\n</body></html>\n");
	buf_release(&t);
	fields_release(f, k);
}

/* ---- filing (备案) ---- */

static const char *report_label(const char *kind)
{
	if (!strcmp(kind, "expert"))
		return _("专家论证报告");
	if (!strcmp(kind, "consultation"))
		return _("征求意见材料");
	if (!strcmp(kind, "assessment"))
		return _("综合评估报告");
	if (!strcmp(kind, "hearing"))
		return _("听证材料");
	return kind;
}

struct doc_state {
	struct buf *b;
	json_t *arr;
	int n;
};

static int doc_one(const struct reg_case_report *rep, void *arg)
{
	struct doc_state *s = arg;
	const char *what = rep->path && *rep->path ? rep->path : rep->note ? rep->note : "";

	s->n++;
	if (s->arr) {
		json_t *o = json_object();

		json_object_set_new(o, "kind", json_string(rep->kind));
		json_object_set_new(o, "title", json_string(report_label(rep->kind)));
		json_object_set_new(o, "path", cli_json_str_or_null(rep->path));
		json_object_set_new(o, "note", cli_json_str_or_null(rep->note));
		json_object_set_new(o, "actor", json_string(rep->actor));
		json_object_set_new(o, "at", json_string(rep->at));
		json_array_append_new(s->arr, o);
	} else {
		buf_addf(s->b, _("  %d. %s：%s（%s，%s）\n"), s->n, report_label(rep->kind), what,
			 rep->actor, rep->at);
	}
	return 0;
}

static int event_one(const struct reg_case_event *ev, void *arg)
{
	struct doc_state *s = arg;

	if (s->arr) {
		json_t *o = json_object();

		json_object_set_new(o, "state", json_string(ev->state));
		json_object_set_new(o, "actor", json_string(ev->actor));
		json_object_set_new(o, "at", json_string(ev->at));
		json_object_set_new(o, "note", cli_json_str_or_null(ev->note));
		json_array_append_new(s->arr, o);
	} else {
		buf_addf(s->b, "  %s  %-10s  %s%s%s\n", ev->at, ev->state, ev->actor,
			 ev->note && *ev->note ? "  " : "", ev->note ? ev->note : "");
	}
	return 0;
}

/* "标签" padded to 14 columns (a Chinese character takes two), then the
 * value. */
static void line(struct buf *b, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void line(struct buf *b, const char *label, const char *fmt, ...)
{
	size_t w = 0;
	const unsigned char *s;
	va_list ap;

	for (s = (const unsigned char *)label; *s; s++)
		if ((*s & 0xC0) != 0x80)
			w += *s < 0x80 ? 1 : 2;
	buf_adds(b, label);
	while (w++ < 14)
		buf_addc(b, ' ');
	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

static int filing_text(struct reg *r, const struct notice *n, struct buf *b, struct err *e)
{
	const struct reg_case *c = &n->c;
	struct doc_state s = { b, NULL, 0 };

	buf_addf(b, _("地名备案登记表（%s）\n\n"), n->kind);
	line(b, _("案件编号"), "%lld\n", c->id);
	line(b, _("备案事项"), _("地名%s\n"), n->kind);
	line(b, !strcmp(c->type, "cancellation") ? _("销名地名") : _("标准名称"), "%s\n", n->name);
	if (n->former[0])
		line(b, _("原名称"), "%s\n", n->former);
	line(b, _("罗马字母拼写"), "%s\n", n->roman);
	line(b, _("地名类别"), _("%s（%s）\n"), n->klass.name, n->klass.code);
	line(b, _("所属政区"), _("%s（%s）\n"), buf_str(&n->division_path), n->division_disp);
	line(b, _("位置描述"), "%s\n", buf_str(&n->location));
	if (c->applicant[0])
		line(b, _("申请单位"), "%s\n", c->applicant);
	if (c->reason[0])
		line(b, _("申请理由"), "%s\n", c->reason);
	line(b, _("批准机关"), "%s\n", c->authority);
	line(b, _("批准文号"), "%s\n", c->doc_number);
	line(b, _("批准时间"), _("%s（批准人 %s）\n"), c->approved_on, c->approved_by);
	line(b, _("名称审查"), _("%ld 项错误，%ld 项警告\n"), n->errors, n->warnings);
	if (c->override_reason[0])
		line(b, _("审查意见保留"), "%s\n", c->override_reason);
	if (c->announced_on[0])
		line(b, _("公告时间"), _("%s（%s；期限 %s）\n"), c->announced_on, c->channel,
			 c->announce_due);
	else
		line(b, _("公告时间"), _("未公告（期限 %s）\n"), c->announce_due);
	if (c->filed_on[0])
		line(b, _("备案时间"), _("%s（期限 %s）\n"), c->filed_on, c->file_due);
	else
		line(b, _("备案时间"), _("未备案（期限 %s）\n"), c->file_due);
	if (c->overdue)
		line(b, _("逾期"), "%s\n", _("是"));
	buf_adds(b, _("\n材料清单\n"));
	buf_addf(b, _("  %d. 地名%s申请（%s，%s）\n"), ++s.n, n->kind,
		 c->applicant[0] ? c->applicant : c->created_by, c->created_at);
	if (reg_case_reports_each(r, c->id, doc_one, &s, e) < 0)
		return -1;
	buf_addf(b, _("  %d. 批准文件：%s %s（%s）\n"), ++s.n, c->authority, c->doc_number,
		 c->approved_on);
	if (c->announced_on[0])
		buf_addf(b, _("  %d. 地名公告：%s，%s\n"), ++s.n, c->announced_on, c->channel);
	buf_adds(b, _("\n办理过程\n"));
	return reg_case_events_each(r, c->id, event_one, &s, e);
}

static json_t *filing_json(struct reg *r, const struct notice *n, struct err *e)
{
	const struct reg_case *c = &n->c;
	json_t *o = json_object(), *docs = json_array(), *events = json_array();
	struct doc_state s = { NULL, docs, 0 };

	json_object_set_new(o, "case_id", json_integer(c->id));
	json_object_set_new(o, "type", json_string(c->type));
	json_object_set_new(o, "standard_name", json_string(n->name));
	json_object_set_new(o, "former_name", cli_json_str_or_null(n->former));
	json_object_set_new(o, "romanization", json_string(n->roman));
	json_object_set_new(o, "class", json_string(n->klass.name));
	json_object_set_new(o, "class_code", json_string(n->klass.code));
	json_object_set_new(o, "division", json_string(buf_str(&n->division_path)));
	json_object_set_new(o, "division_code", json_string(n->division_disp));
	json_object_set_new(o, "location", json_string(buf_str(&n->location)));
	json_object_set_new(o, "lon", n->has_point ? json_real(n->lon) : json_null());
	json_object_set_new(o, "lat", n->has_point ? json_real(n->lat) : json_null());
	json_object_set_new(o, "applicant", cli_json_str_or_null(c->applicant));
	json_object_set_new(o, "reason", cli_json_str_or_null(c->reason));
	json_object_set_new(o, "authority", json_string(c->authority));
	json_object_set_new(o, "doc_number", json_string(c->doc_number));
	json_object_set_new(o, "approved_on", json_string(c->approved_on));
	json_object_set_new(o, "approved_by", json_string(c->approved_by));
	json_object_set_new(o, "findings_errors", json_integer(n->errors));
	json_object_set_new(o, "findings_warnings", json_integer(n->warnings));
	json_object_set_new(o, "override_reason", cli_json_str_or_null(c->override_reason));
	json_object_set_new(o, "announced_on", cli_json_str_or_null(c->announced_on));
	json_object_set_new(o, "channel", cli_json_str_or_null(c->channel));
	json_object_set_new(o, "announce_due", json_string(c->announce_due));
	json_object_set_new(o, "filed_on", cli_json_str_or_null(c->filed_on));
	json_object_set_new(o, "file_due", json_string(c->file_due));
	json_object_set_new(o, "overdue", json_boolean(c->overdue));
	if (reg_case_reports_each(r, c->id, doc_one, &s, e) < 0)
		goto fail;
	json_object_set_new(o, "documents", docs);
	docs = NULL;
	s.arr = events;
	if (reg_case_events_each(r, c->id, event_one, &s, e) < 0)
		goto fail;
	json_object_set_new(o, "events", events);
	return o;
fail:
	json_decref(docs);
	json_decref(events);
	json_decref(o);
	return NULL;
}

/* ---- the commands ---- */

/* Write b to path ("-" or NULL: stdout) via a temporary file. */
static int write_out(const char *path, const struct buf *b, struct err *e)
{
	struct buf tmp = BUF_INIT;
	FILE *f;
	int ret = -1;

	if (!path || !strcmp(path, "-")) {
		if (fwrite(b->data, 1, b->len, stdout) != b->len)
			return err_set(e, ERR_IO, _("cannot write output: %s"), strerror(errno));
		return 0;
	}
	buf_addf(&tmp, "%s.tmp-%ld", path, (long)getpid());
	if (!(f = fopen(tmp.data, "wb"))) {
		err_set(e, ERR_IO, _("cannot write '%s': %s"), path, strerror(errno));
		goto out;
	}
	if (fwrite(b->data, 1, b->len, f) != b->len || fclose(f) != 0 || rename(tmp.data, path) < 0) {
		err_set(e, ERR_IO, _("cannot write '%s': %s"), path, strerror(errno));
		unlink(tmp.data);
		goto out;
	}
	ret = 0;
out:
	buf_release(&tmp);
	return ret;
}

static int export_case(struct cli_ctx *ctx, int argc, char **argv, int filing)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *cmd = filing ? "export filing" : "export announcement";
	const char *format = "text", *path = NULL;
	struct notice n;
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;
	long long id;
	int c, rc;

	optind = 0;
	while ((c = cli_getopt(argc, argv, "hf:o:", opts, cmd)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 'o':
			path = optarg;
			break;
		case 'j':
			format = "json";
			break;
		case 'h':
			return cli_help(_(filing ? usage_filing : usage_announcement));
		default:
			return 2;
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(cmd, _("expected one CASE_ID"));
	if (parse_case_id(argv[optind], &id) < 0)
		return cli_usage_error(cmd, _("not a case id: '%s'"), argv[optind]);
	if (strcmp(format, "text") && strcmp(format, filing ? "json" : "html"))
		return cli_usage_error(cmd, _("unknown format '%s' (text, %s)"), format,
				       filing ? "json" : "html");
	if ((rc = cli_open(ctx)))
		return rc;
	if (reg_begin_read(&ctx->reg, &e) < 0)
		return cli_fail(&e);
	if (notice_load(ctx, id, &n, &e) < 0) {
		reg_rollback(&ctx->reg);
		notice_release(&n);
		return cli_fail(&e);
	}
	if (!filing) {
		if (!strcmp(format, "html"))
			announcement_html(&n, &b);
		else
			announcement_text(&n, &b);
	} else if (!strcmp(format, "json")) {
		json_t *o = filing_json(&ctx->reg, &n, &e);
		char *s;

		if (!o)
			goto fail;
		s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
		json_decref(o);
		if (!s) {
			err_set(&e, ERR_NOMEM, _("out of memory"));
			goto fail;
		}
		buf_adds(&b, s);
		buf_addc(&b, '\n');
		free(s);
	} else if (filing_text(&ctx->reg, &n, &b, &e) < 0) {
		goto fail;
	}
	reg_rollback(&ctx->reg);
	notice_release(&n);
	if (write_out(path, &b, &e) < 0) {
		buf_release(&b);
		return cli_fail(&e);
	}
	buf_release(&b);
	return 0;
fail:
	reg_rollback(&ctx->reg);
	notice_release(&n);
	buf_release(&b);
	return cli_fail(&e);
}

int export_announcement(struct cli_ctx *ctx, int argc, char **argv)
{
	return export_case(ctx, argc, argv, 0);
}

int export_filing(struct cli_ctx *ctx, int argc, char **argv)
{
	return export_case(ctx, argc, argv, 1);
}
