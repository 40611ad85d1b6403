/* reg_name.c - the name index: keys, upkeep and search.
 *
 * Owns name_index, name_fuzzy and name_pending.  Places write their rows
 * through reg_name_index_put() (reg_place.c); divisions are read from the
 * division table when the triggers of the names migration noted them.
 * Search reads the place and class tables only to print a hit.
 */
#include "registry/reg_name.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "common/utf8.h"
#include "registry/reg_division.h"
#include "registry/reg_pinyin.h"
#include "registry/reg_place.h"

static const char sql_find[] =
	"SELECT id, name FROM name_index WHERE src = ?1 AND ref = ?2";
static const char sql_insert[] =
	"INSERT INTO name_index(src, ref, place_id, name, kind, nchar, core, pkey, pinit, ckey,"
	" class_code, division_code, current, roman) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
	" ?10, ?11, ?12, ?13, ?14)";
static const char sql_update[] =
	"UPDATE name_index SET place_id = ?3, name = ?4, kind = ?5, nchar = ?6, core = ?7,"
	" pkey = ?8, pinit = ?9, ckey = ?10, class_code = ?11, division_code = ?12,"
	" current = ?13, roman = ?14 WHERE src = ?1 AND ref = ?2";
static const char sql_delete[] = "DELETE FROM name_index WHERE id = ?";
static const char sql_fuzzy_add[] = "INSERT OR IGNORE INTO name_fuzzy(h, nid) VALUES(?, ?)";
static const char sql_fuzzy_del[] = "DELETE FROM name_fuzzy WHERE h = ? AND nid = ?";
static const char sql_gram_add[] = "INSERT OR IGNORE INTO name_gram(g, nid) VALUES(?, ?)";
static const char sql_gram_del[] = "DELETE FROM name_gram WHERE g = ? AND nid = ?";
static const char sql_set_current[] = "UPDATE name_index SET current = ?2 WHERE place_id = ?1";
static const char sql_pending_any[] = "SELECT 1 FROM name_pending LIMIT 1";
/* name_pending holds the ids of divisions whose keys are stale, or the
 * id 0 for "all of them" (reg_name_index_mark_all: one row, not one per
 * division, after a national load). */
static const char sql_pending_count[] =
	"SELECT s.all_stale, CASE WHEN s.all_stale THEN (SELECT count(*) FROM division)"
	" ELSE (SELECT count(*) FROM name_pending) END"
	" FROM (SELECT EXISTS (SELECT 1 FROM name_pending WHERE division_id = 0) AS all_stale) s";
static const char sql_pending[] =
	"SELECT p.division_id, d.code, d.name, d.level, d.valid_to FROM name_pending p"
	" LEFT JOIN division d ON d.id = p.division_id ORDER BY p.division_id";
/* All stale: the deleted ones noted, then every division. */
static const char sql_pending_all[] =
	"SELECT p.division_id, NULL, NULL, NULL, NULL FROM name_pending p"
	" WHERE p.division_id <> 0 AND NOT EXISTS (SELECT 1 FROM division d WHERE d.id = p.division_id)"
	" UNION ALL SELECT d.id, d.code, d.name, d.level, d.valid_to FROM division d";
static const char sql_pending_clear[] = "DELETE FROM name_pending";
static const char sql_mark_all[] = "INSERT OR IGNORE INTO name_pending VALUES (0)";
static const char sql_pending_trigger[] =
	"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'name_pending_ins'";
static const char sql_pending_drop[] = "DROP TRIGGER name_pending_ins";
static const char sql_indexes[] =
	"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'name_index'"
	" AND sql IS NOT NULL AND name <> 'name_index_place'";

/* ---- keys ---- */

void reg_name_keys_init(struct reg_name_keys *k)
{
	memset(k, 0, sizeof(*k));
	buf_init(&k->zhuanming);
	buf_init(&k->tongming);
	buf_init(&k->core);
	buf_init(&k->pkey);
	buf_init(&k->pinit);
	buf_init(&k->ckey);
}

void reg_name_keys_release(struct reg_name_keys *k)
{
	buf_release(&k->zhuanming);
	buf_release(&k->tongming);
	buf_release(&k->core);
	buf_release(&k->pkey);
	buf_release(&k->pinit);
	buf_release(&k->ckey);
}

/* Direction words that a street's 通名 carries (中山北路 = 中山 + 北路)
 * but that tell two streets apart, so they stay in the compared core. */
static int is_street_modifier(uint32_t cp)
{
	static const uint32_t mods[] = {
		0x4E1C, 0x897F, 0x5357, 0x5317, 0x4E2D,  /* 东 西 南 北 中 */
		0x524D, 0x540E, 0x6A2A, 0x6B63, 0x5C0F,  /* 前 后 横 正 小 */
	};
	size_t i;

	for (i = 0; i < sizeof(mods) / sizeof(mods[0]); i++)
		if (mods[i] == cp)
			return 1;
	return 0;
}

/* Lowercase pinyin letters with a tone mark, and ü, to their plain
 * letter (ü as v); then the syllabic nasals ń ň ǹ ḿ, which the romanizer
 * writes but a search query does not carry. */
static const struct {
	uint32_t cp;
	char c;
} tone_marks[] = {
	{ 0x101, 'a' }, { 0xE1, 'a' }, { 0x1CE, 'a' }, { 0xE0, 'a' },
	{ 0x113, 'e' }, { 0xE9, 'e' }, { 0x11B, 'e' }, { 0xE8, 'e' }, { 0xEA, 'e' },
	{ 0x12B, 'i' }, { 0xED, 'i' }, { 0x1D0, 'i' }, { 0xEC, 'i' },
	{ 0x14D, 'o' }, { 0xF3, 'o' }, { 0x1D2, 'o' }, { 0xF2, 'o' },
	{ 0x16B, 'u' }, { 0xFA, 'u' }, { 0x1D4, 'u' }, { 0xF9, 'u' },
	{ 0xFC, 'v' }, { 0x1D6, 'v' }, { 0x1D8, 'v' }, { 0x1DA, 'v' }, { 0x1DC, 'v' },
	{ 0x144, 'n' }, { 0x148, 'n' }, { 0x1F9, 'n' }, { 0x1E3F, 'm' },
};
#define TONE_VOWELS 26      /* the entries before the nasals */
_Static_assert(sizeof(tone_marks) / sizeof(tone_marks[0]) == TONE_VOWELS + 4,
	       "tone_marks: the vowels, then the four nasals");

