// SPDX-License-Identifier: GPL-2.0
/*
 * spec: load a spec (the built-in one by default), report errors as
 * PATH:LINE: message, and print it normalised, one record per line.
 */
#include <stdio.h>

#include "ioguard.h"
#include "spec.h"

int cmd_spec(int argc, char **argv)
{
	const char *path = NULL;
	const struct cli_opt opts[] = { { "--spec", &path }, { NULL } };
	struct spec spec;

	if (parse_options(argc, argv, opts) < argc) {
		fprintf(stderr, "usage: ioguard spec [--spec FILE]\n");
		return 2;
	}
	if (load_spec("spec", &spec, path))
		return 2;
	spec_print(stdout, &spec);
	return 0;
}

/* The spec a command runs with: FILE, or the built-in one when NULL. */
int load_spec(const char *cmd, struct spec *spec, const char *path)
{
	char err[512];

	if (path ? spec_load(spec, path, err, sizeof(err)) :
		   spec_load_default(spec, err, sizeof(err))) {
		fprintf(stderr, "ioguard: %s: %s\n", cmd, err);
		return -1;
	}
	return 0;
}
