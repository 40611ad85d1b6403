/* gen_tables.c - compile Unihan and the place-name data into C tables.
 *
 *   bzcat Unihan_Readings.txt.bz2 Unihan_OtherMappings.txt.bz2 \
 *         Unihan_Variants.txt.bz2 |
 *   gen_tables --place data/place-readings.tsv --generics data/generics.tsv \
 *              --ethnic data/ethnic-groups.tsv --classes data/name-classes.tsv \
 *              --words NAME data/words-NAME.txt ... > build/gen/reg_tables.c
 *
 * The output defines what registry/reg_tables.h declares.  From Unihan it
 * takes, per character: the general reading (kMandarin, unless the
 * 通用规范汉字表 readings in kTGHZ2013 do not include it, then the first
 * kTGHZ2013 reading), whether it is polyphonic (several readings in
 * kTGHZ2013 or kXHC1983), its 通用规范汉字表 level (kTGH) and its standard
 * form if it is a traditional (kSimplifiedVariant) or variant
 * (kSemanticVariant / kZVariant) form.  Any error in a data file stops the
 * build with "FILE:LINE: message" on stderr and exit status 1.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "registry/reg_tables.h"

#define MAX_CP 0x40000u
#define MAX_READINGS 8

struct chr {
	uint16_t mandarin;                /* first kMandarin reading */
	uint16_t tghz[MAX_READINGS];      /* kTGHZ2013, in order */
	uint16_t all[2 * MAX_READINGS];   /* kTGHZ2013 + kXHC1983 + kHanyuPinyin */
	uint8_t ntghz, nall, npoly;
	uint16_t poly[2 * MAX_READINGS];  /* kTGHZ2013 + kXHC1983, distinct */
	uint8_t tgh;
	uint8_t simp_other;               /* has a kTraditionalVariant != itself */
	uint32_t simplified;              /* first kSimplifiedVariant != itself */
	uint32_t variant_of[4];           /* kSemanticVariant / kZVariant targets */
	uint8_t nvariant;
	uint8_t place_start;
	uint8_t word_start;
};

static struct chr *chars;

/* Syllable set: collected while reading, then sorted and renumbered. */
static char **syls;
static size_t nsyls, capsyls;

static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("gen_tables: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
		die("out of memory");
	return p;
}

/* Provisional syllable ids are 1-based positions in syls; they are mapped
 * to sorted order when the output is written. */
static unsigned syl_id(const char *base)
{
	size_t i;

	for (i = 0; i < nsyls; i++)
		if (!strcmp(syls[i], base))
			return (unsigned)i + 1;
	if (nsyls == capsyls) {
		capsyls = capsyls ? capsyls * 2 : 512;
		syls = xrealloc(syls, capsyls * sizeof(*syls));
	}
	syls[nsyls] = strdup(base);
	if (!syls[nsyls])
		die("out of memory");
	return (unsigned)++nsyls;
}

static int syl_known(const char *base)
{
	size_t i;

	for (i = 0; i < nsyls; i++)
		if (!strcmp(syls[i], base))
			return 1;
	return 0;
}

/* Parse one toned syllable ("lǜ", "zhuàng", "de") into a lowercase ASCII
 * base with v for ü and a tone 0-4.  Returns -1 for anything else
 * (interjections with ê or syllabic m/n, which no place name needs). */