/* The plain letter of a toned one among the first n entries; 0 if none. */
static char untoned(uint32_t cp, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (tone_marks[i].cp == cp)
			return tone_marks[i].c;
	return 0;
}

/* Append a toned lowercase syllable without its tone marks, ü as v. */
static void toneless(const char *syl, struct buf *out)
{
	size_t n = strlen(syl), pos = 0, m;
	uint32_t cp;
	char c;

	while (pos < n && (m = utf8_decode(syl + pos, n - pos, &cp))) {
		if (cp < 0x80)
			buf_addc(out, (char)cp);
		else if ((c = untoned(cp, sizeof(tone_marks) / sizeof(tone_marks[0]))))
			buf_addc(out, c);
		pos += m;
	}
}

int reg_name_keys_compute(const char *name, struct reg_name_keys *k, struct err *e)
{
	struct reg_roman ro;
	struct err ignore = ERR_INIT;
	size_t n = strlen(name);

	if (utf8_invalid_at(name, n) != (size_t)-1)
		return err_set(e, ERR_INPUT, _("invalid UTF-8 in name"));
	buf_clear(&k->zhuanming);
	buf_clear(&k->tongming);
	buf_clear(&k->core);
	k->nchar = utf8_len(name);
	reg_roman_init(&ro);
	if (reg_pinyin_romanize(name, NULL, 0, &ro, &ignore) == 0) {
		buf_adds(&k->zhuanming, buf_str(&ro.zhuanming));
		buf_adds(&k->tongming, buf_str(&ro.tongming));
	} else {
		buf_adds(&k->zhuanming, name);
	}
	/* The core: the 专名 (with a street's direction words) when it has two
	 * characters or more and a 通名 follows, else the whole name. */
	buf_adds(&k->core, buf_str(&k->zhuanming));
	if (k->tongming.len && (ro.generic_kinds & REG_FAM_STREET)) {
		const char *t = buf_str(&k->tongming);
		size_t pos = 0, m;
		uint32_t cp;

		while ((m = utf8_decode(t + pos, k->tongming.len - pos, &cp)) &&
		       is_street_modifier(cp) && pos + m < k->tongming.len) {
			buf_add(&k->core, t + pos, m);
			pos += m;
		}
	}
	if (!k->tongming.len || utf8_len(buf_str(&k->core)) < 2) {
		buf_clear(&k->core);
		buf_adds(&k->core, name);
	}
	if (reg_pinyin_key(name, &k->pkey, &k->pinit, e) < 0) {
		reg_roman_release(&ro);
		return -1;
	}
	/* The sound of the core, syllable by syllable (yu-nan is not yun-an);
	 * a core with an unreadable character sounds only like itself. */
	buf_clear(&k->ckey);
	if (reg_pinyin_romanize(buf_str(&k->core), NULL, 0, &ro, &ignore) == 0 && ro.nsyllables) {
		const char *syl = buf_str(&ro.syllables);
		size_t i;

		for (i = 0; i < ro.nsyllables; i++) {
			if (!*syl) {
				buf_clear(&k->ckey);
				break;
			}
			if (i)
				buf_addc(&k->ckey, '-');
			toneless(syl, &k->ckey);
			syl += strlen(syl) + 1;
		}
	}
	if (!k->ckey.len)
		buf_adds(&k->ckey, buf_str(&k->core));
	reg_roman_release(&ro);
	return 0;
}

/* ---- one-edit neighbourhood ---- */

static int64_t fnv1a(const char *a, size_t na, const char *b, size_t nb)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < na; i++)
		h = (h ^ (unsigned char)a[i]) * 0x100000001b3ULL;
	for (i = 0; i < nb; i++)
		h = (h ^ (unsigned char)b[i]) * 0x100000001b3ULL;
	return (int64_t)h;
}

/* The hash of s and of each one-character deletion of s into h (room for
 * REG_PINYIN_MAX_CHARS + 1); returns how many. */
static size_t neighbourhood(const char *s, int64_t *h)
{
	size_t n = strlen(s), pos = 0, k = 0, m;
	uint32_t cp;

	h[k++] = fnv1a(s, n, NULL, 0);
	while (pos < n && k <= REG_PINYIN_MAX_CHARS && (m = utf8_decode(s + pos, n - pos, &cp))) {
		h[k++] = fnv1a(s, pos, s + pos + m, n - pos - m);
		pos += m;
	}
	return k;
}

/* Code points of s into cp (at most max); returns the count. */
static size_t decode_all(const char *s, uint32_t *cp, size_t max)
{
	size_t n = strlen(s), pos = 0, k = 0, m;

	while (pos < n && k < max && (m = utf8_decode(s + pos, n - pos, &cp[k]))) {
		pos += m;
		k++;
	}
	return k;
}

int reg_name_distance1(const char *a, const char *b)
{
	uint32_t x[REG_PINYIN_MAX_CHARS * 2], y[REG_PINYIN_MAX_CHARS * 2];
	size_t nx = decode_all(a, x, sizeof(x) / sizeof(x[0]));
	size_t ny = decode_all(b, y, sizeof(y) / sizeof(y[0]));
	size_t i = 0, j;

	if (nx > ny + 1 || ny > nx + 1)
		return 2;
	while (i < nx && i < ny && x[i] == y[i])
		i++;
	if (i == nx && i == ny)
		return 0;
	/* Past the first difference the rest must agree after skipping one
	 * character of the longer string (or one of each). */
	if (nx == ny) {
		for (j = i + 1; j < nx; j++)
			if (x[j] != y[j])
				return 2;
		return 1;
	}
	if (nx > ny) {
		for (j = i; j < ny; j++)
			if (x[j + 1] != y[j])
				return 2;
		return 1;
	}
	for (j = i; j < nx; j++)
		if (x[j] != y[j + 1])
			return 2;
	return 1;
}

