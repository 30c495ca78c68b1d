// SPDX-License-Identifier: GPL-2.0
/* A file that maps nothing: no output, exit 0. */
#include "kernel.h"

int add_one(int x)
{
	return x + 1;
}

/*
 * check-name: a file without mappings is clean
 *
 * check-error-start
 * check-error-end
 */
