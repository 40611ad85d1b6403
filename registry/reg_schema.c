/* reg_schema.c - the schema, as an append-only list of migrations.
 *
 * A registry at user_version N gets every entry above N applied in order,
 * each in its own transaction (reg_db.c).  Never edit an entry that has
 * shipped: append a new one.  Modules keep their queries in their own
 * reg_ files; only the DDL lives here so the whole schema reads in one
 * place.
 */
#include "registry/reg_schema.h"

#include "place_classes.h"   /* $(BUILD)/gen: REG_PLACE_CLASSES_SQL */

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
	 * after the rows (reg_division_writer_new).  The level check is an OR
	 * chain, most numerous level first: SQLite builds a lookup table for
	 * an IN list of more than two values on every row it checks. */
	"CREATE TABLE division ("
	"  id          INTEGER PRIMARY KEY,"
	"  code        TEXT NOT NULL CHECK (length(code) = 12),"
	"  name        TEXT NOT NULL,"
	"  level       TEXT NOT NULL CHECK (level = 'village' OR level = 'town'"
	"                OR level = 'county' OR level = 'city' OR level = 'province'),"
	"  parent_code TEXT,"
	"  valid_from  TEXT,"
	"  valid_to    TEXT,"
	"  src_srs     TEXT"
	");"
	"CREATE UNIQUE INDEX division_code ON division(code);"
	"CREATE INDEX division_parent ON division(parent_code);"
	"SELECT AddGeometryColumn('division', 'geom', 4490, 'MULTIPOLYGON', 'XY');"
	/* SpatiaLite's insert trigger runs a sub-program for every row, with
	 * or without a geometry, and costs a national load more than storing
	 * the row.  Rows are inserted bare (reg_division.c owns every INSERT)
	 * and get their polygon by UPDATE, which ggu_division_geom checks.
	 * Its tmi/tmu/tmd triggers stamp geometry_columns_time on every row
	 * written. */
	"DROP TRIGGER ggi_division_geom;"
	"DROP TRIGGER tmi_division_geom;"
	"DROP TRIGGER tmu_division_geom;"
	"DROP TRIGGER tmd_division_geom;";

/* v2: standard place names (标准地名), their classes, other names and
 * history, the name index that search and the duplicate checks read, and
 * the approval cases (命名 · 更名 · 销名) that change them.  The class table
 * comes from data/place-classes.csv, compiled in by
 * tools/gen_place_classes.sh. */