/* ---- index rows ---- */

/* The adjacent-character pairs of s (code point << 21 | next, the last
 * with 0) into g (room for REG_PINYIN_MAX_CHARS); returns how many. */
static size_t grams(const char *s, int64_t *g)
{
	uint32_t cp[REG_PINYIN_MAX_CHARS];
	size_t n = decode_all(s, cp, REG_PINYIN_MAX_CHARS), i;

	for (i = 0; i < n; i++)
		g[i] = (int64_t)cp[i] << 21 | (i + 1 < n ? cp[i + 1] : 0);
	return n;
}

/* Key pairs (key, nid) collected in bulk mode and written sorted. */
struct pairs {
	int64_t (*v)[2];
	size_t n, cap;
};

/* Prepared statements for a run of puts (one call or a bulk sync). */
struct writer {
	struct reg *r;
	sqlite3_stmt *find, *insert, *update, *del;
	sqlite3_stmt *add[2], *rm[2];   /* [0] name_fuzzy, [1] name_gram */
	struct reg_name_keys k;
	struct reg_roman ro;
	int bulk;
	struct pairs pend[2];
};

/* The statements come from the connection's cache (reg_stmt): a place
 * import puts a row or more per place. */
static void writer_free(struct writer *w)
{
	int i;

	sqlite3_reset(w->find);
	sqlite3_reset(w->insert);
	sqlite3_reset(w->update);
	sqlite3_reset(w->del);
	for (i = 0; i < 2; i++) {
		sqlite3_reset(w->add[i]);
		sqlite3_reset(w->rm[i]);
		free(w->pend[i].v);
	}
	reg_name_keys_release(&w->k);
	reg_roman_release(&w->ro);
}

static int writer_init(struct writer *w, struct reg *r, int bulk, struct err *e)
{
	memset(w, 0, sizeof(*w));
	w->r = r;
	w->bulk = bulk;
	reg_name_keys_init(&w->k);
	reg_roman_init(&w->ro);
	if (!(w->find = reg_stmt(r, sql_find, e)) ||
	    !(w->insert = reg_stmt(r, sql_insert, e)) ||
	    !(w->update = reg_stmt(r, sql_update, e)) ||
	    !(w->del = reg_stmt(r, sql_delete, e)) ||
	    !(w->add[0] = reg_stmt(r, sql_fuzzy_add, e)) ||
	    !(w->rm[0] = reg_stmt(r, sql_fuzzy_del, e)) ||
	    !(w->add[1] = reg_stmt(r, sql_gram_add, e)) ||
	    !(w->rm[1] = reg_stmt(r, sql_gram_del, e))) {
		writer_free(w);
		return -1;
	}
	return 0;
}

static int step_pair(struct writer *w, sqlite3_stmt *st, int64_t key, long long nid,
		     struct err *e)
{
	int rc;

	sqlite3_bind_int64(st, 1, key);
	sqlite3_bind_int64(st, 2, nid);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(w->r, e, _("cannot write the name index"));
	return 0;
}

static int keys_flush(struct writer *w, struct err *e);

/* Add (or remove) the one-edit hashes and the character pairs of name. */
static int keys_write(struct writer *w, int add, const char *name, long long nid,
		      struct err *e)
{
	int64_t key[REG_PINYIN_MAX_CHARS + 1];
	size_t n, i;
	int t;

	/* A removal in bulk mode may concern pairs still collected. */
	if (w->bulk && !add && keys_flush(w, e) < 0)
		return -1;
	for (t = 0; t < 2; t++) {
		n = t == 0 ? neighbourhood(name, key) : grams(name, key);
		for (i = 0; i < n; i++) {
			struct pairs *p = &w->pend[t];

			if (!(w->bulk && add)) {
				if (step_pair(w, add ? w->add[t] : w->rm[t], key[i], nid, e) < 0)
					return -1;
				continue;
			}
			if (p->n == p->cap) {
				size_t cap = p->cap ? p->cap * 2 : 65536;
				void *v = realloc(p->v, cap * sizeof(*p->v));

				if (!v)
					return err_set(e, ERR_NOMEM, _("out of memory"));
				p->v = v;
				p->cap = cap;
			}
			p->v[p->n][0] = key[i];
			p->v[p->n][1] = nid;
			p->n++;
		}
	}
	return 0;
}

static int cmp_pair(const void *a, const void *b)
{
	const int64_t *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* Pairs per INSERT in bulk mode: one statement per pair pays more for
 * the statement than for the row. */
#define PAIRS_PER_INSERT 64
static const char *const pair_tables[2] = { "name_fuzzy(h, nid)", "name_gram(g, nid)" };

/* Bulk mode: write the collected pairs in key order (appends to the
 * b-trees instead of inserting at random places), many per statement. */
static int keys_flush(struct writer *w, struct err *e)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	size_t i;
	int t, k, rc;

	for (t = 0; t < 2; t++) {
		struct pairs *p = &w->pend[t];

		if (!p->n)
			continue;
		qsort(p->v, p->n, sizeof(*p->v), cmp_pair);
		buf_clear(&sql);
		buf_addf(&sql, "INSERT OR IGNORE INTO %s VALUES (?, ?)", pair_tables[t]);
		for (k = 1; k < PAIRS_PER_INSERT; k++)
			buf_adds(&sql, ", (?, ?)");
		if (!(st = reg_prepare(w->r, buf_str(&sql), e))) {
			buf_release(&sql);
			return -1;
		}
		for (i = 0; i + PAIRS_PER_INSERT <= p->n; i += PAIRS_PER_INSERT) {
			for (k = 0; k < PAIRS_PER_INSERT; k++) {
				sqlite3_bind_int64(st, 2 * k + 1, p->v[i + (size_t)k][0]);
				sqlite3_bind_int64(st, 2 * k + 2, p->v[i + (size_t)k][1]);
			}
			rc = sqlite3_step(st);
			sqlite3_reset(st);
			if (rc != SQLITE_DONE) {
				sqlite3_finalize(st);
				buf_release(&sql);
				return reg_db_error(w->r, e, _("cannot write the name index"));
			}
		}
		sqlite3_finalize(st);
		for (; i < p->n; i++)
			if (step_pair(w, w->add[t], p->v[i][0], p->v[i][1], e) < 0) {
				buf_release(&sql);
				return -1;
			}
		p->n = 0;
	}
	buf_release(&sql);
	return 0;
}

