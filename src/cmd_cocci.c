// SPDX-License-Identifier: GPL-2.0
/*
 * cocci: render the Coccinelle scripts of cocci/ for a spec into a
 * directory, ready for spatch or the kernel's `make coccicheck COCCI=`.
 * `make` renders them for the built-in spec into build/cocci/. DIR gets
 * the new set whole or keeps the old one (src/outfile.c).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cocci.h"
#include "ioguard.h"

int cmd_cocci(int argc, char **argv)
{
	const char *path = NULL, *out = NULL;
	const struct cli_opt opts[] = {
		{ "--spec", &path }, { "-o", &out }, { NULL },
	};
	struct outdir d;
	struct spec spec;

	if (parse_options(argc, argv, opts) < argc || !out) {
		fprintf(stderr, "usage: ioguard cocci [--spec FILE] -o DIR\n");
		return 2;
	}
	if (load_spec("cocci", &spec, path))
		return 2;
	/* rendered beside DIR, moved in when every file is there */
	if (outdir_open(&d, out)) {
		fprintf(stderr, "ioguard: cocci: cannot write %s: %s\n", out,
			strerror(errno));
		return 2;
	}
	if (cocci_render_all("cocci", &spec, d.tmp)) {
		outdir_abort(&d);
		return 2;
	}
	if (outdir_commit(&d, cocci_output_name)) {
		fprintf(stderr, "ioguard: cocci: cannot write %s: %s\n", out,
			strerror(errno));
		return 2;
	}
	return 0;
}
