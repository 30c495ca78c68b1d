// SPDX-License-Identifier: GPL-2.0
/*
 * fetch-kernel and prepare-kernel: src/sh/fetch-kernel.sh and
 * prepare-kernel.sh do the work and check the arguments (they also run
 * on their own, from the Makefile and the tests).
 */
#include "ioguard.h"

/* argv is NULL-terminated, argv[0] the subcommand: run the script in its
 * place with the same arguments. */
static int run_script(const char *script, char **argv)
{
	argv[0] = (char *)libexec(script);
	return run_command(argv) ? 2 : 0;
}

int cmd_fetch_kernel(int argc, char **argv)
{
	return run_script("fetch-kernel.sh", argv);
}

int cmd_prepare_kernel(int argc, char **argv)
{
	return run_script("prepare-kernel.sh", argv);
}
