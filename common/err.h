/* err.h - the error carrier every layer fills and only cli/ prints.
 *
 * Fallible functions return 0 / -1 (or NULL) and take a struct err * last.
 * The message is complete and user-facing (already translated by the
 * caller through _()), lowercase, no final period, as git writes them.
 */
#ifndef DIMING_ERR_H
#define DIMING_ERR_H

enum err_code {
	ERR_OK = 0,
	ERR_USAGE,     /* the command line is wrong */
	ERR_INPUT,     /* bad input data: nothing is written */
	ERR_NOT_FOUND, /* a named object does not exist */
	ERR_CONFLICT,  /* data disagrees with the registry or a rule refused */
	ERR_DB,        /* SQLite / SpatiaLite failed */
	ERR_GEO,       /* GEOS / PROJ failed */
	ERR_IO,        /* a file could not be read or written */
	ERR_NOMEM,
	ERR_SPATIAL    /* needs SpatiaLite, which this process did not load */
};

struct err {
	enum err_code code;
	char msg[512];
};

#define ERR_INIT { ERR_OK, "" }

/* Fill e (if not NULL) with code and a printf-formatted message; returns -1
 * so callers can write `return err_set(e, ...)`. */
int err_set(struct err *e, enum err_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Prefix the message already in e with a printf-formatted context, as in
 * "data.csv:12: " + "field 'code': ...". Returns -1. */
int err_prefix(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Reset e to ERR_OK with an empty message. */
void err_clear(struct err *e);

/* The exit status a CLI returns for an error code (STYLE.md exit codes):
 * 1 conflict, 2 usage/input/not-found, 3 database/system. */
int err_exit_status(enum err_code code);

#endif
