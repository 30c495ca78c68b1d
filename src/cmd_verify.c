// SPDX-License-Identifier: GPL-2.0
/*
 * verify: prove that a series applies to a pristine tree, passes
 * checkpatch --strict, builds, and leaves the checker nothing to report.
 * The steps live in src/sh/verify.sh; this file finds the backend (for
 * the Kconfig options the series needs) and the checker.
 *
 * Exit: 0 every step passed, 1 a step failed, 2 usage or input error.
 */
#include <stdio.h>
#include <string.h>

#include "arch.h"
#include "gen.h"
#include "ioguard.h"

int cmd_verify(int argc, char **argv)
{
	const char *tree = NULL, *arch = NULL, *abi = NULL, *series = NULL;
	const char *dir, *checker;
	char err[1024];
	char *args[8 + GEN_MAX_WORDS];
	struct gen_backend b;
	int i, n = 0;
	const struct cli_opt opts[] = {
		{ "--tree", &tree }, { "--arch", &arch }, { "--abi", &abi },
		{ "--series", &series }, { NULL }
	};

	if (parse_options(argc, argv, opts) < argc || !tree || !arch ||
	    !series) {
		fprintf(stderr, "usage: ioguard verify --tree DIR --arch ARCH [--abi NAME] --series OUTDIR\n");
		return 2;
	}
	arch = tree_arch_name("verify", tree, arch);
	if (!arch)
		return 2;
	dir = gen_backend_find(arch, abi, err, sizeof(err));
	if (!dir || gen_backend_load(&b, dir, tree, err, sizeof(err))) {
		fprintf(stderr, "ioguard: verify: %s\n", err);
		return 2;
	}
	checker = datadir("build/ioguard-sparse");
	if (!checker) {
		fprintf(stderr, "ioguard: verify: build the checker first (make)\n");
		return 2;
	}
	args[n++] = (char *)libexec("verify.sh");
	args[n++] = (char *)tree;
	args[n++] = (char *)arch;
	args[n++] = (char *)series;
	args[n++] = strdup(checker);
	for (i = 0; i < b.nconfigs; i++)
		args[n++] = b.configs[i];
	args[n] = NULL;
	return run_command(args);
}
