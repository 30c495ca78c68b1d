// SPDX-License-Identifier: GPL-2.0
/*
 * gcc-style diagnostics: "file:line:col: warning: message [ioguard-CHECK]",
 * one per line on stderr, where sparse prints its own. Identical lines
 * (the same inlined helper reached twice) are printed once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "token.h"

static int count;
static char **printed;
static int nprinted;

bool diag(struct position pos, const char *check, const char *msg)
{
	char line[1024];
	int i;

	snprintf(line, sizeof(line), "%s:%d:%d: warning: %s [ioguard-%s]",
		 stream_name(pos.stream), pos.line, pos.pos, msg, check);
	for (i = 0; i < nprinted; i++)
		if (!strcmp(printed[i], line))
			return false;
	printed = realloc(printed, (nprinted + 1) * sizeof(*printed));
	printed[nprinted++] = strdup(line);
	fprintf(stderr, "%s\n", line);
	count++;
	return true;
}

int diag_count(void)
{
	return count;
}
