// SPDX-License-Identifier: GPL-2.0
/*
 * ioguard: the command. Each subcommand is one cmd_*.c file; the
 * helpers that talk to apt and kbuild are shell scripts in src/sh/,
 * found next to the binary's source tree or in IOGUARD_LIBEXEC.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ioguard.h"

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *help;
} commands[] = {
	{ "fetch-kernel", cmd_fetch_kernel,
	  "fetch-kernel 6.1|6.12        download and unpack Debian's linux-source, print its path" },
	{ "prepare-kernel", cmd_prepare_kernel,
	  "prepare-kernel VER ARCH      defconfig + prepare an out-of-tree build, print its path" },
	{ "insert", cmd_insert,
	  "insert --tree DIR [--arch A] -o FILE.patch | --in-place\n"
	  "                               insert the hooks with the Coccinelle scripts" },
	{ "gen", cmd_gen,
	  "gen --tree DIR --arch A [--abi N] [--spec F] [--signoff \"Name <mail>\"] -o OUTDIR\n"
	  "                               write and verify an MMIO guard patch series" },
	{ "verify", cmd_verify,
	  "verify --tree DIR --arch A [--abi N] [--spec F] --series OUTDIR\n"
	  "                               apply, checkpatch, build and check a series" },
	{ "check", cmd_check,
	  "check [--frontend sparse|clang] --tree DIR --arch A --build DIR [--log FILE] [PATH...]\n"
	  "                               the checker through kbuild, findings sorted\n"
	  "  check [--frontend sparse|clang] [--spec F] FILE... [-- CFLAGS...]\n"
	  "                               the checker on files, findings sorted" },
	{ "audit", cmd_audit,
	  "audit --tree DIR --arch A [--config C] [--format text|json|sarif|html] [-o FILE] ...\n"
	  "                               the whole tree: every unit, reachability, reports" },
	{ "merge", cmd_merge,
	  "merge [--format F] [-o FILE] [--index OUT] INDEX...\n"
	  "                               one report from shard indexes (audit --shard I/N)" },
	{ "derive", cmd_derive,
	  "derive [--spec FILE] [--tree DIR] FACTS...\n"
	  "                               device-memory flows across units, from facts files" },
	{ "arch", cmd_arch,
	  "arch NAME                    print an arch's kbuild facts as shell assignments" },
	{ "cocci", cmd_cocci,
	  "cocci [--spec FILE] -o DIR   write the Coccinelle scripts for a spec into DIR" },
	{ "spec", cmd_spec,
	  "spec [--spec FILE]           check a spec and print it normalised" },
};

/* Output a full disk or a closed descriptor swallowed is an error too. */
static int stdout_written(int ret)
{
	int flushed = fflush(stdout), err = errno;

	/* exit 2 came with its reason already: one line */
	if ((flushed == 0 && !ferror(stdout)) || ret == 2)
		return ret;
	fprintf(stderr, "ioguard: %s: cannot write standard output: %s\n",
		ioguard_cmd(), strerror(flushed ? err : EIO));
	cleanup_now();
	return 2;
}

static void usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: ioguard COMMAND [ARGS]\n\nCommands:\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %s\n", commands[i].help);
}

int main(int argc, char **argv)
{
	char self[PATH_MAX];
	ssize_t n;
	size_t i;
	int ret;

	/* Our helper scripts call back into this binary (ioguard arch). */
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n > 0) {
		self[n] = '\0';
		setenv("IOGUARD", self, 1);
	}

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name))
			continue;
		cleanup_init(commands[i].name);
		run_check_limits();
		ret = commands[i].run(argc - 1, argv + 1);
		/* a temporary still registered now was never committed (an
		 * early return of the command): it goes, as on a signal */
		cleanup_now();
		return stdout_written(ret);
	}
	fprintf(stderr, "ioguard: unknown command '%s' (see ioguard --help)\n",
		argv[1]);
	return 2;
}