static const char v2_names[] =
	"CREATE TABLE place_class ("
	"  code       TEXT PRIMARY KEY CHECK (length(code) = 5),"
	"  name       TEXT NOT NULL UNIQUE,"
	"  parent     TEXT REFERENCES place_class(code),"
	"  major      TEXT,"       /* the census major class (12 大类) */
	"  statutory  INTEGER,"    /* 条例 art. 3 class, 1-8 */
	"  grp        TEXT,"       /* classes compared by the duplicate checks */
	"  scope_2022 TEXT,"
	"  scope_1996 TEXT,"
	"  aliases    TEXT"        /* other accepted names, ';'-separated */
	");"
	REG_PLACE_CLASSES_SQL
	/* Ids are never reused (AUTOINCREMENT); nothing is ever deleted. */
	"CREATE TABLE place ("
	"  id            INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  name          TEXT NOT NULL,"
	"  zhuanming     TEXT,"
	"  tongming      TEXT,"
	"  romanization  TEXT,"
	"  class_code    TEXT NOT NULL REFERENCES place_class(code),"
	"  division_code TEXT NOT NULL,"   /* checked by reg_place.c */
	"  meaning       TEXT,"
	"  origin        TEXT,"
	"  history       TEXT,"
	"  status        TEXT NOT NULL DEFAULT 'current'"
	"                CHECK (status IN ('current','historical')),"
	"  valid_from    TEXT,"
	"  valid_to      TEXT,"
	"  protected     INTEGER NOT NULL DEFAULT 0,"
	"  src_srs       TEXT"
	");"
	"SELECT AddGeometryColumn('place', 'geom', 4490, 'GEOMETRY', 'XY');"
	"CREATE INDEX place_division ON place(division_code);"
	"CREATE INDEX place_name_idx ON place(name);"
	/* 别名, 简称 and 曾用名, each with its dates. */
	"CREATE TABLE place_name ("
	"  id         INTEGER PRIMARY KEY,"
	"  place_id   INTEGER NOT NULL REFERENCES place(id),"
	"  name       TEXT NOT NULL,"
	"  kind       TEXT NOT NULL CHECK (kind IN ('别名','简称','曾用名')),"
	"  valid_from TEXT,"
	"  valid_to   TEXT"
	");"
	"CREATE UNIQUE INDEX place_name_once ON place_name(place_id, kind, name, coalesce(valid_to, ''));"
	/* The append-only history of each place (地名档案). */
	"CREATE TABLE place_event ("
	"  id          INTEGER PRIMARY KEY,"
	"  place_id    INTEGER NOT NULL REFERENCES place(id),"
	"  on_date     TEXT NOT NULL,"
	"  kind        TEXT NOT NULL CHECK (kind IN"
	"                ('registered','named','renamed','cancelled','protected','unprotected','updated')),"
	"  name        TEXT,"
	"  old_name    TEXT,"
	"  case_id     INTEGER,"
	"  other_place INTEGER REFERENCES place(id),"
	"  actor       TEXT NOT NULL,"
	"  at          TEXT NOT NULL,"
	"  note        TEXT"
	");"
	"CREATE INDEX place_event_place ON place_event(place_id);"
	/* Predecessor -> successor (a new place that replaces others). */
	"CREATE TABLE place_link ("
	"  from_place INTEGER NOT NULL REFERENCES place(id),"
	"  to_place   INTEGER NOT NULL REFERENCES place(id),"
	"  on_date    TEXT,"
	"  case_id    INTEGER,"
	"  PRIMARY KEY (from_place, to_place)"
	");"
	"CREATE INDEX place_link_to ON place_link(to_place);"
	/* Every searchable name: places' standard names (src 'p'), their other
	 * names ('o') and divisions ('d').  core is the name without its 通名
	 * as the duplicate rules compare it; pkey/pinit the toneless pinyin and
	 * initials; ckey the pinyin of core; rname the name reversed. */
	"CREATE TABLE name_index ("
	"  id            INTEGER PRIMARY KEY,"
	"  src           TEXT NOT NULL CHECK (src IN ('p','o','d')),"
	"  ref           INTEGER NOT NULL,"
	"  place_id      INTEGER,"
	"  name          TEXT NOT NULL,"
	"  kind          TEXT,"
	"  nchar         INTEGER NOT NULL,"
	"  core          TEXT NOT NULL,"
	"  pkey          TEXT NOT NULL,"
	"  pinit         TEXT NOT NULL,"
	"  ckey          TEXT NOT NULL,"
	"  class_code    TEXT NOT NULL,"
	"  division_code TEXT NOT NULL,"
	"  current       INTEGER NOT NULL,"
	"  roman         TEXT,"    /* divisions: the romanization, for hits */
	"  UNIQUE (src, ref)"
	");"
	"CREATE INDEX name_index_name ON name_index(name);"
	"CREATE INDEX name_index_pkey ON name_index(pkey);"
	"CREATE INDEX name_index_pinit ON name_index(pinit);"
	"CREATE INDEX name_index_core ON name_index(core, division_code);"
	"CREATE INDEX name_index_ckey ON name_index(ckey, division_code);"
	"CREATE INDEX name_index_place ON name_index(place_id) WHERE place_id IS NOT NULL;"
	/* One-edit search: a 64-bit hash of each name and of each of its
	 * one-character deletions (the deletion neighbourhood). */
	"CREATE TABLE name_fuzzy ("
	"  h   INTEGER NOT NULL,"
	"  nid INTEGER NOT NULL,"
	"  PRIMARY KEY (h, nid)"
	") WITHOUT ROWID;"
	/* Substring search: each pair of adjacent characters of each name as
	 * one integer (code point << 21 | next code point), and the last
	 * character with 0 as its pair. */
	"CREATE TABLE name_gram ("
	"  g   INTEGER NOT NULL,"
	"  nid INTEGER NOT NULL,"
	"  PRIMARY KEY (g, nid)"
	") WITHOUT ROWID;"
	/* Divisions whose index rows are stale: the triggers only note the id
	 * (cheap during a bulk division import); reg_name_index_sync() computes
	 * the keys. */
	"CREATE TABLE name_pending (division_id INTEGER PRIMARY KEY);"
	"INSERT INTO name_pending SELECT id FROM division;"
	"CREATE TRIGGER name_pending_ins AFTER INSERT ON division BEGIN"
	" INSERT OR IGNORE INTO name_pending VALUES (NEW.id); END;"
	"CREATE TRIGGER name_pending_upd AFTER UPDATE OF name, code, valid_to ON division BEGIN"
	" INSERT OR IGNORE INTO name_pending VALUES (NEW.id); END;"
	"CREATE TRIGGER name_pending_del AFTER DELETE ON division BEGIN"
	" INSERT OR IGNORE INTO name_pending VALUES (OLD.id); END;"
	/* Approval cases: draft -> submitted -> reviewed -> approved | rejected
	 * -> announced -> filed; withdrawn before approval. */
	"CREATE TABLE name_case ("
	"  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  type            TEXT NOT NULL CHECK (type IN ('naming','renaming','cancellation')),"
	"  state           TEXT NOT NULL CHECK (state IN ('draft','submitted','reviewed',"
	"                    'approved','rejected','announced','filed','withdrawn')),"
	"  division_code   TEXT NOT NULL,"
	"  place_id        INTEGER REFERENCES place(id),"
	"  proposed_name   TEXT,"
	"  current_name    TEXT,"
	"  class_code      TEXT REFERENCES place_class(code),"
	"  reason          TEXT,"
	"  applicant       TEXT,"
	"  lon             REAL,"
	"  lat             REAL,"
	"  created_by      TEXT NOT NULL,"
	"  created_at      TEXT NOT NULL,"
	"  submitted_by    TEXT,"
	"  reviewed_by     TEXT,"
	"  approved_by     TEXT,"
	"  approved_on     TEXT,"
	"  authority       TEXT,"
	"  doc_number      TEXT,"
	"  override_reason TEXT,"
	"  announced_on    TEXT,"
	"  channel         TEXT,"
	"  filed_on        TEXT,"
	"  result_place    INTEGER REFERENCES place(id)"
	");"
	"CREATE INDEX name_case_state ON name_case(state);"
	"CREATE TABLE case_event ("
	"  id      INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES name_case(id),"
	"  state   TEXT NOT NULL,"
	"  actor   TEXT NOT NULL,"
	"  at      TEXT NOT NULL,"
	"  note    TEXT"
	");"
	"CREATE INDEX case_event_case ON case_event(case_id);"
	/* Reports attached at review: 专家论证, 征求意见, 综合评估, 听证. */
	"CREATE TABLE case_report ("
	"  id      INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES name_case(id),"
	"  kind    TEXT NOT NULL CHECK (kind IN ('expert','consultation','assessment','hearing')),"
	"  path    TEXT,"
	"  note    TEXT,"
	"  actor   TEXT NOT NULL,"
	"  at      TEXT NOT NULL"
	");"
	/* The findings of the last check (at submission, again at approval). */
	"CREATE TABLE case_finding ("
	"  id         INTEGER PRIMARY KEY,"
	"  case_id    INTEGER NOT NULL REFERENCES name_case(id),"
	"  rule       TEXT NOT NULL,"
	"  severity   TEXT NOT NULL CHECK (severity IN ('error','warning','info')),"
	"  message    TEXT NOT NULL,"
	"  other_place INTEGER,"
	"  other_name TEXT"
	");"
	"CREATE INDEX case_finding_case ON case_finding(case_id);";

