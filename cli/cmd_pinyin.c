/* cmd_pinyin.c - `diming pinyin`: the romanization of a place name. */
#include <string.h>

#include "cli/cli.h"
#include "registry/reg_pinyin.h"

static const char usage[] =
	N_("usage: diming pinyin TEXT [--class C] [--tones | --sign] [--json]\n"
	   "\n"
	   "Print the romanization (罗马字母拼写) of a place name by the 1984 place-name\n"
	   "spelling rules and GB/T 16159-2012: 专名 and 通名 written apart, apostrophes\n"
	   "before a, o and e, place-name readings (地名审音) before general ones.\n"
	   "\n"
	   "  --class C   the name's class or class code; a natural village (自然村)\n"
	   "              is written as one word\n"
	   "  --tones     with tone marks (Lù'ān Shì)\n"
	   "  --sign      sign style: upper case, no tones, apostrophe kept (LU'AN SHI)\n"
	   "  --json      name, romanization, zhuanming, tongming, syllables and\n"
	   "              readings_from (place-table or general)\n");

static int print_json(const char *name, const struct reg_roman *r)
{
	json_t *o = json_object(), *syl = json_array();
	const char *p = r->syllables.data;
	size_t i;

	for (i = 0; i < r->nsyllables; i++) {
		json_array_append_new(syl, json_string(p));
		p += strlen(p) + 1;
	}
	json_object_set_new(o, "name", json_string(name));
	json_object_set_new(o, "romanization", json_string(r->text.data));
	json_object_set_new(o, "zhuanming", json_string(r->zhuanming.data));
	json_object_set_new(o, "tongming", cli_json_str_or_null(r->tongming.data));
	json_object_set_new(o, "syllables", syl);
	json_object_set_new(o, "readings_from",
			    json_string(r->from_place_table ? "place-table" : "general"));
	return cli_json_print(o);
}

int cmd_pinyin(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "class", required_argument, NULL, 'c' },
		{ "tones", no_argument, NULL, 't' },
		{ "sign", no_argument, NULL, 's' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *class_hint = NULL;
	unsigned flags = 0;
	int json = 0, c, rc;
	struct reg_roman r;
	struct err e = ERR_INIT;

	(void)ctx;
	optind = 0;
	while ((c = cli_getopt(argc, argv, "hj", opts, "pinyin")) != -1) {
		switch (c) {
		case 'c':
			class_hint = optarg;
			break;
		case 't':
			flags |= REG_ROMAN_TONES;
			break;
		case 's':
			flags |= REG_ROMAN_SIGN;
			break;
		case 'j':
			json = 1;
			break;
		case 'h':
			return cli_help(_(usage));
		default:
			return 2;
		}
	}
	if (optind >= argc)
		return cli_usage_error("pinyin", _("expected a place name"));
	if (optind + 1 < argc)
		return cli_usage_error("pinyin", _("unexpected argument '%s'"), argv[optind + 1]);
	if ((flags & REG_ROMAN_TONES) && (flags & REG_ROMAN_SIGN))
		return cli_usage_error("pinyin", _("--tones and --sign cannot be used together"));
	if (class_hint && !*class_hint)
		return cli_usage_error("pinyin", _("--class: empty class"));

	reg_roman_init(&r);
	if (reg_pinyin_romanize(argv[optind], class_hint, flags, &r, &e) < 0) {
		rc = cli_fail(&e);
	} else if (json) {
		rc = print_json(argv[optind], &r);
	} else {
		printf("%s\n", r.text.data);
		rc = 0;
	}
	reg_roman_release(&r);
	return rc;
}
