/* reg_schema.h - the registry's forward migrations. */
#ifndef DIMING_REG_SCHEMA_H
#define DIMING_REG_SCHEMA_H

struct reg_migration {
	int version;        /* PRAGMA user_version after this step */
	const char *name;
	const char *sql;    /* may hold several statements */
};

extern const struct reg_migration reg_migrations[];
extern const int reg_migration_count;

#endif
