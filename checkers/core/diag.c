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

static int count;
static char **printed;
static int nprinted;

/* Remember line; false if it was seen before. */
static bool first_time(const char *line)
{
	int i;

	for (i = 0; i < nprinted; i++)
		if (!strcmp(printed[i], line))
			return false;
	printed = realloc(printed, (nprinted + 1) * sizeof(*printed));
	printed[nprinted++] = strdup(line);
	return true;
}

static void format(char *line, size_t size, struct ir_pos pos, const char *check,
		   const char *msg)
{
	snprintf(line, size, "%s:%d:%d: warning: %s [ioguard-%s]",
		 ir_file_name(pos), pos.line, pos.col, msg, check);
}

bool diag(struct ir_pos pos, const char *check, const char *msg)
{
	char line[1024];

	format(line, sizeof(line), pos, check, msg);
	if (!first_time(line))
		return false;
	fprintf(stderr, "%s\n", line);
	count++;
	return true;
}

bool diag_once(struct ir_pos pos, const char *check, const char *msg)
{
	char line[1024];

	/* kept apart from printed lines by a prefix no diagnostic has */
	line[0] = '\1';
	format(line + 1, sizeof(line) - 1, pos, check, msg);
	return first_time(line);
}

int diag_count(void)
{
	return count;
}
