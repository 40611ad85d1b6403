/* cmd_hazard.c - `diming hazard add|list|close`: the dispute and hazard ledger (隐患台账). */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "registry/reg_boundary.h"
#include "registry/reg_hazard.h"
#include "registry/reg_monument.h"

static const char usage[] =
	N_("usage: diming hazard add --boundary CODE [--monument N] --kind KIND --note TEXT\n"
	   "   or: diming hazard list [--boundary CODE] [--open] [--json]\n"
	   "   or: diming hazard close ID --resolution TEXT\n"
	   "\n"
	   "The dispute and hazard ledger (界线纠纷隐患台账) of boundary lines: threats\n"
	   "found on a line or at one of its monuments stay open until closed with a\n"
	   "resolution; the open ones appear in the line's inspection report.\n"
	   "\n"
	   "Kinds: dispute 界线纠纷, construction 跨界生产建设, excavation 取土采砂,\n"
	   "river 河道变化, road 道路变化, terrain 地物地貌变化, monument 界桩受威胁,\n"
	   "marker 单方设立标志, other 其他 (the English id or the Chinese term).\n"
	   "\n"
	   "add prints the new id; list shows id, status, line, monument, kind, date,\n"
	   "note (and the resolution of a closed one).\n");

static int add(struct cli_ctx *ctx, const char *boundary, const char *monument,
	       const char *kind, const char *note)
{
	struct reg_hazard h = { 0 };
	struct reg_boundary b;
	struct reg_monument m;
	struct err e = ERR_INIT;
	char summary[512];
	long long id;
	int rc;

	if (!boundary || !kind || !note)
		return cli_usage_error("hazard", _("add needs --boundary, --kind and --note"));
	if (!reg_hazard_kind_parse(kind))
		return cli_usage_error("hazard", _("unknown kind '%s'"), kind);
	if ((rc = cli_write_begin(ctx)))
		return rc;
	rc = reg_boundary_get(&ctx->reg, NULL, boundary, &b, NULL, &e);
	if (rc == 0)
		err_set(&e, ERR_NOT_FOUND, _("no boundary line with code '%s'"), boundary);
	if (rc <= 0)
		goto fail;
	if (monument) {
		rc = reg_monument_get(&ctx->reg, b.code, monument, &m, &e);
		if (rc == 0)
			err_set(&e, ERR_NOT_FOUND, _("no monument '%s' on line %s"), monument, b.code);
		if (rc <= 0)
			goto fail;
	}
	h.boundary_code = b.code;
	h.monument = monument;
	h.kind = kind;
	h.note = note;
	if (reg_hazard_add(&ctx->reg, &h, &id, &e) < 0)
		goto fail;
	snprintf(summary, sizeof(summary), _("hazard %lld on line %s%s%s: %s"), id, b.code,
		 monument ? _(" at monument ") : "", monument ? monument : "",
		 reg_hazard_kind_parse(kind));
	if ((rc = cli_write_commit(ctx, summary)))
		return rc;
	printf("%lld\n", id);
	return 0;
fail:
	cli_write_abort(ctx);
	return cli_fail(&e);
}

static int close_one(struct cli_ctx *ctx, const char *idtext, const char *resolution)
{
	struct err e = ERR_INIT;
	char summary[512], *end;
	long long id = strtoll(idtext, &end, 10);
	int rc;

	if (end == idtext || *end || id <= 0)
		return cli_usage_error("hazard", _("close: not a hazard id: '%s'"), idtext);
	if (!resolution)
		return cli_usage_error("hazard", _("close needs --resolution"));
	if ((rc = cli_write_begin(ctx)))
		return rc;
	if (reg_hazard_close(&ctx->reg, id, resolution, &e) < 0) {
		cli_write_abort(ctx);
		return cli_fail(&e);
	}
	snprintf(summary, sizeof(summary), _("hazard %lld closed: %.400s"), id, resolution);
	return cli_write_commit(ctx, summary);
}

struct list_state {
	int json;
	long n;
};

