/* cmd_division.c - `diming division show|list|tree`. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "registry/reg_division.h"

static const char usage[] =
	N_("usage: diming division show CODE [--json]\n"
	   "   or: diming division list [--parent CODE] [--level L] [--json]\n"
	   "   or: diming division tree CODE [--depth N]\n"
	   "\n"
	   "Administrative divisions (行政区划).  CODE may have 2, 4, 6, 9 or 12 digits;\n"
	   "L is province, city, county, town or village (or 省级, 地级, 县级, 乡级, 村级).\n");

static json_t *division_json(const struct reg_division *d)
{
	char code[13], parent[13];
	json_t *o = json_object();

	reg_code_display(d->code, code);
	json_object_set_new(o, "code", json_string(code));
	json_object_set_new(o, "name", json_string(d->name));
	json_object_set_new(o, "level", json_string(reg_level_name(d->level)));
	if (d->parent_code[0]) {
		reg_code_display(d->parent_code, parent);
		json_object_set_new(o, "parent_code", json_string(parent));
	} else {
		json_object_set_new(o, "parent_code", json_null());
	}
	json_object_set_new(o, "children", json_integer(d->children));
	json_object_set_new(o, "has_geometry", json_boolean(d->has_geometry));
	json_object_set_new(o, "area_km2", isnan(d->area_km2) ? json_null()
				: json_real(round(d->area_km2 * 1000.0) / 1000.0));
	json_object_set_new(o, "valid_from", cli_json_str_or_null(d->valid_from));
	json_object_set_new(o, "valid_to", cli_json_str_or_null(d->valid_to));
	return o;
}

static int show(struct cli_ctx *ctx, const char *code, int json)
{
	struct reg_division d, p;
	struct err e = ERR_INIT;
	char disp[13];
	int rc;

	if ((rc = cli_open(ctx)))
		return rc;
	rc = reg_division_get(&ctx->reg, code, &d, &e);
	if (rc < 0)
		return cli_fail(&e);
	if (rc == 0) {
		cli_error(_("no division with code '%s'"), code);
		return 2;
	}
	if (json)
		return cli_json_print(division_json(&d));
	reg_code_display(d.code, disp);
	printf(_("code        %s\n"), disp);
	printf(_("name        %s\n"), d.name);
	printf(_("level       %s (%s)\n"), reg_level_label(d.level), reg_level_name(d.level));
	if (d.parent_code[0]) {
		reg_code_display(d.parent_code, disp);
		if (reg_division_get(&ctx->reg, d.parent_code, &p, &e) == 1)
			printf(_("parent      %s %s\n"), disp, p.name);
		else
			printf(_("parent      %s\n"), disp);
	}
	printf(_("children    %d\n"), d.children);
	if (d.has_geometry)
		printf(_("area        %.1f km² (geodesic, CGCS2000)\n"), d.area_km2);
	else
		printf(_("area        - (no boundary polygon)\n"));
	if (d.valid_from[0] || d.valid_to[0])
		printf(_("valid       %s – %s\n"), d.valid_from[0] ? d.valid_from : "…",
		       d.valid_to[0] ? d.valid_to : "…");
	return 0;
}

struct list_state {
	int json;
	long n;
};

static int list_one(const struct reg_division *d, void *arg)
{
	struct list_state *s = arg;
	char disp[13];

	if (s->json) {
		json_t *o = division_json(d);

		cli_json_stream_item(o, s->n);
	} else {
		reg_code_display(d->code, disp);
		printf("%-12s  %s  %s\n", disp, reg_level_label(d->level), d->name);
	}
	s->n++;
	return 0;
}

static int list(struct cli_ctx *ctx, const char *parent, const char *level, int json)
{
	struct list_state s = { json, 0 };
	struct err e = ERR_INIT;
	enum reg_level l = REG_LEVEL_NONE;
	char norm[13];
	int rc;

	if (level && (l = reg_level_parse(level)) == REG_LEVEL_NONE)
		return cli_usage_error("division list",
				       _("unknown level '%s' (province, city, county, town, village)"),
				       level);
	if (parent && reg_code_normalize(parent, norm, &e) < 0)
		return cli_fail(&e);
	if ((rc = cli_open(ctx)))
		return rc;
	if (json)
		fputs("[", stdout);
	if (reg_division_each(&ctx->reg, parent, l, list_one, &s, &e) < 0) {
		if (json)
			fputs("]\n", stdout);
		return cli_fail(&e);
	}
	if (json)
		fputs(s.n ? "\n]\n" : "]\n", stdout);
	return 0;
}

/* Tree: depth-first; children are collected per level to keep one
 * statement open at a time. */
