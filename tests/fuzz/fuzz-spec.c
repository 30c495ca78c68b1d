// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the spec parser (spec/spec.c) on any text. Besides
 * the sanitizers' own checks it asserts what the commands rely on:
 *
 * - an error is one line naming "PATH:LINE:", printable ASCII only;
 * - a spec that parses prints (spec_print) to a normalised text that
 *   parses again to the same text, with every name found by spec_find;
 * - spec_free() releases all of it (LeakSanitizer).
 *
 * make fuzz runs it; tests/fuzz/spec/ is its corpus.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

#define ASSERT(cond, what) \
	do { if (!(cond)) { fprintf(stderr, "fuzz-spec: %s\n", what); abort(); } } while (0)

/* The built-in spec is linked in; the parser is what is fuzzed. */
static char *print(const struct spec *spec)
{
	char *text = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);

	ASSERT(f, "open_memstream");
	spec_print(f, spec);
	fclose(f);
	return text;
}

static void check_error(const char *err)
{
	const char *p;

	ASSERT(!strncmp(err, "fuzz.spec:", 10), "an error without PATH:LINE");
	for (p = err; *p; p++)
		ASSERT(*p >= 0x20 && *p < 0x7f, "an error with a control or non-ASCII byte");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512], *text = malloc(size + 1), *once, *twice;
	struct spec spec, again;
	int i;

	memcpy(text, data, size);
	text[size] = '\0';
	if (spec_parse(&spec, "fuzz.spec", text, err, sizeof(err))) {
		check_error(err);
	} else {
		for (i = 0; i < spec.nr; i++)
			ASSERT(spec_find(&spec, spec.entries[i].name) == &spec.entries[i],
			       "spec_find misses a record");
		ASSERT(spec_hook(&spec, SPEC_HOOK_MAP), "parsed without a hook-map");
		once = print(&spec);
		ASSERT(!spec_parse(&again, "fuzz.spec", once, err, sizeof(err)),
		       "the normalised spec does not parse");
		twice = print(&again);
		ASSERT(!strcmp(once, twice), "normalising twice changes the spec");
		spec_free(&again);
		free(once);
		free(twice);
	}
	spec_free(&spec);
	free(text);
	return 0;
}
