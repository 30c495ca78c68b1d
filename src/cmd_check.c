// SPDX-License-Identifier: GPL-2.0
/*
 * check: the checker over a kernel tree through kbuild (C=2 CHECK=),
 * directories and objects, findings printed sorted and once each (the
 * work is src/sh/kbuild-check.sh, which `make run`, ci/ioguard-gate.sh,
 * verify's check step and tests/kernel all run); or over files with
 * compiler flags, without kbuild (src/sh/files-check.sh). Either
 * frontend: ioguard-sparse (the default) or ioguard-clang, which take
 * the same command line (docs/frontends.md). This file checks the
 * arguments so that bad input is one line and exit 2.
 *
 * Exit: 0 no finding, 1 findings, 2 usage or input error, kbuild failed.
 */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arch.h"
#include "ioguard.h"

#define MAX_PATHS 64

static const char usage[] =
	"usage: ioguard check [--frontend sparse|clang] --tree DIR --arch ARCH --build DIR\n"
	"                     [--log FILE] [PATH...]\n"
	"       ioguard check [--frontend sparse|clang] [--spec FILE] FILE... [-- CFLAGS...]\n";

/* A frontend's checker: $IOGUARD_SPARSE or $IOGUARD_CLANG, else the one
 * built beside this binary. */
const char *frontend_checker(const char *cmd, const char *frontend)
{
	bool clang = !strcmp(frontend, "clang");
	const char *name = clang ? "build/ioguard-clang" : "build/ioguard-sparse";
	const char *path = getenv(clang ? "IOGUARD_CLANG" : "IOGUARD_SPARSE");

	if (!path)
		path = datadir(name);
	if (!path || access(path, X_OK)) {
		fprintf(stderr, "ioguard: %s: no checker at %s (run make, or set %s)\n",
			cmd, path ? path : name, clang ? "IOGUARD_CLANG" : "IOGUARD_SPARSE");
		return NULL;
	}
	return path;
}

const char *checker_path(const char *cmd)
{
	return frontend_checker(cmd, "sparse");
}

/* ioguard check [--spec F] FILE... [-- CFLAGS...] */
static int check_files(const char *checker, const char *spec, int argc, char **argv)
{
	char **args = calloc(argc + 4, sizeof(*args)), *spec_opt = NULL;
	int n = 0, i, dash = argc, rc;

	args[n++] = (char *)libexec("files-check.sh");
	args[n++] = (char *)checker;
	if (spec) {
		if (asprintf(&spec_opt, "--ioguard-spec=%s", spec) < 0)
			return 2;
		args[n++] = spec_opt;
	}
	for (i = 0; i < argc; i++)
		if (!strcmp(argv[i], "--")) {
			dash = i;
			break;
		}
	/* the compiler's flags first, as kbuild gives them, then the files */
	for (i = dash + 1; i < argc; i++)
		args[n++] = argv[i];
	for (i = 0; i < dash; i++)
		args[n++] = argv[i];
	args[n] = NULL;
	rc = run_command(args);
	free(spec_opt);
	free(args);
	return rc > 2 ? 2 : rc;
}

int cmd_check(int argc, char **argv)
{
	const char *tree = NULL, *arch = NULL, *build = NULL, *log = "-";
	const char *frontend = "sparse", *spec = NULL;
	const char *checker;
	char *args[6 + MAX_PATHS + 1];
	int first, i, n = 0;
	const struct cli_opt opts[] = {
		{ "--tree", &tree }, { "--arch", &arch }, { "--build", &build },
		{ "--log", &log }, { "--frontend", &frontend }, { "--spec", &spec }, { NULL }
	};

	first = parse_options(argc, argv, opts);
	if (strcmp(frontend, "sparse") && strcmp(frontend, "clang")) {
		fprintf(stderr, "ioguard: check: unknown frontend '%s' (sparse, clang)\n", frontend);
		return 2;
	}
	if (!tree && !arch && !build) {
		/* files: at least one, and no option of ours after them */
		for (i = first; i < argc && strcmp(argv[i], "--"); i++)
			if (argv[i][0] == '-')
				break;
		if (first >= argc || (i < argc && strcmp(argv[i], "--")) ||
		    !strcmp(argv[first], "--")) {
			fputs(usage, stderr);
			return 2;
		}
		checker = frontend_checker("check", frontend);
		return checker ? check_files(checker, spec, argc - first, argv + first) : 2;
	}
	for (i = first; i < argc; i++)
		if (argv[i][0] == '-')
			break;
	if (i < argc || !tree || !arch || !build || spec || argc - first > MAX_PATHS) {
		fputs(usage, stderr);
		return 2;
	}
	arch = tree_arch_name("check", tree, arch);
	checker = arch ? frontend_checker("check", frontend) : NULL;
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
