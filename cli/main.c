/* main.c - diming's entry point: global options and the command table.
 *
 *   diming [--db FILE] [--as NAME] <command> [<subcommand>] [options] [args]
 *
 * Compiled twice, the way git runs its builtins and execs the rest:
 *
 *   build/diming-full   every command; links SpatiaLite, GEOS and PROJ.
 *   build/diming        with -DDIMING_LIGHT: the light executable, linked
 *                       with SQLite, jansson and nettle only, so it starts
 *                       in a few milliseconds instead of some 30 (loading
 *                       and relocating SpatiaLite's and PROJ's libraries).
 *                       It serves the commands that run no geometry and no
 *                       SpatiaLite SQL (those with a fn in its table; `name`
 *                       only its search) and execs diming-full on the same
 *                       command line for every other one (cli_hand_over).
 *
 * Which commands are light is said twice, here (no FULL()) and in the
 * Makefile's LIGHT_CLI_SRC; a command named here but not linked there
 * fails the light link.
 */
#include <locale.h>
#include <pwd.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

#ifndef DIMING_VERSION
#define DIMING_VERSION "0.0.0"
#endif

#ifdef DIMING_LIGHT
/* A command this executable hands over to diming-full. */
#define FULL(fn) NULL

/* The library versions are diming-full's to print. */
static int print_version(struct cli_ctx *ctx)
{
	return cli_hand_over(ctx);
}

static void start(struct cli_ctx *ctx)
{
	ctx->light = 1;
}

static void finish(struct cli_ctx *ctx)
{
	(void)ctx;
}
#else
#define FULL(fn) fn

static int print_version(struct cli_ctx *ctx)
{
	(void)ctx;
	printf("diming %s\n", DIMING_VERSION);
	printf("SQLite %s\n", sqlite3_libversion());
	printf("SpatiaLite %s\n", reg_spatial_version());
	printf("GEOS %s\n", geo_geos_version());
	printf("PROJ %s\n", geo_proj_version());
	return 0;
}

static void start(struct cli_ctx *ctx)
{
	(void)ctx;
	reg_spatial_enable();
}

static void finish(struct cli_ctx *ctx)
{
	cli_geo_release(ctx);
}
#endif

/* Commands in the order `diming --help` lists them. */
const struct cli_command cli_commands[] = {
	{ "init", FULL(cmd_init), N_("create a new registry file") },
	{ "import", FULL(cmd_import), N_("load divisions, names, boundaries or monuments from a file") },
	{ "division", FULL(cmd_division), N_("show, list and walk administrative divisions (行政区划)") },
	{ "audit", cmd_audit, N_("list and verify the audit log") },
	{ "config", cmd_config, N_("read and set registry settings") },
	{ "boundary", FULL(cmd_boundary), N_("derive, list and show boundary lines (行政区域界线)") },
	{ "monument", FULL(cmd_monument), N_("show and list boundary monuments (界桩)") },
	{ "coord", FULL(cmd_coord), N_("convert one point between coordinate systems, like cs2cs") },
	{ "pinyin", cmd_pinyin, N_("romanize a place name (罗马字母拼写)") },
	{ "inspect", FULL(cmd_inspect), N_("joint inspection (联检) of boundary lines from a field survey") },
	{ "hazard", FULL(cmd_hazard), N_("the dispute and hazard ledger (隐患台账) of boundary lines") },
	{ "name", cmd_name, N_("show, search and trace standard place names (标准地名)") },
	{ "case", FULL(cmd_case), N_("approval cases that name, rename and cancel names (命名·更名·销名)") },
	{ "check", cmd_check, N_("check proposed or registered names against the naming rules") },
	{ "export", FULL(cmd_export), N_("export the standard gazetteer (标准地名录), announcements and filings") },
	{ NULL, NULL, NULL }
};