static int writer_put(struct writer *w, const struct reg_name_entry *en, struct err *e)
{
	char src[2] = { en->src, '\0' };
	sqlite3_stmt *st;
	long long nid = 0;
	char *old = NULL;
	int rc;

	if (reg_name_keys_compute(en->name, &w->k, e) < 0)
		return -1;
	sqlite3_bind_text(w->find, 1, src, -1, SQLITE_STATIC);
	sqlite3_bind_int64(w->find, 2, en->ref);
	rc = sqlite3_step(w->find);
	if (rc == SQLITE_ROW) {
		nid = sqlite3_column_int64(w->find, 0);
		old = strdup((const char *)sqlite3_column_text(w->find, 1));
	}
	sqlite3_reset(w->find);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return reg_db_error(w->r, e, _("cannot read the name index"));
	st = nid ? w->update : w->insert;
	sqlite3_bind_text(st, 1, src, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, en->ref);
	if (en->place_id)
		sqlite3_bind_int64(st, 3, en->place_id);
	else
		sqlite3_bind_null(st, 3);
	sqlite3_bind_text(st, 4, en->name, -1, SQLITE_STATIC);
	reg_bind_opt(st, 5, en->kind);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)w->k.nchar);
	sqlite3_bind_text(st, 7, buf_str(&w->k.core), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, buf_str(&w->k.pkey), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, buf_str(&w->k.pinit), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, buf_str(&w->k.ckey), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, en->class_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, en->division_code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 13, en->current);
	/* Divisions carry their romanization for search hits; places have
	 * their own column. */
	sqlite3_bind_null(st, 14);
	if (en->src == REG_NAME_DIVISION) {
		struct err ignore = ERR_INIT;

		if (reg_pinyin_romanize(en->name, en->class_code, 0, &w->ro, &ignore) == 0)
			sqlite3_bind_text(st, 14, buf_str(&w->ro.text), -1, SQLITE_STATIC);
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(old);
		return reg_db_error(w->r, e, _("cannot write the name index"));
	}
	if (!nid) {
		nid = sqlite3_last_insert_rowid(w->r->db);
	} else if (strcmp(old, en->name) != 0) {
		if (keys_write(w, 0, old, nid, e) < 0) {
			free(old);
			return -1;
		}
	} else {
		free(old);
		return 0;
	}
	free(old);
	return keys_write(w, 1, en->name, nid, e);
}

/* A batch of puts (reg_name_batch_begin). */
struct batch {
	struct writer w;
	struct saved_index *saved;
	size_t nsaved;
};

int reg_name_index_put(struct reg *r, const struct reg_name_entry *en, struct err *e)
{
	struct writer w;
	int rc;

	if (r->name_batch)
		return writer_put(&((struct batch *)r->name_batch)->w, en, e);
	if (writer_init(&w, r, 0, e) < 0)
		return -1;
	rc = writer_put(&w, en, e);
	writer_free(&w);
	return rc;
}

int reg_name_index_set_current(struct reg *r, long long place_id, int current,
			       struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_set_current, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, place_id);
	sqlite3_bind_int(st, 2, current);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot write the name index"));
	return 0;
}

int reg_name_index_pending(struct reg *r, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_pending_any, e);
	int rc;

	if (!st)
		return -1;
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return reg_db_error(r, e, _("cannot read the name index"));
}

int reg_name_index_mark_all(struct reg *r, struct err *e)
{
	return reg_exec(r, sql_mark_all, e);
}

int reg_name_pending_suspend(struct reg *r, char **saved, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_pending_trigger, e);
	int rc;

	*saved = NULL;
	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*saved = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return reg_db_error(r, e, _("cannot read the name index"));
	if (!*saved)
		return err_set(e, ERR_NOMEM, _("out of memory"));
	return reg_exec(r, sql_pending_drop, e);
}

int reg_name_pending_resume(struct reg *r, const char *saved, struct err *e)
{
	if (!saved)
		return 0;
	if (reg_exec(r, saved, e) < 0)
		return -1;
	return reg_name_index_mark_all(r, e);
}

/* Above this many stale divisions the secondary indexes are dropped and
 * rebuilt: CREATE INDEX sorts once instead of inserting row by row. */
#define BULK_ROWS 20000

struct saved_index {
	char *name, *sql;
};

static int drop_indexes(struct reg *r, struct saved_index **out, size_t *n, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, sql_indexes, e);
	struct saved_index *v = NULL;
	size_t k = 0, i;
	struct buf b = BUF_INIT;
	int rc;

	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct saved_index *nv = realloc(v, (k + 1) * sizeof(*v));

		if (!nv)
			abort();
		v = nv;
		v[k].name = strdup((const char *)sqlite3_column_text(st, 0));
		v[k].sql = strdup((const char *)sqlite3_column_text(st, 1));
		k++;
	}
	sqlite3_finalize(st);
	*out = v;
	*n = k;
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot read the name index"));
	for (i = 0; i < k; i++) {
		/* Skip the UNIQUE (src, ref) autoindex: it has no sql. */
		buf_clear(&b);
		buf_addf(&b, "DROP INDEX \"%s\"", v[i].name);
		if (reg_exec(r, buf_str(&b), e) < 0) {
			buf_release(&b);
			return -1;
		}
	}
	buf_release(&b);
	return 0;
}

