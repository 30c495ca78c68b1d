// SPDX-License-Identifier: GPL-2.0
/* fetch-kernel and prepare-kernel: thin wrappers over src/sh/. */
#include <stdio.h>
#include <string.h>

#include "ioguard.h"

int cmd_fetch_kernel(int argc, char **argv)
{
	char *args[] = { (char *)libexec("fetch-kernel.sh"), argv[1], NULL };

	if (argc != 2) {
		fprintf(stderr, "usage: ioguard fetch-kernel 6.1|6.12\n");
		return 2;
	}
	return run_command(args) ? 2 : 0;
}

int cmd_prepare_kernel(int argc, char **argv)
{
	char *args[] = { (char *)libexec("prepare-kernel.sh"), argv[1], argv[2],
			 NULL };

	if (argc != 3) {
		fprintf(stderr, "usage: ioguard prepare-kernel 6.1|6.12 arm64|x86_64|riscv\n");
		return 2;
	}
	return run_command(args) ? 2 : 0;
}
