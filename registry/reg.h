/* reg.h - the registry file: one SQLite + SpatiaLite database.
 *
 * A struct reg is one open registry.  reg_create() makes a new file (the
 * `init` command), reg_open() opens an existing one and applies any forward
 * migrations.  Transactions belong to the caller (one per user action,
 * begun and ended in cli/); reg_ functions never commit.
 *
 * SpatiaLite is loaded into a connection only in a process that asked for
 * it with reg_spatial_enable() (reg_spatial.c, the one file that calls
 * libspatialite).  Without it a registry opens as plain SQLite: what runs
 * no SpatiaLite SQL works, reg_create() and the migrations refuse with
 * ERR_SPATIAL.  The light executable (build/diming) is such a process.
 */
#ifndef DIMING_REG_H
#define DIMING_REG_H

#include <sqlite3.h>
#include <stddef.h>

#include "common/err.h"

struct reg_spatial_hooks;

struct reg {
	sqlite3 *db;
	const struct reg_spatial_hooks *spatial;   /* NULL: no SpatiaLite */
	void *spatial_state; /* what spatial->attach returned */
	char actor[128];     /* who writes: --as, DIMING_USER or the login */
	char command[256];   /* the command line, for the audit log */
	int in_tx;
	int bulk_journal;    /* in rollback-journal mode for a bulk load */
	struct reg_stmt_cache *stmts;   /* reg_stmt() */
	void *name_batch;    /* reg_name_batch_begin() */
};

/* The schema version this build writes and expects (PRAGMA user_version). */
int reg_schema_version(void);

/* How a connection gets SpatiaLite: attach loads it into a new connection
 * and returns its state (NULL on failure); detach frees that state once
 * the connection is closed. */
struct reg_spatial_hooks {
	void *(*attach)(sqlite3 *db);
	void (*detach)(void *state);
};

/* Use h on every connection reg_open() and reg_create() make from now on;
 * NULL for none.  reg_spatial_enable() is the caller an executable wants. */
void reg_spatial_hooks_set(const struct reg_spatial_hooks *h);

/* reg_spatial.c: load SpatiaLite into every registry connection from now
 * on.  Call once at start-up, before the first open, in an executable
 * linked with libspatialite. */
void reg_spatial_enable(void);
/* SpatiaLite's version string (links libspatialite, like the above). */
const char *reg_spatial_version(void);

/* Create a new registry at path: SpatiaLite metadata with the SRIDs the
 * tool needs (4326, 4490, 4491-4554), WAL, the current schema.  Fails with
 * ERR_USAGE if the file exists, ERR_SPATIAL without SpatiaLite.  On
 * success r is open; reg_close() it. */
int reg_create(struct reg *r, const char *path, struct err *e);

/* Open an existing registry read-write and migrate it forward.  Fails with
 * ERR_USAGE if there is no file, ERR_DB if it is not a diming registry or
 * is newer than this build, ERR_SPATIAL if it needs a migration and the
 * process has no SpatiaLite (the migrations run SpatiaLite SQL). */
int reg_open(struct reg *r, const char *path, struct err *e);

/* Close and free everything; a no-op on a closed or zeroed struct reg.  An
 * open transaction is rolled back. */
void reg_close(struct reg *r);

/* Set who writes and which command does (both copied, truncated). */
void reg_set_actor(struct reg *r, const char *actor);
void reg_set_command(struct reg *r, const char *command);

/* Transactions: BEGIN IMMEDIATE for writes, plain BEGIN for reads. */
int reg_begin(struct reg *r, struct err *e);
int reg_begin_read(struct reg *r, struct err *e);
/* A write transaction for a load that adds many pages to the file.  In
 * WAL mode every page is written twice, to the WAL and by the checkpoint
 * into the file; with a rollback journal the pages past the file's old
 * end need no journal and are written once.  So the load runs with a
 * rollback journal when no other connection has the registry open (else
 * it stays in WAL), and commit or rollback go back to WAL. */
int reg_begin_bulk(struct reg *r, struct err *e);
int reg_commit(struct reg *r, struct err *e);
void reg_rollback(struct reg *r);

/* Prepare SQL on r (cached statements are the caller's business).  Sets
 * ERR_DB with SQLite's message on failure. */
sqlite3_stmt *reg_prepare(struct reg *r, const char *sql, struct err *e);

/* The statement for sql, prepared once per connection and kept: for
 * statements run once per row.  sql must have static storage (the cache
 * is keyed by its address).  It comes back reset, bindings cleared; the
 * caller resets it when done with it (so that it holds no lock) and never
 * finalizes it.  Not for a statement still being stepped by a caller up
 * the stack. */
sqlite3_stmt *reg_stmt(struct reg *r, const char *sql, struct err *e);
void reg_stmt_cache_free(struct reg *r);

/* Set ERR_DB from the connection's last error, with a context word. */
int reg_db_error(struct reg *r, struct err *e, const char *what);

/* Column i of the current row as a string, "" for NULL; valid until the
 * next step or reset of st. */
const char *reg_col_text(sqlite3_stmt *st, int i);

/* Copy column i into dst (size n, truncated), "" for NULL. */
void reg_col_copy(char *dst, size_t n, sqlite3_stmt *st, int i);

/* Bind s as text, or NULL when s is NULL or empty.  SQLITE_STATIC: s must
 * outlive the statement's next step. */
void reg_bind_opt(sqlite3_stmt *st, int i, const char *s);

/* Run SQL with no parameters and no result rows (schema, pragmas). */
int reg_exec(struct reg *r, const char *sql, struct err *e);

/* Config: key/value pairs in the registry (scope tables and the like).
 * reg_config_get copies the value into out (size n) and returns 1 if set,
 * 0 if not, -1 on error. */
int reg_config_get(struct reg *r, const char *key, char *out, size_t n, struct err *e);
int reg_config_set(struct reg *r, const char *key, const char *value, struct err *e);

/* ---- audit (reg_audit.c) ---- */

/* Append an audit entry for the current actor and command with a one-line
 * summary.  The entry carries the SHA-256 of the previous entry, so the
 * log is a chain that `audit verify` can check. */
int reg_audit_append(struct reg *r, const char *summary, struct err *e);

struct reg_audit_entry {
	long long id;
	char at[20];
	const char *actor;
	const char *command;
	const char *summary;
	const char *prev_hash;
	const char *hash;
};

/* Walk entries with id order, optionally since a date/time (YYYY-MM-DD
 * prefix compare) and for one actor; fn returns non-zero to stop. */
int reg_audit_each(struct reg *r, const char *since, const char *actor,
		   int (*fn)(const struct reg_audit_entry *, void *), void *arg,
		   struct err *e);

/* Verify the chain.  Returns 0 when intact; returns 1 with
 * *bad_id set to the first entry that was edited, deleted or reordered and
 * why in e->msg (code ERR_CONFLICT); -1 on a database error. */
int reg_audit_verify(struct reg *r, long long *bad_id, long long *count, struct err *e);

#endif