/* v3: joint inspections (联检, registry/reg_inspect*.c): rounds per line,
 * one result per monument (or unknown survey row) with its findings as a
 * JSON array of {rule, message}, and the hazard ledger (隐患台账,
 * registry/reg_hazard.c).  Lines and monuments are named by code and
 * number, as the inspection history must outlive a re-import. */
static const char v3_inspections[] =
	"CREATE TABLE inspection_round ("
	"  id            INTEGER PRIMARY KEY,"
	"  boundary_code TEXT NOT NULL,"
	"  name          TEXT NOT NULL,"
	"  date          TEXT NOT NULL,"
	"  parties       TEXT NOT NULL,"
	"  tolerance_m   REAL NOT NULL,"
	"  survey_file   TEXT,"
	"  monuments     INTEGER NOT NULL,"
	"  not_ok        INTEGER NOT NULL,"
	"  findings      INTEGER NOT NULL,"
	"  line_findings TEXT NOT NULL,"
	"  saved_at      TEXT NOT NULL,"
	"  saved_by      TEXT NOT NULL,"
	"  UNIQUE (boundary_code, name)"
	");"
	"CREATE TABLE inspection_result ("
	"  id               INTEGER PRIMARY KEY,"
	"  round_id         INTEGER NOT NULL REFERENCES inspection_round(id),"
	"  boundary_code    TEXT NOT NULL,"
	"  monument_number  TEXT NOT NULL,"
	"  monument_id      INTEGER,"
	"  verdict          TEXT NOT NULL CHECK (verdict IN"
	"                     ('ok','displaced','damaged','missing','off-line','unknown')),"
	"  condition        TEXT,"
	"  actions          TEXT NOT NULL,"
	"  x TEXT, y TEXT, srs TEXT, h REAL,"
	"  dn_m REAL, de_m REAL, displacement_m REAL, dh_m REAL, distance_to_line_m REAL,"
	"  note TEXT, photos TEXT,"
	"  findings         TEXT NOT NULL"
	");"
	"SELECT AddGeometryColumn('inspection_result', 'geom', 4490, 'POINT', 'XY');"
	"CREATE INDEX inspection_result_round ON inspection_result(round_id);"
	"CREATE INDEX inspection_result_monument ON inspection_result(boundary_code, monument_number);"
	"CREATE TABLE hazard ("
	"  id              INTEGER PRIMARY KEY,"
	"  boundary_code   TEXT NOT NULL,"
	"  monument_number TEXT,"
	"  kind            TEXT NOT NULL,"
	"  note            TEXT NOT NULL,"
	"  status          TEXT NOT NULL CHECK (status IN ('open','closed')),"
	"  opened_at       TEXT NOT NULL,"
	"  opened_by       TEXT NOT NULL,"
	"  closed_at       TEXT,"
	"  closed_by       TEXT,"
	"  resolution      TEXT,"
	"  CHECK ((status = 'open') = (closed_at IS NULL))"
	");"
	"CREATE INDEX hazard_boundary ON hazard(boundary_code, status);";

