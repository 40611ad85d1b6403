/* cmd_check.c - `diming check name|names`: the naming rules on one proposed
 * name or on every name in the registry. */
#include <string.h>

#include "cli/cli.h"
#include "registry/reg_division.h"
#include "registry/reg_namecheck.h"
#include "registry/reg_place.h"

static const char usage[] =
	N_("usage: diming check name TEXT --division CODE [--class C] [--romanization TEXT] [--json]\n"
	   "   or: diming check names [--division CODE] [--class C] [--json]\n"
	   "\n"
	   "Check a proposed name, or every current name in the registry (division\n"
	   "names included), against the naming rules: exaggerated, foreign, odd,\n"
	   "rare-char, traditional-char, person-name, generic, romanization, and\n"
	   "against the registry: duplicate (same 专名) and homophone (same toneless\n"
	   "pinyin) within the legal scope of the class (条例 art. 9(7), 9(8)).\n"
	   "Scopes: 'diming config set scope.table 1996' for the 1996 table,\n"
	   "'diming config set scope.<class> <level>' (nation, province, city, county,\n"
	   "town, village, builtup, none) for one class's group,\n"
	   "'diming config set builtup.<county> <code>' for a county's built-up area.\n"
	   "\n"
	   "  --division CODE    where the proposed name lies; for 'names', report\n"
	   "                     only names within it\n"
	   "  --class C          the class (code or name); without it the 通名 decides\n"
	   "                     which names the proposal is compared with\n"
	   "  --romanization T   check a supplied spelling too\n"
	   "  --json             print an array of {rule, severity, name, place_id,\n"
	   "                     other_place_id, other_name, message}\n"
	   "\n"
	   "Exit status 1 when any finding is an error.\n");

struct out_state {
	int json;
	long n;
};

static int print_finding(const struct reg_check_finding *f, void *arg)
{
	struct out_state *s = arg;

	if (s->json) {
		json_t *o = json_object();

		json_object_set_new(o, "rule", json_string(f->rule));
		json_object_set_new(o, "severity", json_string(f->severity));
		json_object_set_new(o, "name", json_string(f->name));
		json_object_set_new(o, "place_id", f->place_id ? json_integer(f->place_id) : json_null());
		json_object_set_new(o, "other_place_id",
				    f->other_place_id ? json_integer(f->other_place_id) : json_null());
		json_object_set_new(o, "other_name", cli_json_str_or_null(f->other_name));
		json_object_set_new(o, "message", json_string(f->message));
		cli_json_stream_item(o, s->n);
	} else {
		printf("%-7s  %-16s  %s: %s\n", f->severity, f->rule, f->name, f->message);
	}
	s->n++;
	return 0;
}

int cmd_check(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "division", required_argument, NULL, 'd' },
		{ "class", required_argument, NULL, 'c' },
		{ "romanization", required_argument, NULL, 'r' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *sub, *division = NULL, *klass = NULL, *roman = NULL;
	struct out_state s = { 0, 0 };
	struct err e = ERR_INIT;
	struct reg_class cl;
	char code[13], prefix[6];
	long errors = 0;
	int c, rc;

	if (argc < 2)
		return cli_usage_error("check", _("expected name or names"));
	sub = argv[1];
	if (!strcmp(sub, "-h") || !strcmp(sub, "--help"))
		return cli_help(_(usage));
	optind = 0;
	while ((c = cli_getopt(argc - 1, argv + 1, "hj", opts, "check")) != -1) {
		switch (c) {
		case 'd':
			division = optarg;
			break;
		case 'c':
			klass = optarg;
			break;
		case 'r':
			roman = optarg;
			break;
		case 'j':
			s.json = 1;
			break;
		case 'h':
			return cli_help(_(usage));
		default:
			return 2;
		}
	}
	argc -= 1;
	argv += 1;
	if (strcmp(sub, "name") && strcmp(sub, "names"))
		return cli_usage_error("check", _("unknown subcommand '%s'"), sub);
	if (!strcmp(sub, "name")) {
		if (optind + 1 != argc)
			return cli_usage_error("check name", _("expected one TEXT"));
		if (!division)
			return cli_usage_error("check name", _("--division is required"));
	} else if (optind != argc) {
		return cli_usage_error("check names", _("unexpected argument '%s'"), argv[optind]);
	}
	if (division && reg_code_normalize(division, code, &e) < 0)
		return cli_usage_error("check", _("--division: %s"), e.msg);
	if ((rc = cli_name_index_sync(ctx)))
		return rc;
	if (division) {
		struct reg_division d;

		rc = reg_division_lookup(&ctx->reg, code, &d, &e);
		if (rc < 0)
			return cli_fail(&e);
		if (rc == 0) {
			cli_error(_("no division with code '%s'"), division);
			return 2;
		}
	}
	if (klass) {
		rc = reg_class_find(&ctx->reg, klass, &cl, &e);
		if (rc < 0)
			return cli_fail(&e);
		if (rc == 0)
			return cli_usage_error("check", _("--class: unknown place class '%s'"), klass);
	}
	if (s.json)
		fputs("[", stdout);
	if (!strcmp(sub, "name")) {
		struct reg_check_input in;

		memset(&in, 0, sizeof(in));
		in.name = argv[optind];
		in.division = code;
		in.class_code = klass ? cl.code : NULL;
		in.romanization = roman;
		rc = reg_check_name(&ctx->reg, &in, print_finding, &s, &errors, &e);
	} else {
		if (klass)
			reg_class_prefix(cl.code, prefix);
		rc = reg_check_names(&ctx->reg, division ? code : NULL, klass ? prefix : NULL,
				     print_finding, &s, &errors, &e);
	}
	if (s.json)
		fputs(s.n ? "\n]\n" : "]\n", stdout);
	if (rc < 0)
		return cli_fail(&e);
	return errors ? 1 : 0;
}
