/* cli.c - shared command plumbing: diagnostics, options, registry access,
 * the hand-over to the full executable, JSON output, import progress.
 *
 * Linked into both executables, so it calls nothing of geo/ (cli_geo.c
 * does, in the full one only).
 */
#include "cli/cli.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void cli_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs(_("diming: error: "), stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_warning(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs(_("diming: warning: "), stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_fail(const struct err *e)
{
	cli_progress_done();
	cli_error("%s", e->msg[0] ? e->msg : _("unknown error"));
	return err_exit_status(e->code == ERR_OK ? ERR_DB : e->code);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs(_("diming: error: "), stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, _(" (see 'diming %s --help')\n"), cmd);
	return 2;
}

int cli_help(const char *usage)
{
	fputs(usage, stdout);
	return 0;
}

int cli_getopt(int argc, char **argv, const char *shortopts,
	       const struct option *longopts, const char *cmd)
{
	int c;

	opterr = 0;
	c = getopt_long(argc, argv, shortopts, longopts, NULL);
	if (c == '?' || c == ':') {
		/* For a long option getopt sets optopt to its value, which is
		 * no option the user typed: name what they typed instead. */
		if (optind > 0 && !strncmp(argv[optind - 1], "--", 2))
			cli_usage_error(cmd, _("option '%s' is unknown or needs a value"),
					argv[optind - 1]);
		else if (optopt && optopt != '?')
			cli_usage_error(cmd, _("option '-%c' is unknown or needs a value"), optopt);
		else
			cli_usage_error(cmd, _("option '%s' is unknown or needs a value"),
					argv[optind - 1]);
		return '?';
	}
	return c;
}

/* The full executable: $DIMING_FULL, else diming-full in the directory of
 * the running one (/proc/self/exe: the file itself, wherever a symlink or
 * $PATH led to it).  Returns 0, or -1 with errno set. */
static int full_path(char *out, size_t n)
{
	const char *env = getenv("DIMING_FULL");
	char self[PATH_MAX];
	ssize_t len;
	char *slash;

	if (env && *env) {
		if (strlen(env) >= n) {
			errno = ENAMETOOLONG;
			return -1;
		}
		memcpy(out, env, strlen(env) + 1);
		return 0;
	}
	len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (len < 0)
		return -1;
	self[len] = '\0';
	slash = strrchr(self, '/');
	if (!slash || (size_t)snprintf(out, n, "%.*s/diming-full", (int)(slash - self), self) >= n) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

int cli_hand_over(struct cli_ctx *ctx)
{
	char path[PATH_MAX];
	struct stat full, self;

	if (full_path(path, sizeof(path)) < 0) {
		cli_error(_("cannot find the full executable diming-full (set DIMING_FULL): %s"),
			  strerror(errno));
		return 3;
	}
	/* The light executable named as the full one would run itself for
	 * ever. */
	if (stat(path, &full) == 0 && stat("/proc/self/exe", &self) == 0 &&
	    full.st_dev == self.st_dev && full.st_ino == self.st_ino) {
		cli_error(_("cannot run the full executable '%s': it is this light one"), path);
		return 3;
	}
	if (ctx->reg_open) {
		reg_close(&ctx->reg);
		ctx->reg_open = 0;
	}
	fflush(stdout);
	fflush(stderr);
	execv(path, ctx->argv);
	cli_error(_("cannot run the full executable '%s': %s"), path, strerror(errno));
	return 3;
}

int cli_open(struct cli_ctx *ctx)
{
	struct err e = ERR_INIT;

	if (ctx->reg_open)
		return 0;
	if (reg_open(&ctx->reg, ctx->db_path, &e) < 0) {
		/* A migration: SpatiaLite SQL, which diming-full runs. */
		if (e.code == ERR_SPATIAL && ctx->light)
			return cli_hand_over(ctx);
		return cli_fail(&e);
	}
	reg_set_actor(&ctx->reg, ctx->actor);
	reg_set_command(&ctx->reg, ctx->command_line);
	ctx->reg_open = 1;
	return 0;
}

static int write_begin(struct cli_ctx *ctx, int (*begin)(struct reg *, struct err *))
{
	struct err e = ERR_INIT;
	int rc = cli_open(ctx);

	if (rc)
		return rc;
	if (begin(&ctx->reg, &e) < 0)
		return cli_fail(&e);
	return 0;
}

int cli_write_begin(struct cli_ctx *ctx)
{
	return write_begin(ctx, reg_begin);
}

int cli_write_begin_bulk(struct cli_ctx *ctx)
{
	return write_begin(ctx, reg_begin_bulk);
}

int cli_write_commit(struct cli_ctx *ctx, const char *summary)
{
	struct err e = ERR_INIT;

	if (reg_audit_append(&ctx->reg, summary, &e) < 0 || reg_commit(&ctx->reg, &e) < 0) {
		reg_rollback(&ctx->reg);
		return cli_fail(&e);
	}
	return 0;
}

void cli_write_abort(struct cli_ctx *ctx)
{
	reg_rollback(&ctx->reg);
}

int cli_json_print(json_t *j)
{
	int rc = 0;

	if (!j)
		return 3;
	if (json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12)) < 0)
		rc = 3;
	fputc('\n', stdout);
	json_decref(j);
	return rc;
}

void cli_json_stream_item(json_t *o, long n)
{
	fputs(n ? ",\n" : "\n", stdout);
	json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
	json_decref(o);
}

json_t *cli_json_str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static int progress_drawn;

static void on_diag(void *arg, enum imp_severity sev, const char *msg)
{
	(void)arg;
	cli_progress_done();
	if (sev == IMP_ERROR)
		cli_error("%s", msg);
	else
		cli_warning("%s", msg);
}

static void on_progress(void *arg, long rows)
{
	(void)arg;
	if (!isatty(STDERR_FILENO))
		return;
	fprintf(stderr, _("\rdiming: %ld rows read"), rows);
	progress_drawn = 1;
}

void cli_progress_done(void)
{
	if (progress_drawn) {
		fputc('\n', stderr);
		progress_drawn = 0;
	}
}

int cli_import_finish(struct cli_ctx *ctx, const char *summary)
{
	int rc = cli_write_commit(ctx, summary);

	if (rc)
		return rc;
	cli_progress_done();
	fprintf(stderr, "diming: %s\n", summary);
	return 0;
}

void cli_import_callbacks(struct imp_opts *o)
{
	o->diag = on_diag;
	o->progress = on_progress;
	o->arg = NULL;
}