static int parse_syllable(const char *s, size_t n, char base[8], int *tone)
{
	static const struct { uint32_t cp; char c; int tone; } marks[] = {
		{ 0x101, 'a', 1 }, { 0xE1, 'a', 2 }, { 0x1CE, 'a', 3 }, { 0xE0, 'a', 4 },
		{ 0x113, 'e', 1 }, { 0xE9, 'e', 2 }, { 0x11B, 'e', 3 }, { 0xE8, 'e', 4 },
		{ 0x12B, 'i', 1 }, { 0xED, 'i', 2 }, { 0x1D0, 'i', 3 }, { 0xEC, 'i', 4 },
		{ 0x14D, 'o', 1 }, { 0xF3, 'o', 2 }, { 0x1D2, 'o', 3 }, { 0xF2, 'o', 4 },
		{ 0x16B, 'u', 1 }, { 0xFA, 'u', 2 }, { 0x1D4, 'u', 3 }, { 0xF9, 'u', 4 },
		{ 0x1D6, 'v', 1 }, { 0x1D8, 'v', 2 }, { 0x1DA, 'v', 3 }, { 0x1DC, 'v', 4 },
		{ 0xFC, 'v', 0 },
	};
	size_t i = 0, k, len = 0;
	uint32_t cp;

	*tone = 0;
	while (i < n) {
		size_t m = utf8_decode(s + i, n - i, &cp);

		if (!m)
			return -1;
		i += m;
		if (cp >= 'a' && cp <= 'z') {
			if (len >= 7)
				return -1;
			base[len++] = (char)cp;
			continue;
		}
		for (k = 0; k < sizeof(marks) / sizeof(marks[0]); k++)
			if (marks[k].cp == cp)
				break;
		if (k == sizeof(marks) / sizeof(marks[0]) || len >= 7)
			return -1;
		if (marks[k].tone) {
			if (*tone)
				return -1;
			*tone = marks[k].tone;
		}
		base[len++] = marks[k].c;
	}
	base[len] = '\0';
	return len ? 0 : -1;
}

static int reading_of(const char *s, size_t n, uint16_t *r)
{
	char base[8];
	int tone;

	if (parse_syllable(s, n, base, &tone) < 0)
		return -1;
	*r = REG_READING(syl_id(base), tone);
	return 0;
}

static void add_unique(uint16_t *v, uint8_t *n, size_t max, uint16_t r)
{
	uint8_t i;

	for (i = 0; i < *n; i++)
		if (v[i] == r)
			return;
	if (*n < max)
		v[(*n)++] = r;
}

/* Readings in a Unihan value: space-separated tokens, each "loc:r1,r2" or
 * a bare reading; the readings follow the last colon. */
static void each_reading(const char *val, void (*fn)(struct chr *, uint16_t), struct chr *c)
{
	const char *p = val;

	while (*p) {
		const char *end = strchr(p, ' '), *colon, *q;
		size_t n;

		if (!end)
			end = p + strlen(p);
		colon = NULL;
		for (q = p; q < end; q++)
			if (*q == ':')
				colon = q;
		q = colon ? colon + 1 : p;
		while (q < end) {
			const char *comma = memchr(q, ',', (size_t)(end - q));
			uint16_t r;

			n = (size_t)((comma ? comma : end) - q);
			if (reading_of(q, n, &r) == 0)
				fn(c, r);
			q = comma ? comma + 1 : end;
		}
		p = *end ? end + 1 : end;
	}
}

static void on_tghz(struct chr *c, uint16_t r)
{
	add_unique(c->tghz, &c->ntghz, MAX_READINGS, r);
	add_unique(c->all, &c->nall, 2 * MAX_READINGS, r);
	add_unique(c->poly, &c->npoly, 2 * MAX_READINGS, r);
}

static void on_xhc(struct chr *c, uint16_t r)
{
	add_unique(c->all, &c->nall, 2 * MAX_READINGS, r);
	add_unique(c->poly, &c->npoly, 2 * MAX_READINGS, r);
}

static void on_other(struct chr *c, uint16_t r)
{
	add_unique(c->all, &c->nall, 2 * MAX_READINGS, r);
}

static void on_mandarin(struct chr *c, uint16_t r)
{
	if (!c->mandarin)
		c->mandarin = r;
	add_unique(c->all, &c->nall, 2 * MAX_READINGS, r);
}

static uint32_t parse_ucs(const char *s, const char **end)
{
	char *e;
	unsigned long v;

	if (strncmp(s, "U+", 2))
		return 0;
	v = strtoul(s + 2, &e, 16);
	if (end)
		*end = e;
	return v < MAX_CP ? (uint32_t)v : 0;
}