static int list_one(const struct reg_hazard *h, void *arg)
{
	struct list_state *s = arg;

	if (s->json) {
		json_t *o = json_object();

		json_object_set_new(o, "id", json_integer(h->id));
		json_object_set_new(o, "boundary_code", json_string(h->boundary_code));
		json_object_set_new(o, "monument", cli_json_str_or_null(h->monument));
		json_object_set_new(o, "kind", json_string(h->kind));
		json_object_set_new(o, "note", json_string(h->note));
		json_object_set_new(o, "status", json_string(h->status));
		json_object_set_new(o, "opened_at", json_string(h->opened_at));
		json_object_set_new(o, "opened_by", json_string(h->opened_by));
		json_object_set_new(o, "closed_at", cli_json_str_or_null(h->closed_at));
		json_object_set_new(o, "closed_by", cli_json_str_or_null(h->closed_by));
		json_object_set_new(o, "resolution", cli_json_str_or_null(h->resolution));
		cli_json_stream_item(o, s->n);
	} else {
		printf("%-4lld %-6s %-16s %-12s %-8s %.10s  %s", h->id, h->status, h->boundary_code,
		       h->monument[0] ? h->monument : "-", h->kind, h->opened_at, h->note);
		if (h->resolution[0])
			printf(_(" -> %.10s %s"), h->closed_at, h->resolution);
		putchar('\n');
	}
	s->n++;
	return 0;
}

static int list(struct cli_ctx *ctx, const char *boundary, int open_only, int json)
{
	struct list_state s = { json, 0 };
	struct err e = ERR_INIT;
	int rc;

	if ((rc = cli_open(ctx)))
		return rc;
	if (json)
		fputs("[", stdout);
	rc = reg_hazard_each(&ctx->reg, boundary, open_only, list_one, &s, &e);
	if (json)
		fputs(s.n ? "\n]\n" : "]\n", stdout);
	return rc < 0 ? cli_fail(&e) : 0;
}

int cmd_hazard(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "boundary", required_argument, NULL, 'b' },
		{ "monument", required_argument, NULL, 'm' },
		{ "kind", required_argument, NULL, 'k' },
		{ "note", required_argument, NULL, 'n' },
		{ "resolution", required_argument, NULL, 'r' },
		{ "open", no_argument, NULL, 'O' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *sub, *boundary = NULL, *monument = NULL, *kind = NULL, *note = NULL;
	const char *resolution = NULL;
	int open_only = 0, json = 0, c;

	if (argc < 2)
		return cli_usage_error("hazard", _("expected add, list or close"));
	sub = argv[1];
	if (!strcmp(sub, "-h") || !strcmp(sub, "--help"))
		return cli_help(_(usage));
	optind = 0;
	while ((c = cli_getopt(argc - 1, argv + 1, "hj", opts, "hazard")) != -1) {
		switch (c) {
		case 'b':
			boundary = optarg;
			break;
		case 'm':
			monument = optarg;
			break;
		case 'k':
			kind = optarg;
			break;
		case 'n':
			note = optarg;
			break;
		case 'r':
			resolution = optarg;
			break;
		case 'O':
			open_only = 1;
			break;
		case 'j':
			json = 1;
			break;
		case 'h':
			return cli_help(_(usage));
		default:
			return 2;
		}
	}
	argc -= 1;
	argv += 1;
	if (!strcmp(sub, "add")) {
		if (optind != argc)
			return cli_usage_error("hazard", _("unexpected argument '%s'"), argv[optind]);
		return add(ctx, boundary, monument, kind, note);
	}
	if (!strcmp(sub, "list")) {
		if (optind != argc)
			return cli_usage_error("hazard", _("unexpected argument '%s'"), argv[optind]);
		return list(ctx, boundary, open_only, json);
	}
	if (!strcmp(sub, "close")) {
		if (optind + 1 != argc)
			return cli_usage_error("hazard", _("close expects one ID"));
		return close_one(ctx, argv[optind], resolution);
	}
	return cli_usage_error("hazard", _("unknown subcommand '%s'"), sub);
}