struct kids {
	struct reg_division *v;
	size_t n, cap;
};

static int collect(const struct reg_division *d, void *arg)
{
	struct kids *k = arg;

	if (k->n == k->cap) {
		size_t cap = k->cap ? k->cap * 2 : 16;
		struct reg_division *p = realloc(k->v, cap * sizeof(*p));

		if (!p)
			abort();
		k->v = p;
		k->cap = cap;
	}
	k->v[k->n++] = *d;
	return 0;
}

static int tree(struct reg *r, const struct reg_division *d, int depth, int max,
		const char *prefix, int last, struct err *e)
{
	struct kids k = { NULL, 0, 0 };
	char disp[13], sub[512];
	size_t i;
	int rc = 0;

	reg_code_display(d->code, disp);
	if (depth == 0)
		printf("%s %s\n", disp, d->name);
	else
		printf("%s%s %s %s\n", prefix, last ? "└──" : "├──", disp, d->name);
	if (depth >= max)
		return 0;
	if (reg_division_each(r, d->code, REG_LEVEL_NONE, collect, &k, e) < 0)
		return -1;
	snprintf(sub, sizeof(sub), "%s%s", prefix, depth == 0 ? "" : (last ? "    " : "│   "));
	for (i = 0; i < k.n && rc == 0; i++)
		rc = tree(r, &k.v[i], depth + 1, max, sub, i + 1 == k.n, e);
	free(k.v);
	return rc;
}

int cmd_division(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "parent", required_argument, NULL, 'p' },
		{ "level", required_argument, NULL, 'l' },
		{ "depth", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *sub, *parent = NULL, *level = NULL;
	int json = 0, depth = 1, c, rc;
	char *end;

	if (argc < 2)
		return cli_usage_error("division", _("expected show, list or tree"));
	sub = argv[1];
	if (!strcmp(sub, "-h") || !strcmp(sub, "--help"))
		return cli_help(_(usage));
	optind = 0;
	while ((c = cli_getopt(argc - 1, argv + 1, "hj", opts, "division")) != -1) {
		switch (c) {
		case 'j':
			json = 1;
			break;
		case 'p':
			parent = optarg;
			break;
		case 'l':
			level = optarg;
			break;
		case 'd':
			depth = (int)strtol(optarg, &end, 10);
			if (*end || depth < 0)
				return cli_usage_error("division", _("--depth: not a number: '%s'"), optarg);
			break;
		case 'h':
			return cli_help(_(usage));
		default:
			return 2;
		}
	}
	argc -= 1;
	argv += 1;
	if (!strcmp(sub, "show")) {
		if (optind + 1 != argc)
			return cli_usage_error("division", _("show expects one CODE"));
		return show(ctx, argv[optind], json);
	}
	if (!strcmp(sub, "list")) {
		if (optind != argc)
			return cli_usage_error("division", _("unexpected argument '%s'"), argv[optind]);
		return list(ctx, parent, level, json);
	}
	if (!strcmp(sub, "tree")) {
		struct reg_division d;
		struct err e = ERR_INIT;

		if (optind + 1 != argc)
			return cli_usage_error("division", _("tree expects one CODE"));
		if ((rc = cli_open(ctx)))
			return rc;
		rc = reg_division_get(&ctx->reg, argv[optind], &d, &e);
		if (rc < 0)
			return cli_fail(&e);
		if (rc == 0) {
			cli_error(_("no division with code '%s'"), argv[optind]);
			return 2;
		}
		if (tree(&ctx->reg, &d, 0, depth, "", 1, &e) < 0)
			return cli_fail(&e);
		return 0;
	}
	return cli_usage_error("division", _("unknown subcommand '%s'"), sub);
}
