// SPDX-License-Identifier: GPL-2.0
/* Source files read back from the tree for the reports. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ioguard.h"
#include "report_source.h"

int source_open(struct source *s, const char *tree, const char *file)
{
	char *path;
	size_t len, i;

	memset(s, 0, sizeof(*s));
	if (!tree || !*tree || asprintf(&path, "%s/%s", tree, file) < 0)
		return -1;
	s->text = read_file(path, &len);
	free(path);
	if (!s->text)
		return -1;
	s->starts = malloc((len + 1) * sizeof(*s->starts));
	if (!s->starts) {
		free(s->text);
		s->text = NULL;
		return -1;
	}
	s->starts[s->nlines++] = 0;
	for (i = 0; i < len; i++)
		if (s->text[i] == '\n' && i + 1 < len)
			s->starts[s->nlines++] = i + 1;
	return 0;
}

const char *source_line(const struct source *s, int n, size_t *len)
{
	const char *line, *nl;

	if (n < 1 || n > s->nlines)
		return NULL;
	line = s->text + s->starts[n - 1];
	nl = strchr(line, '\n');
	*len = nl ? (size_t)(nl - line) : strlen(line);
	return line;
}

/* sparse's rule (tokenize.c): a tab moves to the next multiple of 8,
 * every other byte is one column. */
size_t source_offset(const char *line, size_t len, int col)
{
	int display = 1;
	size_t i;

	for (i = 0; i < len && display < col; i++)
		display += line[i] == '\t' ? 8 - (display - 1) % 8 : 1;
	return i;
}

int source_chars(const char *line, size_t n)
{
	int chars = 0;
	size_t i;

	for (i = 0; i < n; i++)
		chars += ((unsigned char)line[i] & 0xc0) != 0x80;
	return chars;
}

void source_close(struct source *s)
{
	free(s->text);
	free(s->starts);
	memset(s, 0, sizeof(*s));
}
