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
	/* Codes are stored as 12-digit statistical codes (GB/T 2260 padded).
	 * Parent links are checked by reg_division.c on every write rather
	 * than by a FOREIGN KEY, so a national load can build its indexes
	 * after the rows (reg_division_writer_new). */
	"CREATE TABLE division ("
	"  id          INTEGER PRIMARY KEY,"
	"  code        TEXT NOT NULL CHECK (length(code) = 12),"
	"  name        TEXT NOT NULL,"
	"  level       TEXT NOT NULL CHECK (level IN"
	"                ('province','city','county','town','village')),"
	"  parent_code TEXT,"
	"  valid_from  TEXT,"
	"  valid_to    TEXT,"
	"  src_srs     TEXT"
	");"
	"CREATE UNIQUE INDEX division_code ON division(code);"
	"CREATE INDEX division_parent ON division(parent_code);"
	"SELECT AddGeometryColumn('division', 'geom', 4490, 'MULTIPOLYGON', 'XY');"
	/* SpatiaLite's insert trigger checks every row, even without a
	 * geometry; rows are inserted bare and get their polygon by UPDATE
	 * (checked by ggu_division_geom), so check only non-NULL ones. */
	"DROP TRIGGER ggi_division_geom;"
	/* ... and its tmi/tmu/tmd triggers stamp geometry_columns_time on
	 * every row written, which costs more than the row itself. */
	"DROP TRIGGER tmi_division_geom;"
	"DROP TRIGGER tmu_division_geom;"
	"DROP TRIGGER tmd_division_geom;"
	"CREATE TRIGGER ggi_division_geom BEFORE INSERT ON division"
	" FOR EACH ROW WHEN NEW.geom IS NOT NULL BEGIN"
	" SELECT RAISE(ROLLBACK, 'division.geom violates Geometry constraint [geom-type or SRID not allowed]')"
	" WHERE (SELECT geometry_type FROM geometry_columns"
	"  WHERE Lower(f_table_name) = Lower('division') AND Lower(f_geometry_column) = Lower('geom')"
	"  AND GeometryConstraints(NEW.geom, geometry_type, srid) = 1) IS NULL;"
	" END;";

const struct reg_migration reg_migrations[] = {
	{ 1, "foundation: config, audit, divisions", v1_foundation },
};

const int reg_migration_count = (int)(sizeof(reg_migrations) / sizeof(reg_migrations[0]));