static void read_unihan(FILE *in)
{
	char line[4096];
	long nlines = 0;

	while (fgets(line, sizeof(line), in)) {
		char *field, *val, *nl;
		uint32_t cp;
		struct chr *c;

		if (line[0] != 'U')
			continue;
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		field = strchr(line, '\t');
		if (!field)
			continue;
		*field++ = '\0';
		val = strchr(field, '\t');
		if (!val)
			continue;
		*val++ = '\0';
		cp = parse_ucs(line, NULL);
		if (!cp)
			continue;
		c = &chars[cp];
		nlines++;
		if (!strcmp(field, "kMandarin")) {
			each_reading(val, on_mandarin, c);
		} else if (!strcmp(field, "kTGHZ2013")) {
			each_reading(val, on_tghz, c);
		} else if (!strcmp(field, "kXHC1983")) {
			each_reading(val, on_xhc, c);
		} else if (!strcmp(field, "kHanyuPinyin")) {
			each_reading(val, on_other, c);
		} else if (!strcmp(field, "kTGH")) {
			/* "2013:NNNN": 1-3500 level 1, 3501-6500 level 2, then 3. */
			long n = strtol(val + 5, NULL, 10);

			c->tgh = n <= 3500 ? 1 : n <= 6500 ? 2 : 3;
		} else if (!strcmp(field, "kSimplifiedVariant")) {
			const char *p = val;

			while (*p && !c->simplified) {
				uint32_t to = parse_ucs(p, &p);

				if (!to)
					break;
				if (to != cp)
					c->simplified = to;
				while (*p == ' ')
					p++;
			}
		} else if (!strcmp(field, "kTraditionalVariant")) {
			const char *p = val;

			while (*p) {
				uint32_t to = parse_ucs(p, &p);

				if (!to)
					break;
				if (to != cp)
					c->simp_other = 1;
				while (*p == ' ')
					p++;
			}
		} else if (!strcmp(field, "kSemanticVariant") || !strcmp(field, "kZVariant")) {
			const char *p = val;

			while (*p) {
				uint32_t to = parse_ucs(p, &p);

				if (!to)
					break;
				if (to != cp && c->nvariant < 4)
					c->variant_of[c->nvariant++] = to;
				while (*p && *p != ' ')
					p++;  /* skip "<kSource,..." */
				while (*p == ' ')
					p++;
			}
		}
	}
	if (nlines < 100000)
		die("stdin: only %ld Unihan lines (expected the bzcat of Unihan_Readings, "
		    "Unihan_OtherMappings and Unihan_Variants)", nlines);
}

static uint16_t general_reading(const struct chr *c)
{
	uint8_t i;

	if (!c->mandarin)
		return c->ntghz ? c->tghz[0] : 0;
	if (!c->ntghz)
		return c->mandarin;
	for (i = 0; i < c->ntghz; i++)
		if (c->tghz[i] == c->mandarin)
			return c->mandarin;
	return c->tghz[0];
}

/* The standard form of a character outside the 通用规范汉字表, or 0. */
static uint32_t standard_form(uint32_t cp, int *variant)
{
	const struct chr *c = &chars[cp];
	uint8_t i;

	*variant = 0;
	if (c->tgh)
		return 0;
	if (c->simplified && chars[c->simplified].tgh)
		return c->simplified;
	for (i = 0; i < c->nvariant; i++) {
		uint32_t t = c->variant_of[i];

		*variant = 1;
		if (chars[t].tgh)
			return t;
		if (chars[t].simplified && chars[chars[t].simplified].tgh)
			return chars[t].simplified;
	}
	*variant = 0;
	return 0;
}

static unsigned hz_flags(uint32_t cp)
{
	const struct chr *c = &chars[cp];
	int variant;

	return (c->npoly > 1 ? REG_HZ_POLY : 0) | (c->simplified ? REG_HZ_TRAD : 0) |
	       (c->simp_other ? REG_HZ_SIMP : 0) | (c->place_start ? REG_HZ_PLACE : 0) |
	       (c->word_start ? REG_HZ_WORD : 0) |
	       (standard_form(cp, &variant) && variant ? REG_HZ_VARIANT : 0);
}

/* ---- data files ---- */

struct word {
	char *text;
	size_t len;
	unsigned nchars;
	uint16_t readings[16];
	unsigned nsyl;
	unsigned breaks;
	unsigned kinds;
};

struct list {
	const char *name;
	struct word *v;
	size_t n, cap;
};

static uint16_t *pool;
static size_t npool, cappool;

