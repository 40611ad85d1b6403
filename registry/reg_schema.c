/* reg_schema.c - the schema, as an append-only list of migrations.
 *
 * A registry at user_version N gets every entry above N applied in order,
 * each in its own transaction (reg_db.c).  Never edit an entry that has
 * shipped: append a new one.  Modules keep their queries in their own
 * reg_ files; only the DDL lives here so the whole schema reads in one
 * place.
 */
#include "registry/reg_schema.h"

/* v1: config, the audit chain, administrative divisions. */
static const char v1_foundation[] =
	"CREATE TABLE config ("
	"  key   TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	");"
	/* Append-only: every write records who, when, which command, what. */
	"CREATE TABLE audit ("
	"  id        INTEGER PRIMARY KEY,"
	"  at        TEXT NOT NULL,"
	"  actor     TEXT NOT NULL,"
	"  command   TEXT NOT NULL,"
	"  summary   TEXT NOT NULL,"
	"  prev_hash TEXT NOT NULL,"
	"  hash      TEXT NOT NULL"
	");"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
	"BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
	"BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	/* Codes are stored as 12-digit statistical codes (GB/T 2260 padded). */
	"CREATE TABLE division ("
	"  id          INTEGER PRIMARY KEY,"
	"  code        TEXT NOT NULL UNIQUE CHECK (length(code) = 12),"
	"  name        TEXT NOT NULL,"
	"  level       TEXT NOT NULL CHECK (level IN"
	"                ('province','city','county','town','village')),"
	"  parent_code TEXT REFERENCES division(code) DEFERRABLE INITIALLY DEFERRED,"
	"  valid_from  TEXT,"
	"  valid_to    TEXT,"
	"  src_srs     TEXT"
	");"
	"SELECT AddGeometryColumn('division', 'geom', 4490, 'MULTIPOLYGON', 'XY');"
	"CREATE INDEX division_parent ON division(parent_code);"
	"CREATE INDEX division_name ON division(name);";

const struct reg_migration reg_migrations[] = {
	{ 1, "foundation: config, audit, divisions", v1_foundation },
};

const int reg_migration_count = (int)(sizeof(reg_migrations) / sizeof(reg_migrations[0]));
