/* cmd_audit.c - `diming audit log|verify`: the append-only hash chain. */
#include <string.h>

#include "cli/cli.h"

static const char usage[] =
	N_("usage: diming audit log [--since DATE] [--actor NAME] [--json]\n"
	   "   or: diming audit verify\n"
	   "\n"
	   "Every write appends an entry carrying the SHA-256 of the previous one.\n"
	   "'verify' walks the chain and exits 1 naming the first entry that was\n"
	   "edited, deleted or reordered.\n");

struct log_state {
	int json;
	json_t *arr;
};

static int log_one(const struct reg_audit_entry *en, void *arg)
{
	struct log_state *s = arg;

	if (s->json) {
		json_t *o = json_object();

		json_object_set_new(o, "id", json_integer(en->id));
		json_object_set_new(o, "at", json_string(en->at));
		json_object_set_new(o, "actor", json_string(en->actor));
		json_object_set_new(o, "command", json_string(en->command));
		json_object_set_new(o, "summary", json_string(en->summary));
		json_object_set_new(o, "hash", json_string(en->hash));
		json_array_append_new(s->arr, o);
	} else {
		printf("%5lld  %s  %-12s  %s\n       %s\n", en->id, en->at, en->actor,
		       en->command, en->summary);
	}
	return 0;
}

int cmd_audit(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "since", required_argument, NULL, 's' },
		{ "actor", required_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct log_state s = { 0, NULL };
	const char *since = NULL, *actor = NULL, *sub;
	struct err e = ERR_INIT;
	int c, rc;

	if (argc < 2)
		return cli_usage_error("audit", _("expected log or verify"));
	sub = argv[1];
	if (!strcmp(sub, "-h") || !strcmp(sub, "--help"))
		return cli_help(_(usage));
	optind = 0;
	while ((c = cli_getopt(argc - 1, argv + 1, "hj", opts, "audit")) != -1) {
		switch (c) {
		case 's':
			since = optarg;
			break;
		case 'a':
			actor = optarg;
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
	if (optind != argc - 1)
		return cli_usage_error("audit", _("unexpected argument '%s'"), argv[optind + 1]);
	if ((rc = cli_open(ctx)))
		return rc;
	if (!strcmp(sub, "log")) {
		if (s.json)
			s.arr = json_array();
		if (reg_audit_each(&ctx->reg, since, actor, log_one, &s, &e) < 0) {
			json_decref(s.arr);
			return cli_fail(&e);
		}
		return s.json ? cli_json_print(s.arr) : 0;
	}
	if (!strcmp(sub, "verify")) {
		long long bad, count;

		rc = reg_audit_verify(&ctx->reg, &bad, &count, &e);
		if (rc < 0)
			return cli_fail(&e);
		if (rc > 0) {
			cli_error("%s", e.msg);
			return 1;
		}
		printf(_("audit log intact: %lld entries\n"), count);
		return 0;
	}
	return cli_usage_error("audit", _("unknown subcommand '%s'"), sub);
}