static int cmp_word(const void *a, const void *b)
{
	const struct word *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->text, y->text, n);

	if (c)
		return c;
	return x->len < y->len ? -1 : x->len > y->len;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static const struct {
	const char *name;
	unsigned bit;
} families[] = {
	{ "natural-village", REG_FAM_NATURAL_VILLAGE },
	{ "community", REG_FAM_COMMUNITY },
	{ "township", REG_FAM_TOWNSHIP },
	{ "division", REG_FAM_DIVISION },
	{ "street", REG_FAM_STREET },
	{ "nature", REG_FAM_NATURE },
	{ "facility", REG_FAM_FACILITY },
	{ "building", REG_FAM_BUILDING },
};

static unsigned parse_kinds(const char *path, long ln, char *s)
{
	unsigned bits = 0;
	char *tok, *save = NULL;

	for (tok = strtok_r(s, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < sizeof(families) / sizeof(families[0]); i++)
			if (!strcmp(tok, families[i].name))
				break;
		if (i == sizeof(families) / sizeof(families[0]))
			die("%s:%ld: unknown kind '%s'", path, ln, tok);
		bits |= families[i].bit;
	}
	if (!bits)
		die("%s:%ld: no kind", path, ln);
	return bits;
}

/* Split a line into tab-separated fields in place; returns the count. */
static int split_tabs(char *s, char **f, int max)
{
	int n = 0;

	while (n < max) {
		char *t = strchr(s, '\t');

		f[n++] = s;
		if (!t)
			break;
		*t = '\0';
		s = t + 1;
	}
	return n;
}

enum kind { L_WORDS, L_READINGS, L_ETHNIC, L_GENERICS, L_CLASSES };

/* Does the character at cp have base syllable `base` among its readings? */
static int char_has_base(uint32_t cp, uint16_t r)
{
	const struct chr *c = &chars[cp];
	uint8_t i;

	for (i = 0; i < c->nall; i++)
		if (REG_READING_SYL(c->all[i]) == REG_READING_SYL(r))
			return 1;
	return c->nall == 0 && !c->mandarin;
}

static void read_list(struct list *l, const char *path, enum kind kind)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	long ln = 0;

	if (!f)
		die("%s: cannot open", path);
	while (fgets(line, sizeof(line), f)) {
		char *fld[4], *nl;
		int nf;
		struct word w;
		size_t i;
		uint32_t cps[64];

		ln++;
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (utf8_invalid_at(line, strlen(line)) != (size_t)-1)
			die("%s:%ld: invalid UTF-8", path, ln);
		memset(&w, 0, sizeof(w));
		nf = split_tabs(line, fld, 4);
		if (kind == L_WORDS && nf != 1)
			die("%s:%ld: expected one word", path, ln);
		if (kind == L_READINGS && nf != 3)
			die("%s:%ld: expected name, pinyin and source", path, ln);
		if ((kind == L_GENERICS && nf != 3) || (kind == L_CLASSES && nf != 2) ||
		    (kind == L_ETHNIC && nf != 2))
			die("%s:%ld: expected %d fields, found %d", path, ln,
			    kind == L_GENERICS ? 3 : 2, nf);
		w.len = strlen(fld[0]);
		if (!w.len || w.len > 60)
			die("%s:%ld: empty or too long name", path, ln);
		for (i = 0; i < w.len;) {
			size_t m = utf8_decode(fld[0] + i, w.len - i, &cps[w.nchars]);

			if (!m || w.nchars >= 63)
				die("%s:%ld: bad name", path, ln);
			i += m;
			w.nchars++;
		}
		w.text = strdup(fld[0]);
		if (kind == L_READINGS || kind == L_ETHNIC || kind == L_GENERICS) {
			char *p = fld[1];

			while (*p) {
				char *sp = strchr(p, ' ');
				size_t n = sp ? (size_t)(sp - p) : strlen(p);
				char base[8];
				int tone;

				if (n == 1 && *p == '/' && kind == L_GENERICS) {
					if (!w.nsyl)
						die("%s:%ld: '/' before the first syllable", path, ln);
					w.breaks |= 1u << w.nsyl;
				} else if (n) {
					if (parse_syllable(p, n, base, &tone) < 0 || w.nsyl >= 8)
						die("%s:%ld: not a pinyin syllable: '%.*s'", path, ln,
						    (int)n, p);
					if (!syl_known(base))
						die("%s:%ld: '%s' is no Mandarin syllable in Unihan",
						    path, ln, base);
					w.readings[w.nsyl++] = REG_READING(syl_id(base), tone);
				}
				p += n;
				while (*p == ' ')
					p++;
			}
			if (w.nsyl != w.nchars)
				die("%s:%ld: %u syllables for %u characters", path, ln, w.nsyl,
				    w.nchars);
			/* A reading Unihan does not know is most likely a typo; a
			 * real one says so in its source note. */
			for (i = 0; i < w.nsyl; i++)
				if (!char_has_base(cps[i], w.readings[i]) &&
				    !(kind == L_READINGS && strstr(fld[2], "not in Unihan")))
					die("%s:%ld: Unihan has no reading '%s' for character %zu "
					    "(say \"not in Unihan\" in the note if it is right)",
					    path, ln, syls[REG_READING_SYL(w.readings[i]) - 1], i + 1);
			if (kind == L_READINGS)
				chars[cps[0]].place_start = 1;
		}
		if (kind == L_WORDS && cps[0] < MAX_CP)
			chars[cps[0]].word_start = 1;
		if (kind == L_GENERICS)
			w.kinds = parse_kinds(path, ln, fld[2]);
		if (kind == L_CLASSES)
			w.kinds = parse_kinds(path, ln, fld[1]);
		for (i = 0; i < l->n; i++)
			if (l->v[i].len == w.len && !memcmp(l->v[i].text, w.text, w.len))
				die("%s:%ld: '%s' is listed twice", path, ln, w.text);
		if (l->n == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 64;
			l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
		}
		l->v[l->n++] = w;
	}
	fclose(f);
	if (!l->n)
		die("%s: no entries", path);
}

