/* cmd_inspect.c - `diming inspect`: a joint inspection (联检) of lines from a field survey. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/inspect.h"
#include "common/clock.h"
#include "import/imp_survey.h"
#include "registry/reg_hazard.h"
#include "registry/reg_inspect.h"

static const char usage[] =
	N_("usage: diming inspect LINE_CODE... --survey FILE [--round NAME] [--date YYYY-MM-DD]\n"
	   "                      [--parties \"A;B\"] [--tolerance-m T] [--format text|json|csv|html]\n"
	   "                      [-o FILE] [--save] [--encoding utf-8|gb18030]\n"
	   "\n"
	   "Joint inspection (联检, 《行政区域界线管理条例》 art. 12) of one or more lines:\n"
	   "compare the field survey with the registered monuments and give each monument\n"
	   "a verdict (ok, displaced, damaged, missing, off-line, unknown) and findings\n"
	   "with rule ids: missing-record, unknown-monument, displaced, off-line, same-side,\n"
	   "numbering, tri-junction, reference-objects, condition, overdue.\n"
	   "\n"
	   "Survey CSV columns (more allowed, order free): number, x, y (northing, easting\n"
	   "as in the 成果表) or lon, lat; h; srs; condition (完好, 损坏, 丢失, 移位, 倾斜,\n"
	   "注记不清, 被遮挡); note; photos; ref1_name, ref1_azimuth, ref1_distance_m ... ref5\n"
	   "(a 方位物 with a name only was not found); boundary_code (for a survey that\n"
	   "covers several lines reusing numbers).\n"
	   "\n"
	   "  --survey FILE      the field survey (required)\n"
	   "  --round NAME       round name (default \"<year>年联检\")\n"
	   "  --date D           date of the inspection (default today)\n"
	   "  --parties \"A;B\"    the inspecting sides (default the two divisions)\n"
	   "  --tolerance-m T    use T metres instead of k·√(m_reg² + m_new²), k = 2,\n"
	   "                     m_reg = the monument's precision (default 1 m), m_new =\n"
	   "                     0.05 m (config inspect.k, inspect.m_reg, inspect.m_new)\n"
	   "  --format F         text (default), json, csv (the updated 界桩登记表, UTF-8\n"
	   "                     with BOM) or html (a printable A4 report); -o FILE.html\n"
	   "                     and the like choose it too\n"
	   "  -o, --output FILE  write the report to FILE instead of stdout\n"
	   "  --save             store the round: each monument's inspection history and\n"
	   "                     the line's last-inspected date\n"
	   "\n"
	   "Exit status: 0 every monument ok and no finding; 1 findings; 2 bad input\n"
	   "(nothing written); 3 database or system error.\n");

enum format { F_TEXT, F_JSON, F_CSV, F_HTML };

static int parse_format(const char *s, enum format *f)
{
	if (!strcmp(s, "text"))
		*f = F_TEXT;
	else if (!strcmp(s, "json"))
		*f = F_JSON;
	else if (!strcmp(s, "csv"))
		*f = F_CSV;
	else if (!strcmp(s, "html"))
		*f = F_HTML;
	else
		return -1;
	return 0;
}

/* The format an output file name asks for, or -1. */
static int format_of_path(const char *path, enum format *f)
{
	const char *dot = strrchr(path, '.');

	if (!dot)
		return -1;
	if (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm"))
		*f = F_HTML;
	else if (!strcasecmp(dot, ".json"))
		*f = F_JSON;
	else if (!strcasecmp(dot, ".csv"))
		*f = F_CSV;
	else if (!strcasecmp(dot, ".txt"))
		*f = F_TEXT;
	else
		return -1;
	return 0;
}

struct hz_collect {
	struct cli_inspect_line *line;
};

static char *xstrdup(const char *s)
{
	char *d = strdup(s ? s : "");

	if (!d)
		abort();
	return d;
}

static int collect_hazard(const struct reg_hazard *h, void *arg)
{
	struct cli_inspect_line *L = arg;
	struct cli_hazard_item *it;

	L->hz = realloc(L->hz, (L->nhz + 1) * sizeof(*L->hz));
	if (!L->hz)
		abort();
	it = &L->hz[L->nhz++];
	it->id = h->id;
	it->monument = xstrdup(h->monument);
	it->kind = xstrdup(h->kind);
	it->note = xstrdup(h->note);
	it->opened_at = xstrdup(h->opened_at);
	it->opened_by = xstrdup(h->opened_by);
	return 0;
}

static void report_release(struct cli_inspect_report *rep)
{
	size_t i, j;

	for (i = 0; i < rep->n; i++) {
		struct cli_inspect_line *L = &rep->line[i];

		reg_inspect_result_release(&L->res);
		for (j = 0; j < L->nhz; j++) {
			free(L->hz[j].monument);
			free(L->hz[j].kind);
			free(L->hz[j].note);
			free(L->hz[j].opened_at);
			free(L->hz[j].opened_by);
		}
		free(L->hz);
	}
	free(rep->line);
}

static int render(const struct cli_inspect_report *rep, enum format fmt, const char *out)
{
	struct err e = ERR_INIT;
	FILE *f = stdout;
	int rc;

	if (out && !(f = fopen(out, "wb"))) {
		err_set(&e, ERR_IO, _("cannot write '%s': %s"), out, strerror(errno));
		return cli_fail(&e);
	}
	switch (fmt) {
	case F_JSON:
		rc = cli_inspect_render_json(f, rep, &e);
		break;
	case F_CSV:
		rc = cli_inspect_render_csv(f, rep, &e);
		break;
	case F_HTML:
		rc = cli_inspect_render_html(f, rep, &e);
		break;
	default:
		rc = cli_inspect_render_text(f, rep, &e);
		break;
	}
	if (out && fclose(f) != 0 && rc == 0)
		rc = err_set(&e, ERR_IO, _("cannot write '%s': %s"), out, strerror(errno));
	return rc < 0 ? cli_fail(&e) : 0;
}

struct opts {
	const char *survey, *out, *encoding;
	enum format fmt;
	int fmt_given, save;
	struct reg_inspect_opts ro;
	double tolerance;
	const char *round, *date, *parties;
};

static int run(struct cli_ctx *ctx, struct opts *op, char **codes, int ncodes)
{
	struct cli_inspect_report rep = { 0 };
	struct reg_inspect_input *in = NULL;
	const struct reg_survey_row ***rows = NULL;
	size_t *nrows = NULL, i;
	struct reg_survey survey = { 0 };
	struct imp_opts io = { 0 };
	struct err e = ERR_INIT;
	struct geo_ctx *g;
	struct geo_crs_cache *cc = NULL;
	int rc, status = 0;
	long problems = 0;

	if (!(g = cli_geo(ctx)))
		return 3;
	if ((rc = op->save ? cli_write_begin(ctx) : cli_open(ctx)))
		return rc;
	if (!op->save && reg_begin_read(&ctx->reg, &e) < 0)
		return cli_fail(&e);
	if (reg_inspect_opts_load(&ctx->reg, &op->ro, &e) < 0) {
		status = cli_fail(&e);
		goto out;
	}
	if (op->tolerance > 0)
		op->ro.tolerance_m = op->tolerance;
	if (!(cc = geo_crs_cache_new(g, &e))) {
		status = cli_fail(&e);
		goto out;
	}
	op->ro.survey = op->survey;
	io.encoding = op->encoding;
	cli_import_callbacks(&io);
	if (imp_survey_read(cc, op->survey, &io, &survey, &e) < 0) {
		status = cli_fail(&e);
		goto out;
	}
	in = calloc((size_t)ncodes, sizeof(*in));
	rows = calloc((size_t)ncodes, sizeof(*rows));
	nrows = calloc((size_t)ncodes, sizeof(*nrows));
	rep.line = calloc((size_t)ncodes, sizeof(*rep.line));
	if (!in || !rows || !nrows || !rep.line)
		abort();
	if (reg_inspect_load(&ctx->reg, g, (const char *const *)codes, (size_t)ncodes, in, &e) < 0) {
		status = cli_fail(&e);
		goto out;
	}
	if (reg_inspect_assign(&ctx->reg, cc, in, (size_t)ncodes, &survey, rows, nrows, &e) < 0) {
		status = cli_fail(&e);
		goto out;
	}
	rep.survey = op->survey;
	rep.cc = cc;
	for (i = 0; i < (size_t)ncodes; i++) {
		struct cli_inspect_line *L = &rep.line[i];

		if (reg_inspect_run(cc, &in[i], rows[i], nrows[i], &op->ro, &L->res, &e) < 0) {
			status = cli_fail(&e);
			goto out;
		}
		rep.n++;
		if (reg_hazard_each(&ctx->reg, L->res.line.code, 1, collect_hazard, L, &e) < 0) {
			status = cli_fail(&e);
			goto out;
		}
		problems += L->res.nfindings +
			    (L->res.summary.total - L->res.summary.count[REG_VERDICT_OK]);
	}
	if (op->save) {
		char summary[512];
		long nmon = 0;

		for (i = 0; i < rep.n; i++) {
			if (reg_inspect_save(&ctx->reg, &rep.line[i].res, op->survey, NULL, &e) < 0) {
				status = cli_fail(&e);
				goto out;
			}
			nmon += rep.line[i].res.summary.total;
		}
		if (rep.n == 1)
			snprintf(summary, sizeof(summary),
				 _("inspection round '%s' of line %s saved: %ld monuments, %ld findings"),
				 rep.line[0].res.round, rep.line[0].res.line.code, nmon,
				 rep.line[0].res.nfindings);
		else
			snprintf(summary, sizeof(summary),
				 _("inspection round '%s' of %zu lines saved: %ld monuments"),
				 rep.line[0].res.round, rep.n, nmon);
		if ((status = cli_write_commit(ctx, summary)))
			goto out;
		rep.saved = 1;
	}
	status = render(&rep, op->fmt, op->out);
	if (!status && problems)
		status = 1;
out:
	if (ctx->reg.in_tx)
		reg_rollback(&ctx->reg);
	for (i = 0; in && i < (size_t)ncodes; i++) {
		reg_inspect_input_release(&in[i]);
		free(rows[i]);
	}
	free(in);
	free(rows);
	free(nrows);
	report_release(&rep);
	reg_survey_release(&survey);
	geo_crs_cache_free(cc);
	return status;
}

int cmd_inspect(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "survey", required_argument, NULL, 's' },
		{ "round", required_argument, NULL, 'r' },
		{ "date", required_argument, NULL, 'd' },
		{ "parties", required_argument, NULL, 'p' },
		{ "tolerance-m", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "save", no_argument, NULL, 'S' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct opts op;
	struct err e = ERR_INIT;
	long days;
	char *end;
	int c;

	memset(&op, 0, sizeof(op));
	reg_inspect_opts_init(&op.ro);
	optind = 0;
	while ((c = cli_getopt(argc, argv, "ho:", longopts, "inspect")) != -1) {
		switch (c) {
		case 's':
			op.survey = optarg;
			break;
		case 'r':
			if (!*optarg || strlen(optarg) >= sizeof(op.ro.round))
				return cli_usage_error("inspect", _("--round: empty or too long: '%s'"), optarg);
			snprintf(op.ro.round, sizeof(op.ro.round), "%s", optarg);
			break;
		case 'd':
			if (clock_parse_date(optarg, &days, &e) < 0)
				return cli_usage_error("inspect", _("--date: not a date (YYYY-MM-DD): '%s'"), optarg);
			snprintf(op.ro.date, sizeof(op.ro.date), "%s", optarg);
			break;
		case 'p': {
			const char *semi = strchr(optarg, ';');

			if (!semi || semi == optarg || !semi[1] || semi[1] == ';' ||
			    strlen(optarg) >= sizeof(op.ro.parties))
				return cli_usage_error("inspect",
						       _("--parties: expected two sides as \"A;B\": '%s'"), optarg);
			snprintf(op.ro.parties, sizeof(op.ro.parties), "%s", optarg);
			break;
		}
		case 't':
			op.tolerance = strtod(optarg, &end);
			if (end == optarg || *end || !isfinite(op.tolerance) || op.tolerance <= 0)
				return cli_usage_error("inspect", _("--tolerance-m: not a positive number: '%s'"), optarg);
			break;
		case 'f':
			if (parse_format(optarg, &op.fmt) < 0)
				return cli_usage_error("inspect", _("--format: expected text, json, csv or html: '%s'"), optarg);
			op.fmt_given = 1;
			break;
		case 'j':
			op.fmt = F_JSON;
			op.fmt_given = 1;
			break;
		case 'o':
			op.out = optarg;
			break;
		case 'S':
			op.save = 1;
			break;
		case 'e':
			op.encoding = optarg;
			break;
		case 'h':
			return cli_help(_(usage));
		default:
			return 2;
		}
	}
	if (optind >= argc)
		return cli_usage_error("inspect", _("expected a LINE_CODE"));
	if (!op.survey)
		return cli_usage_error("inspect", _("--survey FILE is required"));
	if (op.out && !op.fmt_given)
		format_of_path(op.out, &op.fmt);
	for (c = optind; c < argc; c++) {
		int k;

		for (k = optind; k < c; k++)
			if (!strcmp(argv[k], argv[c]))
				return cli_usage_error("inspect", _("line '%s' given twice"), argv[c]);
	}
	return run(ctx, &op, argv + optind, argc - optind);
}
