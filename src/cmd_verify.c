// SPDX-License-Identifier: GPL-2.0
/*
 * verify: prove that a series applies to a pristine tree, passes
 * checkpatch --strict, builds, and leaves the checker nothing to report.
 * The steps live in src/sh/verify.sh; verify_series() gives it the
 * backend's Kconfig options and the checker, for `ioguard verify` and
 * for gen, which has the backend loaded already.
 *
 * --run adds a step: the series' KUnit tests, built with the tree's
 * kunit.py and run in QEMU (src/sh/kunit-run.sh).
 *
 * Exit: 0 every step passed, 1 a step failed, 2 usage or input error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "gen.h"
#include "ioguard.h"

/* --run: the KUnit kernel's options, for verify.sh's kunit step. */
static void want_kunit(const struct gen_backend *b)
{
	char opts[4096] = "";
	int i;

	for (i = 0; i < b->nkunit; i++)
		if (gen_selected(b, b->kunit_variant[i]))
			snprintf(opts + strlen(opts), sizeof(opts) - strlen(opts),
				 "%s%s", *opts ? " " : "", b->kunit[i]);
	setenv("IOGUARD_KUNIT", opts, 1);
}

int verify_series(const struct gen_backend *b, const char *tree,
		  const char *series, int run)
{
	const char *checker = checker_path("verify");
	char *args[6 + GEN_MAX_WORDS], with_spec[8192];
	int i, n = 0;

	if (run && b->nkunit)
		want_kunit(b);
	else if (run) {
		fprintf(stderr, "ioguard: verify: backend %s has no KUnit tests to run\n",
			b->name);
		return 2;
	}

	if (!checker)
		return 2;
	if (b->spec) {	/* kbuild's CHECK= is one string of words */
		snprintf(with_spec, sizeof(with_spec), "%s --ioguard-spec=%s",
			 checker, b->spec);
		checker = with_spec;
	}
	args[n++] = (char *)libexec("verify.sh");
	args[n++] = (char *)tree;
	args[n++] = b->arch;
	args[n++] = (char *)series;
	args[n++] = (char *)checker;
	for (i = 0; i < b->nconfigs; i++)
		args[n++] = b->configs[i];
	args[n] = NULL;
	return run_command(args);
}

int cmd_verify(int argc, char **argv)
{
	const char *tree = NULL, *arch = NULL, *abi = NULL, *series = NULL;
	const char *spec = NULL;
	struct gen_backend *b;
	int run = 0;
	const struct cli_opt opts[] = {
		{ "--tree", &tree }, { "--arch", &arch }, { "--abi", &abi },
		{ "--series", &series }, { "--spec", &spec },
		{ "--run", NULL, &run }, { NULL }
	};

	if (parse_options(argc, argv, opts) < argc || !tree || !arch ||
	    !series) {
		fprintf(stderr, "usage: ioguard verify --tree DIR --arch ARCH [--abi NAME] [--spec FILE] [--run] --series OUTDIR\n");
		return 2;
	}
	arch = tree_arch_name("verify", tree, arch);
	if (!arch || !(b = gen_backend_open("verify", tree, arch, abi)))
		return 2;
	b->spec = spec;
	return verify_series(b, tree, series, run);
}
