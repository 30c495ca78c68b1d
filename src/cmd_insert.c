// SPDX-License-Identifier: GPL-2.0
/* insert: placeholder until the Coccinelle scripts land (issue 3). */
#include <stdio.h>

#include "ioguard.h"

int cmd_insert(int argc, char **argv)
{
	fprintf(stderr, "ioguard: insert is not implemented yet\n");
	return 2;
}