static int restore_indexes(struct reg *r, struct saved_index *v, size_t n, struct err *e)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < n; i++) {
		if (rc == 0 && reg_exec(r, v[i].sql, e) < 0)
			rc = -1;
		free(v[i].name);
		free(v[i].sql);
	}
	free(v);
	return rc;
}

static const char sql_index_rows[] = "SELECT count(*) FROM name_index";

int reg_name_batch_begin(struct reg *r, long expected, struct err *e)
{
	struct batch *b = calloc(1, sizeof(*b));
	sqlite3_stmt *st;
	long long rows = 0;

	if (!b)
		return err_set(e, ERR_NOMEM, _("out of memory"));
	if (writer_init(&b->w, r, 1, e) < 0) {
		free(b);
		return -1;
	}
	r->name_batch = b;
	if (expected < BULK_ROWS)
		return 0;
	/* Rebuilding the search indexes costs about what inserting as many
	 * rows as they hold does. */
	if (!(st = reg_prepare(r, sql_index_rows, e))) {
		reg_name_batch_abort(r);
		return -1;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		rows = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (expected * 2 >= rows && drop_indexes(r, &b->saved, &b->nsaved, e) < 0) {
		reg_name_batch_abort(r);
		return -1;
	}
	return 0;
}

int reg_name_batch_end(struct reg *r, struct err *e)
{
	struct batch *b = r->name_batch;
	int rc;

	if (!b)
		return 0;
	rc = keys_flush(&b->w, e);
	if (b->saved && restore_indexes(r, b->saved, b->nsaved, rc == 0 ? e : NULL) < 0)
		rc = -1;
	b->saved = NULL;
	reg_name_batch_abort(r);
	return rc;
}

void reg_name_batch_abort(struct reg *r)
{
	struct batch *b = r->name_batch;
	size_t i;

	if (!b)
		return;
	for (i = 0; b->saved && i < b->nsaved; i++) {
		free(b->saved[i].name);
		free(b->saved[i].sql);
	}
	free(b->saved);
	writer_free(&b->w);
	free(b);
	r->name_batch = NULL;
}

int reg_name_index_sync(struct reg *r, long *count, struct err *e)
{
	struct writer w;
	struct saved_index *saved = NULL;
	size_t nsaved = 0;
	sqlite3_stmt *st = NULL, *del = NULL;
	long long pending = 0;
	long n = 0;
	int rc = reg_name_index_pending(r, e), bulk, all = 0;

	if (count)
		*count = 0;
	if (rc <= 0)
		return rc;
	st = reg_prepare(r, sql_pending_count, e);
	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		all = sqlite3_column_int(st, 0);
		pending = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	bulk = pending >= BULK_ROWS;
	if (writer_init(&w, r, bulk, e) < 0)
		return -1;
	if (bulk && drop_indexes(r, &saved, &nsaved, e) < 0) {
		restore_indexes(r, saved, nsaved, NULL);
		writer_free(&w);
		return -1;
	}
	rc = 0;
	st = reg_prepare(r, all ? sql_pending_all : sql_pending, e);
	del = reg_prepare(r, "SELECT id, name FROM name_index WHERE src = 'd' AND ref = ?", e);
	if (!st || !del)
		rc = -1;
	while (rc == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		const char *code = (const char *)sqlite3_column_text(st, 1);
		const char *name = (const char *)sqlite3_column_text(st, 2);
		const char *level = (const char *)sqlite3_column_text(st, 3);
		struct reg_name_entry en;

		rc = 0;
		if (!code) {
			/* Deleted: drop its row and hashes. */
			sqlite3_bind_int64(del, 1, id);
			if (sqlite3_step(del) == SQLITE_ROW) {
				long long nid = sqlite3_column_int64(del, 0);
				char *old = strdup((const char *)sqlite3_column_text(del, 1));

				sqlite3_reset(del);
				rc = keys_write(&w, 0, old, nid, e);
				free(old);
				if (rc == 0) {
					sqlite3_bind_int64(w.del, 1, nid);
					if (sqlite3_step(w.del) != SQLITE_DONE)
						rc = reg_db_error(r, e, _("cannot write the name index"));
					sqlite3_reset(w.del);
				}
			} else {
				sqlite3_reset(del);
			}
			continue;
		}
		memset(&en, 0, sizeof(en));
		en.src = REG_NAME_DIVISION;
		en.ref = id;
		en.name = name;
		en.class_code = reg_class_of_division(reg_level_parse(level), name);
		en.division_code = code;
		en.current = sqlite3_column_type(st, 4) == SQLITE_NULL ||
			     !*(const char *)sqlite3_column_text(st, 4);
		rc = writer_put(&w, &en, e);
		n++;
	}
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc > 0)
		rc = reg_db_error(r, e, _("cannot read divisions"));
	sqlite3_finalize(st);
	sqlite3_finalize(del);
	if (rc == 0)
		rc = keys_flush(&w, e);
	if (bulk && restore_indexes(r, saved, nsaved, rc == 0 ? e : NULL) < 0)
		rc = -1;
	if (rc == 0)
		rc = reg_exec(r, sql_pending_clear, e);
	writer_free(&w);
	if (count)
		*count = n;
	return rc;
}

/* ---- search ---- */

static const char *const by_names[] = {
	"exact", "prefix", "contains", "pinyin", "initials", "fuzzy"
};

const char *reg_search_by_name(enum reg_search_by by)
{
	return (unsigned)by < sizeof(by_names) / sizeof(by_names[0]) ? by_names[by] : "";
}