static const char usage[] =
	N_("usage: diming [--db FILE] [--as NAME] <command> [<args>]\n"
	   "\n"
	   "A registry of standard place names (标准地名), administrative divisions\n"
	   "and boundaries (行政区域界线) with their monuments (界桩).\n"
	   "\n"
	   "Global options:\n"
	   "  --db FILE     the registry file (default $DIMING_DB, else ./diming.sqlite)\n"
	   "  --as NAME     who is acting, for the audit log (default $DIMING_USER,\n"
	   "                else the login name)\n"
	   "  --version     print the versions of diming and its libraries\n"
	   "  -h, --help    this help; 'diming <command> --help' for a command\n"
	   "\n"
	   "Commands:\n");

static void print_help(void)
{
	const struct cli_command *c;

	fputs(_(usage), stdout);
	for (c = cli_commands; c->name; c++)
		printf("  %-10s %s\n", c->name, _(c->summary));
}

static const char *login_name(void)
{
	const char *u = getenv("DIMING_USER");
	struct passwd *pw;

	if (u && *u)
		return u;
	pw = getpwuid(getuid());
	if (pw && pw->pw_name)
		return pw->pw_name;
	u = getenv("USER");
	return u && *u ? u : "unknown";
}

int main(int argc, char **argv)
{
	struct cli_ctx ctx;
	const struct cli_command *c;
	const char *env_db = getenv("DIMING_DB");
	char **args;
	int i, rc;
	size_t off = 0;

	setlocale(LC_ALL, "");
	bindtextdomain("diming", getenv("DIMING_LOCALEDIR") ? getenv("DIMING_LOCALEDIR")
							  : "/usr/local/share/locale");
	textdomain("diming");

	memset(&ctx, 0, sizeof(ctx));
	ctx.db_path = env_db && *env_db ? env_db : "diming.sqlite";
	ctx.actor = NULL;
	ctx.argv = argv;
	start(&ctx);
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--db") || !strcmp(argv[i], "--as")) {
			if (i + 1 >= argc) {
				cli_error(_("option '%s' needs a value"), argv[i]);
				return 2;
			}
			if (argv[i][2] == 'd')
				ctx.db_path = argv[++i];
			else
				ctx.actor = argv[++i];
		} else if (!strncmp(argv[i], "--db=", 5)) {
			ctx.db_path = argv[i] + 5;
		} else if (!strncmp(argv[i], "--as=", 5)) {
			ctx.actor = argv[i] + 5;
		} else if (!strcmp(argv[i], "--version")) {
			return print_version(&ctx);
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			print_help();
			return 0;
		} else {
			cli_error(_("unknown option '%s' (see 'diming --help')"), argv[i]);
			return 2;
		}
	}
	if (i >= argc) {
		print_help();
		return 2;
	}
	if (!ctx.actor || !*ctx.actor)
		ctx.actor = login_name();
	for (c = cli_commands; c->name; c++)
		if (!strcmp(c->name, argv[i]))
			break;
	if (!c->name) {
		cli_error(_("'%s' is not a diming command (see 'diming --help')"), argv[i]);
		return 2;
	}
	/* The command line as the audit log records it. */
	for (int k = i; k < argc && off < sizeof(ctx.command_line) - 1; k++)
		off += (size_t)snprintf(ctx.command_line + off, sizeof(ctx.command_line) - off,
					"%s%s", k > i ? " " : "", argv[k]);
	if (!c->fn)
		return cli_hand_over(&ctx);
	/* The command parses a copy, which getopt reorders: a hand-over from
	 * within it passes on argv as it came. */
	args = malloc(((size_t)(argc - i) + 1) * sizeof(*args));
	if (!args) {
		cli_error(_("out of memory"));
		return 3;
	}
	memcpy(args, argv + i, ((size_t)(argc - i) + 1) * sizeof(*args));
	rc = c->fn(&ctx, argc - i, args);
	free(args);
	if (ctx.reg_open)
		reg_close(&ctx.reg);
	finish(&ctx);
	if (fflush(stdout) != 0 && rc == 0)
		rc = 3;
	return rc;
}
