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

#include "gen.h"
#include "ioguard.h"
#include "spec.h"

static const char usage[] =
	"usage: ioguard insert --tree DIR [--arch ARCH] [--spec FILE] [-j N]\n"
	"                      [--mode patch|report|context|org] [-o FILE|-|--in-place]\n";

int cmd_insert(int argc, char **argv)
{
	const char *tree = NULL, *arch = "arm64", *mode = "patch", *out = NULL;
	const char *spec = NULL, *jobs = "2", *cocci, *self;
	int inplace = 0, i;
	char *args[16];
	int n = 0;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (i + 1 < argc && !strcmp(a, "--tree"))
			tree = argv[++i];
		else if (i + 1 < argc && !strcmp(a, "--arch"))
			arch = argv[++i];
		else if (i + 1 < argc && !strcmp(a, "--mode"))
			mode = argv[++i];
		else if (i + 1 < argc && !strcmp(a, "-o"))
			out = argv[++i];
		else if (i + 1 < argc && !strcmp(a, "--spec"))
			spec = argv[++i];
		else if (i + 1 < argc && !strcmp(a, "-j"))
			jobs = argv[++i];
		else if (!strcmp(a, "--in-place"))
			inplace = 1;
		else
			break;
	}
	if (i < argc || !tree) {
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
	if (!gen_is_tree(tree)) {
		fprintf(stderr, "ioguard: insert: '%s' is not a kernel tree\n", tree);
		return 2;
	}
	if (!gen_arch_name(arch)) {
		fprintf(stderr, "ioguard: insert: unknown arch '%s' (arm64, x86_64, riscv)\n", arch);
		return 2;
	}
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
	self = datadir("build/ioguard");
	if (self)
		setenv("IOGUARD", self, 0);
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
	args[n++] = (char *)gen_arch_name(arch);
	args[n++] = (char *)mode;
	args[n++] = (char *)(out ? out : "-");
	args[n++] = inplace ? "1" : "0";
	args[n++] = (char *)jobs;
	args[n++] = (char *)(self ? self : "ioguard");
	args[n++] = (char *)cocci;
	args[n] = NULL;
	return run_command(args);
}
