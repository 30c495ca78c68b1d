// SPDX-License-Identifier: GPL-2.0
/*
 * insert: run the Coccinelle scripts (cocci/) over a kernel tree. Patch
 * mode writes one unified diff (or rewrites the tree with --in-place,
 * only when asked); report, context and org modes print what the scripts
 * find. The work is in src/sh/insert.sh; this file checks the arguments
 * so that bad input is one line and exit 2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arch.h"
#include "gen.h"
#include "ioguard.h"
#include "spec.h"

static const char usage[] =
	"usage: ioguard insert --tree DIR [--arch ARCH] [--spec FILE] [-j N]\n"
	"                      [--mode patch|report|context|org] [-o FILE|-|--in-place]\n";

int cmd_insert(int argc, char **argv)
{
	const char *tree = NULL, *arch = "arm64", *mode = "patch", *out = NULL;
	const char *spec = NULL, *jobs = "2", *cocci;
	int inplace = 0;
	char *args[16];
	int n = 0;
	const struct cli_opt opts[] = {
		{ "--tree", &tree }, { "--arch", &arch }, { "--mode", &mode },
		{ "-o", &out }, { "--spec", &spec }, { "-j", &jobs },
		{ "--in-place", NULL, &inplace }, { NULL }
	};

	if (parse_options(argc, argv, opts) < argc || !tree) {
		fputs(usage, stderr);
		return 2;
	}
	if (strcmp(mode, "patch") && strcmp(mode, "report") &&
	    strcmp(mode, "context") && strcmp(mode, "org")) {
		fprintf(stderr, "ioguard: insert: unknown mode '%s' (patch, report, context, org)\n", mode);
		return 2;
	}
	if (!strcmp(mode, "patch") && !out == !inplace) {
		fprintf(stderr, "ioguard: insert: patch mode needs exactly one of -o FILE and --in-place\n");
		return 2;
	}
	if (strcmp(mode, "patch") && (out || inplace)) {
		fprintf(stderr, "ioguard: insert: -o and --in-place are for patch mode\n");
		return 2;
	}
	if (atoi(jobs) < 1) {
		fprintf(stderr, "ioguard: insert: -j wants a positive number\n");
		return 2;
	}
	arch = tree_arch_name("insert", tree, arch);
	if (!arch)
		return 2;
	if (out && strcmp(out, "-")) {
		FILE *f = fopen(out, "w");

		if (!f) {
			fprintf(stderr, "ioguard: insert: cannot write %s\n", out);
			return 2;
		}
		fclose(f);
	}
	if (spec) {
		if (access(spec, R_OK)) {
			fprintf(stderr, "ioguard: insert: cannot read spec %s\n", spec);
			return 2;
		}
		setenv("IOGUARD_SPEC", spec, 1);
	}
	cocci = datadir("cocci/map_hook.cocci");
	if (!cocci) {
		fprintf(stderr, "ioguard: insert: cannot find cocci/ beside the binary\n");
		return 2;
	}
	cocci = strdup(cocci);
	*strrchr((char *)cocci, '/') = '\0';
	/* A broken spec is one line and exit 2, before spatch starts. */
	{
		struct spec sp;
		char err[512];

		if (spec ? spec_load(&sp, spec, err, sizeof(err)) :
			   spec_load_default(&sp, err, sizeof(err))) {
			fprintf(stderr, "ioguard: %s\n", err);
			return 2;
		}
	}
	args[n++] = (char *)libexec("insert.sh");
	args[n++] = (char *)tree;
	args[n++] = (char *)arch;
	args[n++] = (char *)mode;
	args[n++] = (char *)(out ? out : "-");
	args[n++] = inplace ? "1" : "0";
	args[n++] = (char *)jobs;
	args[n++] = getenv("IOGUARD");
	args[n++] = (char *)cocci;
	args[n] = NULL;
	return run_command(args);
}
