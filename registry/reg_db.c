/* reg_db.c - opening, creating and migrating the registry file.
 *
 * Owns the connection, pragmas, transactions and the config table.  The
 * schema itself (tables per module) lives in reg_schema.c; this file only
 * applies it.  SpatiaLite comes in through the hooks reg_spatial.c
 * installs, so that a process which never installs them does not link
 * libspatialite.
 */
#include "registry/reg.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/i18n.h"
#include "registry/reg_schema.h"

/* How long a write waits for another connection's lock. */
#define BUSY_TIMEOUT_MS 10000

/* The hooks every new connection gets (reg_spatial_hooks_set). */
static const struct reg_spatial_hooks *spatial_hooks;

void reg_spatial_hooks_set(const struct reg_spatial_hooks *h)
{
	spatial_hooks = h;
}

static int file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

int reg_db_error(struct reg *r, struct err *e, const char *what)
{
	return err_set(e, ERR_DB, _("%s: %s"), what,
		       r && r->db ? sqlite3_errmsg(r->db) : _("no database"));
}

sqlite3_stmt *reg_prepare(struct reg *r, const char *sql, struct err *e)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK) {
		reg_db_error(r, e, _("cannot prepare statement"));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

const char *reg_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? (const char *)s : "";
}

void reg_col_copy(char *dst, size_t n, sqlite3_stmt *st, int i)
{
	snprintf(dst, n, "%s", reg_col_text(st, i));
}

void reg_bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

