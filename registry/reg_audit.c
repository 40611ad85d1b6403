/* reg_audit.c - the append-only audit log, a SHA-256 hash chain.
 *
 * Each entry's hash covers its own fields and the previous entry's hash,
 * so editing, deleting or reordering any entry breaks the chain from that
 * point on.  Triggers refuse UPDATE and DELETE through SQL; the chain is
 * what catches someone who drops the triggers or edits the file.
 */
#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

#include "common/buf.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "registry/reg.h"

static const char sql_last[] =
	"SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1";
static const char sql_insert[] =
	"INSERT INTO audit(id, at, actor, command, summary, prev_hash, hash) "
	"VALUES(?, ?, ?, ?, ?, ?, ?)";
static const char sql_walk[] =
	"SELECT id, at, actor, command, summary, prev_hash, hash FROM audit "
	"WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR actor = ?2) "
	"ORDER BY id";

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* Length-prefixed fields so that no two different entries hash alike. */
static void hash_entry(long long id, const char *at, const char *actor,
		       const char *command, const char *summary,
		       const char *prev, char out[65])
{
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];
	const char *f[5] = { at, actor, command, summary, prev };
	char head[32];
	int i;

	sha256_init(&ctx);
	snprintf(head, sizeof(head), "%lld", id);
	sha256_update(&ctx, strlen(head) + 1, (const uint8_t *)head);
	for (i = 0; i < 5; i++) {
		size_t n = strlen(f[i]);

		snprintf(head, sizeof(head), "%zu:", n);
		sha256_update(&ctx, strlen(head), (const uint8_t *)head);
		sha256_update(&ctx, n, (const uint8_t *)f[i]);
	}
	sha256_digest(&ctx, sizeof(d), d);
	for (i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

int reg_audit_append(struct reg *r, const char *summary, struct err *e)
{
	sqlite3_stmt *st = NULL;
	long long id = 1;
	char prev[65] = GENESIS, hash[65], at[20];
	int rc = -1;

	if (clock_now(at, e) < 0)
		return -1;
	st = reg_prepare(r, sql_last, e);
	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0) + 1;
		snprintf(prev, sizeof(prev), "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	hash_entry(id, at, r->actor, r->command, summary, prev, hash);
	st = reg_prepare(r, sql_insert, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, r->command, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, summary, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, prev, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, hash, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		reg_db_error(r, e, _("cannot write the audit log"));
	else
		rc = 0;
	sqlite3_finalize(st);
	return rc;
}

int reg_audit_each(struct reg *r, const char *since, const char *actor,
		   int (*fn)(const struct reg_audit_entry *, void *), void *arg,
		   struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_walk, e);
	struct reg_audit_entry en;
	int rc;

	if (!st)
		return -1;
	if (since)
		sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
	if (actor)
		sqlite3_bind_text(st, 2, actor, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		en.id = sqlite3_column_int64(st, 0);
		snprintf(en.at, sizeof(en.at), "%s", reg_col_text(st, 1));
		en.actor = reg_col_text(st, 2);
		en.command = reg_col_text(st, 3);
		en.summary = reg_col_text(st, 4);
		en.prev_hash = reg_col_text(st, 5);
		en.hash = reg_col_text(st, 6);
		if (fn(&en, arg))
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return reg_db_error(r, e, "audit");
	}
	sqlite3_finalize(st);
	return 0;
}

int reg_audit_verify(struct reg *r, long long *bad_id, long long *count, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_walk, e);
	char prev[65] = GENESIS, hash[65];
	long long expect = 1;
	int rc = SQLITE_DONE, broken = 0;

	*bad_id = 0;
	*count = 0;
	if (!st)
		return -1;
	while (!broken && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);

		if (id != expect) {
			err_set(e, ERR_CONFLICT,
				_("audit entry %lld: expected entry %lld here: entries were deleted or reordered"),
				id, expect);
			*bad_id = id < expect ? id : expect;
			broken = 1;
			break;
		}
		if (strcmp(reg_col_text(st, 5), prev) != 0) {
			err_set(e, ERR_CONFLICT,
				_("audit entry %lld: does not follow entry %lld: entries were deleted or reordered"),
				id, id - 1);
			*bad_id = id;
			broken = 1;
			break;
		}
		hash_entry(id, reg_col_text(st, 1), reg_col_text(st, 2), reg_col_text(st, 3), reg_col_text(st, 4), prev, hash);
		if (strcmp(hash, reg_col_text(st, 6)) != 0) {
			err_set(e, ERR_CONFLICT,
				_("audit entry %lld: contents do not match its hash: the entry was edited"),
				id);
			*bad_id = id;
			broken = 1;
			break;
		}
		memcpy(prev, hash, sizeof(prev));
		(*count)++;
		expect++;
	}
	sqlite3_finalize(st);
	if (!broken && rc != SQLITE_DONE)
		return reg_db_error(r, e, "audit");
	return broken;
}
