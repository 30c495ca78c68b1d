// SPDX-License-Identifier: GPL-2.0
/*
 * cocci: render the Coccinelle scripts of cocci/ for a spec into a
 * directory, ready for spatch or the kernel's `make coccicheck COCCI=`.
 * `make` renders them for the built-in spec into build/cocci/.
 */
#include <stdio.h>

#include "cocci.h"
#include "ioguard.h"

int cmd_cocci(int argc, char **argv)
{
	const char *path = NULL, *out = NULL;
	const struct cli_opt opts[] = {
		{ "--spec", &path }, { "-o", &out }, { NULL },
	};
	struct spec spec;

	if (parse_options(argc, argv, opts) < argc || !out) {
		fprintf(stderr, "usage: ioguard cocci [--spec FILE] -o DIR\n");
		return 2;
	}
	if (load_spec("cocci", &spec, path) ||
	    cocci_render_all("cocci", &spec, out))
		return 2;
	return 0;
}