/* v4: boundary lines (行政区域界线), their end nodes, monuments (界桩) and
 * their reference objects (方位物).  Monuments are keyed by
 * (boundary_code, number) and keep their id for histories. */
static const char v4_boundaries[] =
	/* A node is one exact position shared by the lines ending there. */
	"CREATE TABLE boundary_node ("
	"  id        INTEGER PRIMARY KEY,"
	"  lon       REAL NOT NULL,"
	"  lat       REAL NOT NULL,"
	"  divisions TEXT NOT NULL DEFAULT '',"   /* 12-digit codes, ' '-separated, ascending */
	"  outside   INTEGER NOT NULL DEFAULT 0 CHECK (outside IN (0, 1)),"
	"  UNIQUE (lon, lat)"
	");"
	"SELECT AddGeometryColumn('boundary_node', 'geom', 4490, 'POINT', 'XY');"
	"CREATE TABLE boundary ("
	"  id             INTEGER PRIMARY KEY,"
	"  code           TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 63),"
	"  name           TEXT NOT NULL,"
	"  level          TEXT NOT NULL CHECK (level IN ('province','city','county','town')),"
	/* no foreign keys into division: its code index is dropped during bulk
	 * loads (reg_division.c); reg_boundary.c checks the divisions exist */
	"  left_code      TEXT NOT NULL,"
	"  right_code     TEXT NOT NULL,"
	"  agreement      TEXT,"
	"  approved       TEXT,"
	"  last_inspected TEXT,"
	"  derived        INTEGER NOT NULL DEFAULT 0 CHECK (derived IN (0, 1)),"
	"  start_node     INTEGER REFERENCES boundary_node(id),"
	"  end_node       INTEGER REFERENCES boundary_node(id),"
	"  CHECK (left_code <> right_code)"
	");"
	"SELECT AddGeometryColumn('boundary', 'geom', 4490, 'MULTILINESTRING', 'XY');"
	"CREATE INDEX boundary_left ON boundary(left_code);"
	"CREATE INDEX boundary_right ON boundary(right_code);"
	"CREATE INDEX boundary_start ON boundary(start_node);"
	"CREATE INDEX boundary_end ON boundary(end_node);"
	"CREATE TABLE monument ("
	"  id             INTEGER PRIMARY KEY,"
	"  boundary_code  TEXT NOT NULL REFERENCES boundary(code)"
	"                   ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED,"
	"  number         TEXT NOT NULL,"
	"  type           TEXT NOT NULL CHECK (type IN ('Q','A','B','C','D','E')),"
	"  tri_junction   INTEGER NOT NULL DEFAULT 0 CHECK (tri_junction IN (0, 1)),"
	"  lonlat         INTEGER NOT NULL DEFAULT 0 CHECK (lonlat IN (0, 1)),"
	"  x              TEXT NOT NULL,"        /* as the 成果表 wrote them */
	"  y              TEXT NOT NULL,"
	"  h_text         TEXT,"
	"  h              REAL,"
	"  srs            TEXT NOT NULL,"
	"  precision_m    REAL CHECK (precision_m IS NULL OR precision_m >= 0),"
	"  material       TEXT,"
	"  managing_party TEXT,"
	"  UNIQUE (boundary_code, number)"
	");"
	"SELECT AddGeometryColumn('monument', 'geom', 4490, 'POINT', 'XY');"
	"CREATE TABLE monument_ref ("
	"  monument_id INTEGER NOT NULL REFERENCES monument(id) ON DELETE CASCADE,"
	"  seq         INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 5),"
	"  name        TEXT NOT NULL,"
	"  azimuth     TEXT NOT NULL,"
	"  azimuth_deg REAL NOT NULL CHECK (azimuth_deg >= 0 AND azimuth_deg < 360),"
	"  distance_m  REAL NOT NULL CHECK (distance_m > 0),"
	"  PRIMARY KEY (monument_id, seq)"
	");";

/* v5: the gazetteer export (reg_gazetteer.c) looks up, for every place,
 * the approval case behind its current name: an index of only the events
 * that carry one keeps that look-up free for the many places that were
 * registered by import. */
static const char v5_gazetteer[] =
	"CREATE INDEX place_event_named ON place_event(place_id, on_date)"
	" WHERE case_id IS NOT NULL AND kind IN ('named', 'renamed');";

const struct reg_migration reg_migrations[] = {
	{ 1, "foundation: config, audit, divisions", v1_foundation },
	{ 2, "names: place classes, places, name index, approval cases", v2_names },
	{ 3, "inspections: rounds, results, hazard ledger", v3_inspections },
	{ 4, "boundaries: lines, nodes, monuments, reference objects", v4_boundaries },
	{ 5, "gazetteer: index of the events that name a place by a case", v5_gazetteer },
};

const int reg_migration_count = (int)(sizeof(reg_migrations) / sizeof(reg_migrations[0]));