int reg_exec(struct reg *r, const char *sql, struct err *e)
{
	char *msg = NULL;

	if (sqlite3_exec(r->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(e, ERR_DB, "%s", msg ? msg : sqlite3_errmsg(r->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* Set the journal mode without waiting for other connections; 1 when the
 * mode is now the one asked for. */
static int journal_mode(struct reg *r, const char *mode)
{
	char sql[64];
	sqlite3_stmt *st;
	int ok = 0;

	snprintf(sql, sizeof(sql), "PRAGMA journal_mode=%s", mode);
	sqlite3_busy_timeout(r->db, 0);
	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			ok = !sqlite3_stricmp((const char *)sqlite3_column_text(st, 0), mode);
		sqlite3_finalize(st);
	}
	sqlite3_busy_timeout(r->db, BUSY_TIMEOUT_MS);
	return ok;
}

static int connect(struct reg *r, const char *path, int flags, struct err *e)
{
	memset(r, 0, sizeof(*r));
	if (sqlite3_open_v2(path, &r->db, flags, NULL) != SQLITE_OK) {
		err_set(e, ERR_DB, _("cannot open registry '%s': %s"), path,
			r->db ? sqlite3_errmsg(r->db) : _("out of memory"));
		sqlite3_close(r->db);
		r->db = NULL;
		return -1;
	}
	sqlite3_extended_result_codes(r->db, 1);
	sqlite3_busy_timeout(r->db, BUSY_TIMEOUT_MS);
	if (spatial_hooks) {
		r->spatial_state = spatial_hooks->attach(r->db);
		if (!r->spatial_state) {
			err_set(e, ERR_DB, _("cannot open registry '%s': cannot load SpatiaLite"), path);
			reg_close(r);
			return -1;
		}
		r->spatial = spatial_hooks;
	}
	/* Temporary files in memory: with them on disk, a statement that
	 * changes more than 64 KiB of existing pages writes its statement
	 * journal to a file, which a bulk load of divisions does for every
	 * batch of rows. */
	if (reg_exec(r, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
			"PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;", e) < 0) {
		err_prefix(e, _("cannot open registry '%s': "), path);
		reg_close(r);
		return -1;
	}
	return 0;
}

static int user_version(struct reg *r, int *v, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, "PRAGMA user_version", e);

	if (!st)
		return -1;
	*v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return 0;
}

/* Apply every migration above the file's user_version, each in its own
 * transaction that also bumps user_version. */
static int migrate(struct reg *r, struct err *e)
{
	int have, i;
	char pragma[64];

	if (user_version(r, &have, e) < 0)
		return -1;
	if (have > reg_schema_version())
		return err_set(e, ERR_DB,
			       _("registry schema version %d is newer than this diming (%d)"),
			       have, reg_schema_version());
	if (have < reg_schema_version() && !r->spatial)
		return err_set(e, ERR_SPATIAL,
			       _("registry schema version %d needs migrating to %d, which needs SpatiaLite"),
			       have, reg_schema_version());
	for (i = 0; i < reg_migration_count; i++) {
		const struct reg_migration *m = &reg_migrations[i];

		if (m->version <= have)
			continue;
		if (reg_exec(r, "BEGIN IMMEDIATE", e) < 0)
			return -1;
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d", m->version);
		if (reg_exec(r, m->sql, e) < 0 || reg_exec(r, pragma, e) < 0) {
			err_prefix(e, _("migration %d (%s): "), m->version, m->name);
			reg_exec(r, "ROLLBACK", NULL);
			return -1;
		}
		if (reg_exec(r, "COMMIT", e) < 0)
			return -1;
	}
	return 0;
}

int reg_schema_version(void)
{
	return reg_migrations[reg_migration_count - 1].version;
}

/* The SRIDs diming uses: 4326, CGCS2000 4490 and its Gauss-Krüger zones. */
static int insert_srids(struct reg *r, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, "SELECT InsertEpsgSrid(?)", e);
	int srid, rc = 0;

	if (!st)
		return -1;
	for (srid = 4490; srid <= 4554 && rc == 0; srid++) {
		sqlite3_bind_int(st, 1, srid);
		if (sqlite3_step(st) != SQLITE_ROW)
			rc = reg_db_error(r, e, "InsertEpsgSrid");
		sqlite3_reset(st);
	}
	if (rc == 0) {
		sqlite3_bind_int(st, 1, 4326);
		if (sqlite3_step(st) != SQLITE_ROW)
			rc = reg_db_error(r, e, "InsertEpsgSrid");
	}
	sqlite3_finalize(st);
	return rc;
}

int reg_create(struct reg *r, const char *path, struct err *e)
{
	memset(r, 0, sizeof(*r));
	if (file_exists(path))
		return err_set(e, ERR_USAGE, _("registry '%s' already exists"), path);
	if (!spatial_hooks)
		return err_set(e, ERR_SPATIAL, _("cannot create registry '%s': it needs SpatiaLite"),
			       path);
	if (connect(r, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, e) < 0)
		return -1;
	/* 16 KiB pages (set before WAL, which fixes the page size): a
	 * national division load writes a quarter of the pages, WAL frames
	 * and system calls it would with 4 KiB ones. */
	if (reg_exec(r, "PRAGMA page_size=16384", e) < 0 ||
	    reg_exec(r, "PRAGMA journal_mode=WAL", e) < 0 ||
	    reg_exec(r, "SELECT InitSpatialMetadata(1, 'NONE')", e) < 0 ||
	    reg_exec(r, "BEGIN", e) < 0 || insert_srids(r, e) < 0 ||
	    reg_exec(r, "COMMIT", e) < 0 || migrate(r, e) < 0) {
		err_prefix(e, _("cannot create registry '%s': "), path);
		reg_close(r);
		unlink(path);
		return -1;
	}
	return 0;
}

int reg_open(struct reg *r, const char *path, struct err *e)
{
	sqlite3_stmt *st;
	int ok;

	memset(r, 0, sizeof(*r));
	if (!file_exists(path))
		return err_set(e, ERR_USAGE,
			       _("no registry at '%s' (create one with 'diming init')"), path);
	if (connect(r, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, e) < 0)
		return -1;
	st = reg_prepare(r, "SELECT 1 FROM sqlite_master WHERE name='spatial_ref_sys'", e);
	if (!st) {
		err_prefix(e, _("'%s' is not a diming registry: "), path);
		reg_close(r);
		return -1;
	}
	ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (!ok) {
		reg_close(r);
		return err_set(e, ERR_DB, _("'%s' is not a diming registry"), path);
	}
	if (migrate(r, e) < 0) {
		reg_close(r);
		return -1;
	}
	/* After a bulk load that could not go back to WAL (reg_begin_bulk). */
	journal_mode(r, "wal");
	return 0;
}

void reg_close(struct reg *r)
{
	if (!r)
		return;
	reg_stmt_cache_free(r);
	if (r->db) {
		if (r->in_tx)
			sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close_v2(r->db);
	}
	if (r->spatial)
		r->spatial->detach(r->spatial_state);
	memset(r, 0, sizeof(*r));
}

void reg_set_actor(struct reg *r, const char *actor)
{
	snprintf(r->actor, sizeof(r->actor), "%s", actor ? actor : "");
}

void reg_set_command(struct reg *r, const char *command)
{
	snprintf(r->command, sizeof(r->command), "%s", command ? command : "");
}

int reg_begin(struct reg *r, struct err *e)
{
	if (reg_exec(r, "BEGIN IMMEDIATE", e) < 0)
		return -1;
	r->in_tx = 1;
	return 0;
}

int reg_begin_read(struct reg *r, struct err *e)
{
	if (reg_exec(r, "BEGIN", e) < 0)
		return -1;
	r->in_tx = 1;
	return 0;
}

/* Back to WAL after a bulk load.  Should a reader that came meanwhile
 * hold it up, the next open does it (connect()). */
static void end_bulk(struct reg *r)
{
	if (r->bulk_journal)
		journal_mode(r, "wal");
	r->bulk_journal = 0;
}

int reg_begin_bulk(struct reg *r, struct err *e)
{
	r->bulk_journal = journal_mode(r, "delete");
	if (reg_begin(r, e) < 0) {
		end_bulk(r);
		return -1;
	}
	return 0;
}

int reg_commit(struct reg *r, struct err *e)
{
	if (reg_exec(r, "COMMIT", e) < 0)
		return -1;
	r->in_tx = 0;
	end_bulk(r);
	return 0;
}

void reg_rollback(struct reg *r)
{
	if (r->in_tx)
		sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
	r->in_tx = 0;
	end_bulk(r);
}

int reg_config_get(struct reg *r, const char *key, char *out, size_t n, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, "SELECT value FROM config WHERE key=?", e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
		rc = 1;
	} else if (rc == SQLITE_DONE) {
		rc = 0;
	} else {
		rc = reg_db_error(r, e, "config");
	}
	sqlite3_finalize(st);
	return rc;
}

int reg_config_set(struct reg *r, const char *key, const char *value, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r,
		"INSERT INTO config(key, value) VALUES(?, ?) "
		"ON CONFLICT(key) DO UPDATE SET value=excluded.value", e);
	int rc = 0;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = reg_db_error(r, e, "config");
	sqlite3_finalize(st);
	return rc;
}
