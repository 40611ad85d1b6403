/* imp_survey.c - the 联检 field survey: resurveyed positions, conditions, 方位物.
 *
 * Reads the whole file into memory (a survey is a few thousand rows) and
 * converts every position to CGCS2000 with geo_crs; the checks are
 * registry/reg_inspect.c's.  The first bad field stops the read.
 */
#include "import/imp_survey.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/i18n.h"
#include "geo/geo_inspect.h"
#include "import/imp_csv.h"

struct cols {
	int number, x, y, lon, lat, h, srs, zone, condition, note, photos, boundary;
	int ref_name[REG_INSPECT_REFS], ref_az[REG_INSPECT_REFS], ref_dist[REG_INSPECT_REFS];
};

static void find_cols(const struct imp_csv *c, struct cols *k)
{
	char name[32];
	int i;

	k->number = imp_csv_col(c, "number");
	k->x = imp_csv_col(c, "x");
	k->y = imp_csv_col(c, "y");
	k->lon = imp_csv_col(c, "lon");
	k->lat = imp_csv_col(c, "lat");
	k->h = imp_csv_col(c, "h");
	k->srs = imp_csv_col(c, "srs");
	k->zone = imp_csv_col(c, "zone");
	k->condition = imp_csv_col(c, "condition");
	k->note = imp_csv_col(c, "note");
	k->photos = imp_csv_col(c, "photos");
	k->boundary = imp_csv_col(c, "boundary_code");
	for (i = 0; i < REG_INSPECT_REFS; i++) {
		snprintf(name, sizeof(name), "ref%d_name", i + 1);
		k->ref_name[i] = imp_csv_col(c, name);
		snprintf(name, sizeof(name), "ref%d_azimuth", i + 1);
		k->ref_az[i] = imp_csv_col(c, name);
		snprintf(name, sizeof(name), "ref%d_distance_m", i + 1);
		k->ref_dist[i] = imp_csv_col(c, name);
	}
}

/* A field with leading and trailing blanks removed, copied into out. */
static const char *trimmed(const struct imp_csv *c, int col, char *out, size_t n)
{
	const char *s = imp_csv_get(c, col), *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	snprintf(out, n, "%.*s", (int)(end - s), s);
	return out;
}

static int number_field(const char *where, const char *field, const char *s, double *v,
			struct err *e)
{
	char *end;

	*v = strtod(s, &end);
	if (end == s || *end || !isfinite(*v))
		return err_set(e, ERR_INPUT, _("%s: field '%s': not a number: '%s'"), where,
			       field, s);
	return 0;
}

static char *dup_field(const struct imp_csv *c, int col)
{
	char buf[4096];
	char *s = strdup(trimmed(c, col, buf, sizeof(buf)));

	if (!s)
		abort();
	return s;
}

/* Warn about photo paths that do not exist, relative to the survey. */
static void check_photos(const struct imp_opts *o, const char *where, const char *path,
			 const char *photos)
{
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path + 1) : 0;
	const char *p = photos;

	while (*p) {
		const char *end = strchr(p, ';');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char file[1024];
		struct stat st;

		while (n && *p == ' ') {
			p++;
			n--;
		}
		while (n && p[n - 1] == ' ')
			n--;
		if (n) {
			if (*p == '/')
				snprintf(file, sizeof(file), "%.*s", (int)n, p);
			else
				snprintf(file, sizeof(file), "%.*s%.*s", dirlen, path, (int)n, p);
			if (stat(file, &st) != 0)
				imp_diag(o, IMP_WARNING, _("%s: field 'photos': no such file '%.*s'"),
					 where, (int)n, p);
		}
		if (!end)
			break;
		p = end + 1;
	}
}

static int read_refs(const struct imp_csv *c, const struct cols *k, const char *where,
		     struct reg_survey_row *row, struct err *e)
{
	char name[256], az[64], dist[64], field[32];
	int i;