/* ---- output ---- */

static unsigned *syl_rank;  /* provisional id - 1 -> sorted index */

static uint16_t renumber(uint16_t r)
{
	if (!r)
		return 0;
	return REG_READING(syl_rank[REG_READING_SYL(r) - 1], REG_READING_TONE(r));
}

static void put_cstring(const char *s, size_t n)
{
	size_t i;

	putchar('"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\' || c == '?')
			printf("\\%03o", c);
		else
			putchar(c);
	}
	putchar('"');
}

static void put_list(const char *cname, struct list *l)
{
	size_t i;
	unsigned j, maxchars = 0;

	qsort(l->v, l->n, sizeof(*l->v), cmp_word);
	printf("\nstatic const struct reg_word %s_words[] = {\n", cname);
	for (i = 0; i < l->n; i++) {
		struct word *w = &l->v[i];

		if (npool + w->nsyl > 65535)
			die("reading pool overflow");
		printf("\t{ ");
		put_cstring(w->text, w->len);
		printf(", %zu, %zu, %u, %u, %u, %u },\n", w->len, w->nsyl ? npool : 0,
		       w->nchars, w->nsyl, w->breaks, w->kinds);
		for (j = 0; j < w->nsyl; j++) {
			if (npool == cappool) {
				cappool = cappool ? cappool * 2 : 4096;
				pool = xrealloc(pool, cappool * sizeof(*pool));
			}
			pool[npool++] = renumber(w->readings[j]);
		}
		if (w->nchars > maxchars)
			maxchars = w->nchars;
	}
	printf("};\nconst struct reg_word_list %s = { %s_words, %zu, %u };\n", cname, cname,
	       l->n, maxchars);
}