int reg_search_by_parse(const char *s, enum reg_search_by *by)
{
	size_t i;

	for (i = 0; i < sizeof(by_names) / sizeof(by_names[0]); i++)
		if (!strcmp(s, by_names[i])) {
			*by = (enum reg_search_by)i;
			return 0;
		}
	return -1;
}

/* The columns every search returns, and the filters every search applies:
 * ?2 division prefix, ?3 class prefix, ?4 include historical. */
#define HIT_COLUMNS \
	"SELECT n.id, n.src, n.place_id, n.name, n.kind, n.class_code, n.division_code," \
	" n.current, p.name, p.romanization, c.name, n.roman"
#define HIT_JOINS \
	" LEFT JOIN place p ON p.id = n.place_id JOIN place_class c ON c.code = n.class_code"
#define HIT_FILTERS \
	" AND (?2 IS NULL OR substr(n.division_code, 1, length(?2)) = ?2)" \
	" AND (?3 IS NULL OR substr(n.class_code, 1, length(?3)) = ?3)" \
	" AND (?4 OR n.current)"

static const char sql_exact[] =
	HIT_COLUMNS " FROM name_index n" HIT_JOINS
	" WHERE n.name = ?1" HIT_FILTERS
	" ORDER BY n.src = 'o', n.current DESC, n.id LIMIT ?5";
static const char sql_prefix[] =
	HIT_COLUMNS " FROM name_index n INDEXED BY name_index_name" HIT_JOINS
	" WHERE n.name >= ?1 AND n.name < ?6" HIT_FILTERS
	" ORDER BY n.name, n.id LIMIT ?5";
static const char sql_pinyin[] =
	HIT_COLUMNS " FROM name_index n INDEXED BY name_index_pkey" HIT_JOINS
	" WHERE n.pkey >= ?1 AND n.pkey < ?6" HIT_FILTERS
	" ORDER BY n.pkey, n.id LIMIT ?5";
static const char sql_initials[] =
	HIT_COLUMNS " FROM name_index n INDEXED BY name_index_pinit" HIT_JOINS
	" WHERE n.pinit >= ?1 AND n.pinit < ?6" HIT_FILTERS
	" ORDER BY n.pinit, n.id LIMIT ?5";
static const char sql_contains[] =
	HIT_COLUMNS " FROM name_index n INDEXED BY name_index_name" HIT_JOINS
	" WHERE instr(n.name, ?1) > 0" HIT_FILTERS
	" ORDER BY n.name, n.id LIMIT ?5";
static const char sql_fuzzy_ids[] =
	"SELECT nid FROM name_fuzzy WHERE h = ?";
static const char sql_gram_count[] =
	"SELECT count(*) FROM (SELECT 1 FROM name_gram WHERE g BETWEEN ?1 AND ?2 LIMIT ?3)";
static const char sql_gram_ids[] =
	"SELECT nid FROM name_gram WHERE g BETWEEN ?1 AND ?2";
static const char sql_row[] =
	"SELECT name, division_code, class_code, current FROM name_index WHERE id = ?";
static const char sql_by_id[] =
	HIT_COLUMNS " FROM name_index n" HIT_JOINS
	" WHERE n.id = ?1" HIT_FILTERS;

/* Pinyin and initials queries: lowercase ASCII letters and digits, tone
 * marks dropped, ü as v; Chinese text is read by the romanizer. */
static int pinyin_query(const char *q, int initials, struct buf *out, struct err *e)
{
	size_t n = strlen(q), pos = 0, m;
	uint32_t cp;
	char c;

	buf_clear(out);
	while (pos < n) {
		if (!(m = utf8_decode(q + pos, n - pos, &cp)))
			return err_set(e, ERR_INPUT, _("invalid UTF-8 in query"));
		if (utf8_is_han(cp))
			/* Read the whole query as Chinese text. */
			return reg_pinyin_key(q, initials ? NULL : out, initials ? out : NULL, e);
		/* Upper-case forms: Latin-1 sits 0x20 below, Latin Extended one
		 * below the lower-case letter. */
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		else if (cp >= 0xC0 && cp <= 0xDE)
			cp += 0x20;
		else if ((cp >= 0x100 && cp <= 0x17F && !(cp & 1)) ||
			 (cp >= 0x1CD && cp <= 0x1DC && (cp & 1)))
			cp += 1;
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			buf_addc(out, (char)cp);
		else if ((c = untoned(cp, TONE_VOWELS)))
			buf_addc(out, c);
		pos += m;
	}
	return 0;
}

struct hit_row {
	long long nid;
	int dist;
	char *name;              /* for sorting fuzzy hits */
};

static void fill_hit(sqlite3_stmt *st, struct reg_search_hit *h, struct reg_roman *ro)
{
	const char *src = (const char *)sqlite3_column_text(st, 1);
	const char *kind = (const char *)sqlite3_column_text(st, 4);

	memset(h, 0, sizeof(*h));
	h->place_id = sqlite3_column_int64(st, 2);
	h->matched_name = (const char *)sqlite3_column_text(st, 3);
	h->class_code = (const char *)sqlite3_column_text(st, 5);
	h->division_code = (const char *)sqlite3_column_text(st, 6);
	h->current = sqlite3_column_int(st, 7);
	h->class_name = (const char *)sqlite3_column_text(st, 10);
	if (src[0] == REG_NAME_DIVISION) {
		struct err ignore = ERR_INIT;

		h->name = h->matched_name;
		if (sqlite3_column_text(st, 11))
			h->romanization = (const char *)sqlite3_column_text(st, 11);
		else
			h->romanization = reg_pinyin_romanize(h->name, h->class_code, 0, ro, &ignore) == 0
					  ? buf_str(&ro->text) : "";
		h->matched_as = "standard";
	} else {
		h->name = (const char *)sqlite3_column_text(st, 8);
		h->romanization = sqlite3_column_text(st, 9) ? (const char *)sqlite3_column_text(st, 9) : "";
		if (src[0] == REG_NAME_PLACE)
			h->matched_as = "standard";
		else
			h->matched_as = kind && !strcmp(kind, "曾用名") ? "former" : "alternate";
	}
	if (!h->name)
		h->name = h->matched_name;
}