	for (i = 0; i < REG_INSPECT_REFS; i++) {
		struct reg_survey_ref *ref = &row->ref[row->nref];

		trimmed(c, k->ref_name[i], name, sizeof(name));
		trimmed(c, k->ref_az[i], az, sizeof(az));
		trimmed(c, k->ref_dist[i], dist, sizeof(dist));
		if (!*name && !*az && !*dist)
			continue;
		if (!*name)
			return err_set(e, ERR_INPUT, _("%s: field 'ref%d_name': empty"), where, i + 1);
		if (strlen(name) >= sizeof(ref->name))
			return err_set(e, ERR_INPUT, _("%s: field 'ref%d_name': longer than %zu bytes"),
				       where, i + 1, sizeof(ref->name) - 1);
		memset(ref, 0, sizeof(*ref));
		memcpy(ref->name, name, strlen(name) + 1);
		if (*az) {
			if (geo_dm_parse(az, &ref->azimuth_deg, e) < 0)
				return err_prefix(e, _("%s: field 'ref%d_azimuth': "), where, i + 1);
			ref->has_azimuth = 1;
		}
		if (*dist) {
			snprintf(field, sizeof(field), "ref%d_distance_m", i + 1);
			if (number_field(where, field, dist, &ref->distance_m, e) < 0)
				return -1;
			if (ref->distance_m <= 0)
				return err_set(e, ERR_INPUT, _("%s: field '%s': not a positive distance: '%s'"),
					       where, field, dist);
			ref->has_distance = 1;
		}
		row->nref++;
	}
	return 0;
}

/* Position: x/y (northing/easting) or lon/lat, in srs or detected. */
static int read_position(struct geo_crs_cache *cc, const struct imp_csv *c,
			 const struct cols *k, const char *where, const struct imp_opts *o,
			 struct reg_survey_row *row, char *caveat_seen, size_t caveat_n,
			 struct err *e)
{
	int geographic = k->x < 0;
	const char *fa = geographic ? "lon" : "x", *fb = geographic ? "lat" : "y";
	struct geo_crs_in in = GEO_CRS_IN_INIT;
	struct geo_crs_info info;
	char zone[16];
	double a, b;

	trimmed(c, geographic ? k->lon : k->x, row->x, sizeof(row->x));
	trimmed(c, geographic ? k->lat : k->y, row->y, sizeof(row->y));
	trimmed(c, k->srs, row->srs, sizeof(row->srs));
	if (!*row->x && !*row->y) {
		if (row->condition & REG_COND_LOST)
			return 0;
		return err_set(e, ERR_INPUT,
			       _("%s: fields '%s' '%s': empty (only a 丢失 monument may have no coordinates)"),
			       where, fa, fb);
	}
	if (!*row->x || !*row->y)
		return err_set(e, ERR_INPUT, _("%s: field '%s': empty"), where,
			       *row->x ? fb : fa);
	if (number_field(where, fa, row->x, &a, e) < 0 ||
	    number_field(where, fb, row->y, &b, e) < 0)
		return -1;
	trimmed(c, k->zone, zone, sizeof(zone));
	if (*zone) {
		char *end;
		long z = strtol(zone, &end, 10);

		if (end == zone || *end || z < 1 || z > 60)
			return err_set(e, ERR_INPUT, _("%s: field 'zone': not a zone number: '%s'"),
				       where, zone);
		if (geographic)
			return err_set(e, ERR_INPUT,
				       _("%s: field 'zone': a zone goes with x, y, not lon, lat"), where);
		in.zone = (int)z;
	}
	if (*row->srs)
		in.srs = row->srs;
	else if (geographic)
		in.srs = GEO_SRS_CGCS2000;
	if (geo_crs_to_cgcs(cc, &in, a, b, &row->lon, &row->lat, &info, e) < 0)
		return err_prefix(e, "%s: ", where);
	if (geographic && info.kind == GEO_CRS_PROJECTED)
		return err_set(e, ERR_INPUT,
			       _("%s: fields 'lon' 'lat': %s is a projected system; give its coordinates as x, y"),
			       where, info.srs);
	if (!geographic && info.kind == GEO_CRS_GEOGRAPHIC)
		return err_set(e, ERR_INPUT,
			       _("%s: fields 'x' 'y': %s is geographic; give longitude and latitude as lon, lat (or the Gauss-Krüger srs or zone of x, y)"),
			       where, info.srs);
	if (!*row->srs)
		snprintf(row->srs, sizeof(row->srs), "%s", info.srs);
	if (info.caveat && strcmp(caveat_seen, info.srs)) {
		imp_diag(o, IMP_WARNING, "%s: %s", where, info.caveat_msg);
		snprintf(caveat_seen, caveat_n, "%s", info.srs);
	}
	row->has_pos = 1;
	return 0;
}

