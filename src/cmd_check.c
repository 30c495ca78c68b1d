// SPDX-License-Identifier: GPL-2.0
/*
 * check: ioguard-sparse through kbuild (C=2 CHECK=) over directories and
 * objects of a kernel tree, findings printed sorted and once each. The
 * work is src/sh/kbuild-check.sh, which `make run`, ci/ioguard-gate.sh,
 * verify's check step and tests/kernel all run; this file checks the
 * arguments so that bad input is one line and exit 2.
 *
 * Exit: 0 no finding, 1 findings, 2 usage or input error, kbuild failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "arch.h"
#include "ioguard.h"

#define MAX_PATHS 64

static const char usage[] =
	"usage: ioguard check --tree DIR --arch ARCH --build DIR [--log FILE] [PATH...]\n";

const char *checker_path(const char *cmd)
{
	const char *path = getenv("IOGUARD_SPARSE");

	if (!path)
		path = datadir("build/ioguard-sparse");
	if (!path || access(path, X_OK)) {
		fprintf(stderr, "ioguard: %s: no checker at %s (run make, or set IOGUARD_SPARSE)\n",
			cmd, path ? path : "build/ioguard-sparse");
		return NULL;
	}
	return path;
}

int cmd_check(int argc, char **argv)
{
	const char *tree = NULL, *arch = NULL, *build = NULL, *log = "-";
	const char *checker;
	char *args[6 + MAX_PATHS + 1];
	int first, i, n = 0;
	const struct cli_opt opts[] = {
		{ "--tree", &tree }, { "--arch", &arch }, { "--build", &build },
		{ "--log", &log }, { NULL }
	};

	first = parse_options(argc, argv, opts);
	for (i = first; i < argc; i++)
		if (argv[i][0] == '-')
			break;
	if (i < argc || !tree || !arch || !build || argc - first > MAX_PATHS) {
		fputs(usage, stderr);
		return 2;
	}
	arch = tree_arch_name("check", tree, arch);
	checker = arch ? checker_path("check") : NULL;
	if (!checker)
		return 2;
	args[n++] = (char *)libexec("kbuild-check.sh");
	args[n++] = (char *)tree;
	args[n++] = (char *)arch;
	args[n++] = (char *)build;
	args[n++] = (char *)checker;
	args[n++] = (char *)log;
	for (i = first; i < argc; i++)
		args[n++] = argv[i];
	args[n] = NULL;
	n = run_command(args);
	return n > 2 ? 2 : n;
}
