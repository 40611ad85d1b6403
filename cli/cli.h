/* cli.h - what every command shares: the context, output and errors.
 *
 * A command is `int cmd_<name>(struct cli_ctx *ctx, int argc, char **argv)`
 * with argv[0] its own name; it returns the process exit status (0 ok,
 * 1 data problems, 2 usage or bad input, 3 database or system error).
 * Only cli/ prints.  stdout carries data, stderr diagnostics.
 */
#ifndef DIMING_CLI_H
#define DIMING_CLI_H

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>

#include "common/err.h"
#include "common/i18n.h"
#include "geo/geo.h"
#include "import/imp.h"
#include "registry/reg.h"

struct cli_ctx {
	const char *db_path;     /* --db, DIMING_DB or ./diming.sqlite */
	const char *actor;       /* --as, DIMING_USER or the login name */
	char command_line[256];  /* for the audit log */
	char **argv;             /* main's argv, for cli_hand_over; the
				  * command parses a copy */
	int light;               /* the light executable: no SpatiaLite,
				  * GEOS or PROJ */
	struct reg reg;
	int reg_open;
	struct geo_ctx *geo;
};

typedef int (*cli_cmd_fn)(struct cli_ctx *ctx, int argc, char **argv);

struct cli_command {
	const char *name;
	cli_cmd_fn fn;
	const char *summary;     /* one line for `diming --help` (N_ marked) */
};

/* Diagnostics: "diming: error: ..." / "diming: warning: ..." on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print e as an error and return the exit status for its code. */
int cli_fail(const struct err *e);

/* A usage error: prints the message and "see 'diming CMD --help'",
 * returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Print usage text to stdout and return 0 (for -h/--help). */
int cli_help(const char *usage);

/* Parse options with getopt_long, starting afresh.  Returns the option
 * character, -1 at the end, or '?' after printing a usage error for an
 * unknown option or a missing argument (then return 2). */
int cli_getopt(int argc, char **argv, const char *shortopts,
	       const struct option *longopts, const char *cmd);

/* Open the registry (once).  Returns 0, or an exit status after printing
 * the error.  In the light executable a registry that needs migrating is
 * handed over to the full one (cli_hand_over). */
int cli_open(struct cli_ctx *ctx);

/* The light executable (build/diming, ctx->light) serves the commands that
 * need no geometry and hands every other one over to the full executable:
 * it execs diming-full (next to itself, or $DIMING_FULL) on the same
 * command line, so options, output, messages and exit codes are the full
 * one's.  Call it before printing anything.  Returns only on failure:
 * prints why and returns 3. */
int cli_hand_over(struct cli_ctx *ctx);

/* The geometry context (created on first use).  NULL after printing.
 * cli_geo.c: the full executable only. */
struct geo_ctx *cli_geo(struct cli_ctx *ctx);
/* Free it, if one was made. */
void cli_geo_release(struct cli_ctx *ctx);

/* Writes: open + BEGIN IMMEDIATE; then either cli_write_commit with the
 * audit summary, or cli_write_abort.  Both return an exit status. */
int cli_write_begin(struct cli_ctx *ctx);
/* The same for a load of many rows (reg_begin_bulk). */
int cli_write_begin_bulk(struct cli_ctx *ctx);
int cli_write_commit(struct cli_ctx *ctx, const char *summary);
void cli_write_abort(struct cli_ctx *ctx);

/* JSON to stdout, pretty, UTF-8, keys in insertion order; steals j.
 * Returns 0 or 3 on a write error. */
int cli_json_print(json_t *j);
/* One element of a JSON array streamed to stdout: the separator for
 * element number n (0 first), o compact, then o is released. */
void cli_json_stream_item(json_t *o, long n);
/* json_string or json_null for an empty/NULL string. */
json_t *cli_json_str_or_null(const char *s);

/* Import diagnostics and progress (progress only when stderr is a
 * terminal); fill the callbacks of an imp_opts. */
void cli_import_callbacks(struct imp_opts *o);
/* End an import: commit with summary as the audit entry, end the progress
 * line and print the summary on stderr.  Returns the exit status. */
int cli_import_finish(struct cli_ctx *ctx, const char *summary);
/* Finish a progress line, if one was drawn. */
void cli_progress_done(void);

/* The command table (main.c).  In the light executable the commands it
 * hands over have no fn. */
extern const struct cli_command cli_commands[];

/* Commands. */
int cmd_init(struct cli_ctx *ctx, int argc, char **argv);
int cmd_import(struct cli_ctx *ctx, int argc, char **argv);
int cmd_division(struct cli_ctx *ctx, int argc, char **argv);
int cmd_audit(struct cli_ctx *ctx, int argc, char **argv);
int cmd_config(struct cli_ctx *ctx, int argc, char **argv);
int cmd_coord(struct cli_ctx *ctx, int argc, char **argv);
int cmd_boundary(struct cli_ctx *ctx, int argc, char **argv);
int cmd_monument(struct cli_ctx *ctx, int argc, char **argv);
int cmd_import_boundaries(struct cli_ctx *ctx, int argc, char **argv);
int cmd_import_monuments(struct cli_ctx *ctx, int argc, char **argv);
int cmd_pinyin(struct cli_ctx *ctx, int argc, char **argv);
int cmd_inspect(struct cli_ctx *ctx, int argc, char **argv);
int cmd_hazard(struct cli_ctx *ctx, int argc, char **argv);
int cmd_name(struct cli_ctx *ctx, int argc, char **argv);
int cmd_case(struct cli_ctx *ctx, int argc, char **argv);
int cmd_check(struct cli_ctx *ctx, int argc, char **argv);
/* `import names` (cmd_import_names.c). */
int cmd_import_names(struct cli_ctx *ctx, int argc, char **argv);
/* Bring the name index up to date (divisions loaded since the last
 * search) in its own write transaction; returns an exit status
 * (cmd_name.c). */
int cli_name_index_sync(struct cli_ctx *ctx);

int cmd_export(struct cli_ctx *ctx, int argc, char **argv);

#endif
