// SPDX-License-Identifier: GPL-2.0
/*
 * spec: load a spec (the built-in one by default), report errors as
 * PATH:LINE: message, and print it normalised, one record per line, so
 * that scripts (the Coccinelle rules) can read the one list.
 */
#include <stdio.h>
#include <string.h>

#include "ioguard.h"
#include "spec.h"

static const char *const success_words[] = { "zero", "nonnull", "void" };

int cmd_spec(int argc, char **argv)
{
	const char *path = NULL;
	struct spec spec;
	char err[512];
	int i, j;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--spec") && i + 1 < argc) {
			path = argv[++i];
		} else {
			fprintf(stderr, "usage: ioguard spec [--spec FILE]\n");
			return 2;
		}
	}
	if (path ? spec_load(&spec, path, err, sizeof(err)) :
		   spec_load_default(&spec, err, sizeof(err))) {
		fprintf(stderr, "ioguard: %s\n", err);
		return 2;
	}
	for (i = 0; i < spec.nr; i++) {
		const struct spec_entry *e = &spec.entries[i];

		printf("%s %s", spec_kind_name(e->kind), e->name);
		if (e->kind == SPEC_EXEMPT) {
			printf(" %s\n", e->reason);
			continue;
		}
		for (j = 0; j < e->nargs; j++)
			printf(" %s", spec_role_name(e->roles[j]));
		printf(" success=%s", success_words[e->success]);
		if (e->io_prot)
			printf(" io-prot=%s", e->io_prot);
		putchar('\n');
	}
	return 0;
}