static void bind_filters(sqlite3_stmt *st, const struct reg_search *s)
{
	reg_bind_opt(st, 2, s->division);
	reg_bind_opt(st, 3, s->class_prefix);
	sqlite3_bind_int(st, 4, s->include_historical);
}

static int cmp_fuzzy(const void *a, const void *b)
{
	const struct hit_row *x = a, *y = b;
	int c;

	if (x->dist != y->dist)
		return x->dist - y->dist;
	if ((c = strcmp(x->name, y->name)))
		return c;
	return x->nid < y->nid ? -1 : x->nid > y->nid;
}

static int search_fuzzy(struct reg *r, const char *q, const struct reg_search *s,
			int (*fn)(const struct reg_search_hit *, void *), void *arg, int *more,
			struct err *e)
{
	int64_t h[REG_PINYIN_MAX_CHARS + 1];
	size_t nh = neighbourhood(q, h), i, nrows = 0, cap = 0;
	struct hit_row *rows = NULL;
	sqlite3_stmt *ids = reg_prepare(r, sql_fuzzy_ids, e), *one = NULL;
	struct reg_roman ro;
	int rc = 0;

	if (!ids)
		return -1;
	if (!(one = reg_prepare(r, sql_by_id, e))) {
		sqlite3_finalize(ids);
		return -1;
	}
	reg_roman_init(&ro);
	/* Candidates: any shared hash; then the true distance decides. */
	for (i = 0; i < nh && rc == 0; i++) {
		sqlite3_bind_int64(ids, 1, h[i]);
		while ((rc = sqlite3_step(ids)) == SQLITE_ROW) {
			long long nid = sqlite3_column_int64(ids, 0);
			size_t k;

			for (k = 0; k < nrows && rows[k].nid != nid; k++)
				;
			if (k < nrows)
				continue;
			if (nrows == cap) {
				cap = cap ? cap * 2 : 64;
				rows = realloc(rows, cap * sizeof(*rows));
				if (!rows)
					abort();
			}
			rows[nrows].nid = nid;
			rows[nrows].dist = -1;
			rows[nrows].name = NULL;
			nrows++;
		}
		sqlite3_reset(ids);
		rc = rc == SQLITE_DONE ? 0 : reg_db_error(r, e, _("cannot search names"));
	}
	/* Keep the ones within one edit that pass the filters. */
	for (i = 0; i < nrows && rc == 0; i++) {
		sqlite3_bind_int64(one, 1, rows[i].nid);
		bind_filters(one, s);
		if ((rc = sqlite3_step(one)) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(one, 3);

			rows[i].dist = reg_name_distance1(name, q);
			rows[i].name = strdup(name);
			rc = 0;
		} else if (rc == SQLITE_DONE) {
			rc = 0;
		} else {
			rc = reg_db_error(r, e, _("cannot search names"));
		}
		sqlite3_reset(one);
	}
	if (rc == 0) {
		size_t k = 0, shown = 0;

		for (i = 0; i < nrows; i++) {
			if (rows[i].dist >= 0 && rows[i].dist <= 1)
				rows[k++] = rows[i];
			else
				free(rows[i].name);
		}
		nrows = k;
		if (nrows)
			qsort(rows, nrows, sizeof(*rows), cmp_fuzzy);
		for (i = 0; i < nrows && rc == 0; i++) {
			struct reg_search_hit hit;

			if (s->limit && (long)shown >= s->limit) {
				if (more)
					*more = 1;
				break;
			}
			sqlite3_bind_int64(one, 1, rows[i].nid);
			bind_filters(one, s);
			if (sqlite3_step(one) == SQLITE_ROW) {
				fill_hit(one, &hit, &ro);
				shown++;
				if (fn(&hit, arg))
					i = nrows;
			}
			sqlite3_reset(one);
		}
	}
	for (i = 0; i < nrows; i++)
		free(rows[i].name);
	free(rows);
	reg_roman_release(&ro);
	sqlite3_finalize(ids);
	sqlite3_finalize(one);
	return rc;
}

/* Above this many postings for the rarest character pair, contains
 * scans the name index in order instead: so common a pair gives the first
 * hits within a few thousand names. */
#define GRAM_CAP 3000

struct cand {
	long long nid;
	char *name;
};

static int cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : (x->nid < y->nid ? -1 : x->nid > y->nid);
}

static int passes(sqlite3_stmt *row, const struct reg_search *s)
{
	const char *code = (const char *)sqlite3_column_text(row, 1);
	const char *cls = (const char *)sqlite3_column_text(row, 2);

	return (!s->division || !strncmp(code, s->division, strlen(s->division))) &&
	       (!s->class_prefix || !strncmp(cls, s->class_prefix, strlen(s->class_prefix))) &&
	       (s->include_historical || sqlite3_column_int(row, 3));
}

/* Contains: candidates from the postings of the query's rarest character
 * pair (a single character: every pair it starts), checked with strstr,
 * sorted by name.  1 when done, 0 when the caller should scan instead. */