static int read_row(struct geo_crs_cache *cc, const struct imp_csv *c, const struct cols *k,
		    const char *path, const struct imp_opts *o, struct reg_survey_row *row,
		    char *caveat_seen, size_t caveat_n, struct err *e)
{
	char where[600], buf[256];

	snprintf(where, sizeof(where), "%s:%ld", path, c->line);
	row->line = c->line;
	trimmed(c, k->number, buf, sizeof(buf));
	if (!*buf)
		return err_set(e, ERR_INPUT, _("%s: field 'number': empty"), where);
	if (strlen(buf) >= sizeof(row->number))
		return err_set(e, ERR_INPUT, _("%s: field 'number': longer than %zu bytes: '%s'"),
			       where, sizeof(row->number) - 1, buf);
	memcpy(row->number, buf, strlen(buf) + 1);
	trimmed(c, k->boundary, buf, sizeof(buf));
	if (strlen(buf) >= sizeof(row->boundary_code))
		return err_set(e, ERR_INPUT, _("%s: field 'boundary_code': too long: '%s'"), where, buf);
	memcpy(row->boundary_code, buf, strlen(buf) + 1);
	trimmed(c, k->condition, buf, sizeof(buf));
	if (reg_condition_parse(buf, &row->condition, e) < 0)
		return err_prefix(e, _("%s: field 'condition': "), where);
	if (read_position(cc, c, k, where, o, row, caveat_seen, caveat_n, e) < 0)
		return -1;
	trimmed(c, k->h, buf, sizeof(buf));
	if (*buf) {
		if (number_field(where, "h", buf, &row->h, e) < 0)
			return -1;
		if (row->h < -500 || row->h > 9000)
			return err_set(e, ERR_INPUT, _("%s: field 'h': not a height in China (-500..9000 m): '%s'"),
				       where, buf);
		row->has_h = 1;
	}
	if (read_refs(c, k, where, row, e) < 0)
		return -1;
	row->note = dup_field(c, k->note);
	row->photos = dup_field(c, k->photos);
	check_photos(o, where, path, row->photos);
	return 0;
}

int imp_survey_read(struct geo_crs_cache *cc, const char *path, const struct imp_opts *o,
		    struct reg_survey *s, struct err *e)
{
	struct buf text = BUF_INIT;
	struct imp_csv c;
	struct cols k;
	char caveat_seen[64] = "";
	int rc;

	snprintf(s->path, sizeof(s->path), "%s", path);
	if (imp_read_text(path, o ? o->encoding : NULL, &text, e) < 0)
		return -1;
	if (imp_csv_open(&c, path, &text, e) < 0) {
		buf_release(&text);
		return -1;
	}
	buf_release(&text);
	{
		/* one row a line at most: reserve them all at once */
		size_t lines = 1, i;

		for (i = 0; i < c.len; i++)
			lines += c.text[i] == '\n';
		reg_survey_reserve(s, lines);
	}
	find_cols(&c, &k);
	if (k.number < 0 || k.condition < 0 ||
	    !((k.x >= 0 && k.y >= 0) || (k.lon >= 0 && k.lat >= 0))) {
		imp_csv_close(&c);
		reg_survey_release(s);
		return err_set(e, ERR_INPUT,
			       _("%s:1: header must name 'number', 'condition' and 'x','y' or 'lon','lat'"),
			       path);
	}
	if (k.x >= 0 && k.lon >= 0) {
		imp_csv_close(&c);
		reg_survey_release(s);
		return err_set(e, ERR_INPUT, _("%s:1: header names both 'x','y' and 'lon','lat'"),
			       path);
	}
	while ((rc = imp_csv_next(&c, e)) == 1) {
		struct reg_survey_row *row = reg_survey_add(s);

		if (read_row(cc, &c, &k, path, o, row, caveat_seen, sizeof(caveat_seen), e) < 0) {
			rc = -1;
			break;
		}
		if (s->n % 10000 == 0)
			imp_progress(o, (long)s->n);
	}
	imp_csv_close(&c);
	if (rc < 0) {
		reg_survey_release(s);
		return -1;
	}
	imp_progress(o, (long)s->n);
	return 0;
}