int main(int argc, char **argv)
{
	struct list place = { "place", NULL, 0, 0 }, generics = { "generics", NULL, 0, 0 };
	struct list ethnic = { "ethnic", NULL, 0, 0 }, classes = { "classes", NULL, 0, 0 };
	struct list words[8];
	const char *wordnames[8];
	size_t nwords = 0, i;
	char **sorted;
	uint32_t cp;
	int a;

	chars = calloc(MAX_CP, sizeof(*chars));
	if (!chars)
		die("out of memory");
	read_unihan(stdin);
	memset(words, 0, sizeof(words));
	for (a = 1; a < argc; a++) {
		if (a + 1 < argc && !strcmp(argv[a], "--place")) {
			read_list(&place, argv[++a], L_READINGS);
		} else if (a + 1 < argc && !strcmp(argv[a], "--generics")) {
			read_list(&generics, argv[++a], L_GENERICS);
		} else if (a + 1 < argc && !strcmp(argv[a], "--ethnic")) {
			read_list(&ethnic, argv[++a], L_ETHNIC);
		} else if (a + 1 < argc && !strcmp(argv[a], "--classes")) {
			read_list(&classes, argv[++a], L_CLASSES);
		} else if (a + 2 < argc && !strcmp(argv[a], "--words") && nwords < 8) {
			wordnames[nwords] = argv[a + 1];
			read_list(&words[nwords++], argv[a + 2], L_WORDS);
			a += 2;
		} else {
			die("usage: gen_tables [--place F] [--generics F] [--ethnic F] "
			    "[--classes F] [--words NAME F]... < unihan");
		}
	}

	/* Sort the syllables and rank the provisional ids. */
	sorted = xrealloc(NULL, nsyls * sizeof(*sorted));
	memcpy(sorted, syls, nsyls * sizeof(*sorted));
	qsort(sorted, nsyls, sizeof(*sorted), cmp_str);
	syl_rank = xrealloc(NULL, nsyls * sizeof(*syl_rank));
	for (i = 0; i < nsyls; i++) {
		size_t lo = 0, hi = nsyls;

		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (strcmp(sorted[mid], syls[i]) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		syl_rank[i] = (unsigned)lo + 1;
	}

	printf("/* Generated by tools/gen_tables.c from Unicode's Unihan database and\n"
	       " * the files in data/ (see data/README.md).  Do not edit. */\n"
	       "#include \"registry/reg_tables.h\"\n\n");
	printf("const char *const reg_syllables[] = {\n\t\"\",\n");
	for (i = 0; i < nsyls; i++)
		printf("\t\"%s\",\n", sorted[i]);
	printf("};\nconst size_t reg_syllables_n = %zu;\n", nsyls + 1);

	printf("\nconst struct reg_hz reg_hz_dense[] = {\n");
	for (cp = REG_HZ_DENSE_FIRST; cp <= REG_HZ_DENSE_LAST; cp++)
		printf("\t{ %u, %u, %u },\n", renumber(general_reading(&chars[cp])), hz_flags(cp),
		       chars[cp].tgh);
	printf("};\n\nconst struct reg_hz_sparse reg_hz_sparse[] = {\n");
	{
		size_t n = 0;

		for (cp = 1; cp < MAX_CP; cp++) {
			unsigned flags;
			uint16_t r;

			if (cp >= REG_HZ_DENSE_FIRST && cp <= REG_HZ_DENSE_LAST)
				continue;
			flags = hz_flags(cp);
			r = renumber(general_reading(&chars[cp]));
			if (!r && !flags && !chars[cp].tgh)
				continue;
			printf("\t{ 0x%X, { %u, %u, %u } },\n", cp, r, flags, chars[cp].tgh);
			n++;
		}
		printf("};\nconst size_t reg_hz_sparse_n = %zu;\n", n);
	}
	printf("\nconst struct reg_cp_map reg_hz_standard[] = {\n");
	{
		size_t n = 0;

		for (cp = 1; cp < MAX_CP; cp++) {
			int variant;
			uint32_t to = standard_form(cp, &variant);

			if (!to)
				continue;
			printf("\t{ 0x%X, 0x%X },\n", cp, to);
			n++;
		}
		printf("};\nconst size_t reg_hz_standard_n = %zu;\n", n);
	}

	put_list("reg_list_place", &place);
	put_list("reg_list_generics", &generics);
	put_list("reg_list_ethnic", &ethnic);
	put_list("reg_list_classes", &classes);
	for (i = 0; i < nwords; i++) {
		char cname[64];

		snprintf(cname, sizeof(cname), "reg_list_%s", wordnames[i]);
		for (char *p = cname; *p; p++)
			if (*p == '-')
				*p = '_';
		put_list(cname, &words[i]);
	}
	printf("\nconst uint16_t reg_word_readings[] = {\n");
	for (i = 0; i < npool; i++)
		printf("%s%u,%s", i % 16 ? " " : "\t", pool[i], i % 16 == 15 ? "\n" : "");
	printf("%s0\n};\n", npool % 16 ? "\n\t" : "\t");
	if (fflush(stdout) || ferror(stdout))
		die("write error");
	return 0;
}