static int search_contains(struct reg *r, const char *q, const struct reg_search *s,
			   int (*fn)(const struct reg_search_hit *, void *), void *arg,
			   int *more, struct err *e)
{
	uint32_t cp[REG_PINYIN_MAX_CHARS];
	size_t n = decode_all(q, cp, REG_PINYIN_MAX_CHARS), i, nc = 0, cap = 0, shown = 0;
	sqlite3_stmt *cnt = reg_prepare(r, sql_gram_count, e), *ids = NULL, *row = NULL, *one = NULL;
	int64_t lo = 0, hi = 0, best = -1;
	struct cand *c = NULL;
	struct reg_roman ro;
	int rc = -1;

	reg_roman_init(&ro);
	if (!cnt)
		goto out;
	for (i = 0; i + 1 < n || (n == 1 && i == 0); i++) {
		int64_t a = (int64_t)cp[i] << 21, b;
		long long k;

		if (n == 1) {
			b = a | 0x1FFFFF;
		} else {
			a |= cp[i + 1];
			b = a;
		}
		sqlite3_bind_int64(cnt, 1, a);
		sqlite3_bind_int64(cnt, 2, b);
		sqlite3_bind_int(cnt, 3, GRAM_CAP);
		if (sqlite3_step(cnt) != SQLITE_ROW) {
			reg_db_error(r, e, _("cannot search names"));
			goto out;
		}
		k = sqlite3_column_int64(cnt, 0);
		sqlite3_reset(cnt);
		if (best < 0 || k < best) {
			best = k;
			lo = a;
			hi = b;
		}
	}
	if (best >= GRAM_CAP) {
		rc = 0;
		goto out;
	}
	if (!(ids = reg_prepare(r, sql_gram_ids, e)) || !(row = reg_prepare(r, sql_row, e)) ||
	    !(one = reg_prepare(r, sql_by_id, e)))
		goto out;
	sqlite3_bind_int64(ids, 1, lo);
	sqlite3_bind_int64(ids, 2, hi);
	while (sqlite3_step(ids) == SQLITE_ROW) {
		long long nid = sqlite3_column_int64(ids, 0);

		sqlite3_bind_int64(row, 1, nid);
		if (sqlite3_step(row) == SQLITE_ROW && passes(row, s) &&
		    strstr((const char *)sqlite3_column_text(row, 0), q)) {
			if (nc == cap) {
				cap = cap ? cap * 2 : 64;
				c = realloc(c, cap * sizeof(*c));
				if (!c)
					abort();
			}
			c[nc].nid = nid;
			c[nc].name = strdup((const char *)sqlite3_column_text(row, 0));
			nc++;
		}
		sqlite3_reset(row);
	}
	if (nc)
		qsort(c, nc, sizeof(*c), cmp_cand);
	rc = 1;
	for (i = 0; i < nc; i++) {
		struct reg_search_hit hit;
		int stop = 0;

		if (s->limit && (long)shown >= s->limit) {
			if (more)
				*more = 1;
			break;
		}
		sqlite3_bind_int64(one, 1, c[i].nid);
		bind_filters(one, s);
		if (sqlite3_step(one) == SQLITE_ROW) {
			fill_hit(one, &hit, &ro);
			shown++;
			stop = fn(&hit, arg);
		}
		sqlite3_reset(one);
		if (stop)
			break;
	}
out:
	for (i = 0; i < nc; i++)
		free(c[i].name);
	free(c);
	reg_roman_release(&ro);
	sqlite3_finalize(cnt);
	sqlite3_finalize(ids);
	sqlite3_finalize(row);
	sqlite3_finalize(one);
	return rc;
}

int reg_name_search(struct reg *r, const char *query, const struct reg_search *s,
		    int (*fn)(const struct reg_search_hit *, void *), void *arg, int *more,
		    struct err *e)
{
	struct buf key = BUF_INIT, upper = BUF_INIT;
	const char *sql, *q = query;
	sqlite3_stmt *st;
	struct reg_roman ro;
	long shown = 0;
	int rc;

	if (more)
		*more = 0;
	if (!*query)
		return err_set(e, ERR_INPUT, _("empty query"));
	if (utf8_invalid_at(query, strlen(query)) != (size_t)-1)
		return err_set(e, ERR_INPUT, _("invalid UTF-8 in query"));
	switch (s->by) {
	case REG_SEARCH_EXACT:
		sql = sql_exact;
		break;
	case REG_SEARCH_PREFIX:
		sql = sql_prefix;
		break;
	case REG_SEARCH_CONTAINS:
		rc = search_contains(r, query, s, fn, arg, more, e);
		if (rc != 0)
			return rc < 0 ? -1 : 0;
		sql = sql_contains;
		break;
	case REG_SEARCH_PINYIN:
	case REG_SEARCH_INITIALS:
		if (pinyin_query(query, s->by == REG_SEARCH_INITIALS, &key, e) < 0) {
			buf_release(&key);
			return -1;
		}
		if (!key.len) {
			buf_release(&key);
			return err_set(e, ERR_INPUT, _("no pinyin letters in query '%s'"), query);
		}
		q = buf_str(&key);
		sql = s->by == REG_SEARCH_PINYIN ? sql_pinyin : sql_initials;
		break;
	case REG_SEARCH_FUZZY:
		return search_fuzzy(r, query, s, fn, arg, more, e);
	default:
		return err_set(e, ERR_USAGE, _("unknown search mode"));
	}
	st = reg_prepare(r, sql, e);
	if (!st) {
		buf_release(&key);
		return -1;
	}
	/* The end of a prefix range: past every valid UTF-8 continuation. */
	buf_adds(&upper, q);
	buf_adds(&upper, "\xF4\x90");
	sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
	bind_filters(st, s);
	sqlite3_bind_int64(st, 5, s->limit ? s->limit + 1 : -1);
	if (sqlite3_bind_parameter_count(st) >= 6)
		sqlite3_bind_text(st, 6, buf_str(&upper), (int)upper.len, SQLITE_STATIC);
	reg_roman_init(&ro);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct reg_search_hit hit;

		if (s->limit && shown >= s->limit) {
			if (more)
				*more = 1;
			rc = SQLITE_DONE;
			break;
		}
		fill_hit(st, &hit, &ro);
		shown++;
		if (fn(&hit, arg)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	reg_roman_release(&ro);
	sqlite3_finalize(st);
	buf_release(&key);
	buf_release(&upper);
	if (rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot search names"));
	return 0;
}
