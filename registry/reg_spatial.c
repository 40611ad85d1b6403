/* reg_spatial.c - SpatiaLite on the registry's connections.
 *
 * The one file that calls libspatialite.  An executable linked with it
 * (diming-full, the unit tests) calls reg_spatial_enable() at start-up, and
 * reg_db.c then loads SpatiaLite's SQL functions and virtual tables into
 * every connection it opens.  The light executable (build/diming) leaves
 * this file out of its link, and with it libspatialite and the libraries
 * that pulls in (PROJ, GEOS, libcurl, ...), whose loading cost every
 * process some 25 ms before main().
 */
#include "registry/reg.h"

#include <sqlite3.h>
#include <spatialite/gaiageo.h>
#include <spatialite.h>

static void *attach(sqlite3 *db)
{
	void *cache = spatialite_alloc_connection();

	if (!cache)
		return NULL;
	spatialite_set_silent_mode(cache);
	spatialite_init_ex(db, cache, 0);
	return cache;
}

static void detach(void *cache)
{
	spatialite_cleanup_ex(cache);
}

static const struct reg_spatial_hooks spatialite_hooks = { attach, detach };

void reg_spatial_enable(void)
{
	reg_spatial_hooks_set(&spatialite_hooks);
}

const char *reg_spatial_version(void)
{
	return spatialite_version();
}
