// SPDX-License-Identifier: GPL-2.0
/*
 * One edit of a backend patch (create, append, after, before, replace,
 * replace-block; docs/gen.md) applied to its file: the rendered template
 * is written in place of the span of lines the verb and anchor name.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen.h"
#include "ioguard.h"

/* Start of the line after the one at p (after backslash continuations
 * when cont is set). */
static char *line_end(char *p, int cont)
{
	for (;;) {
		char *nl = strchr(p, '\n');

		if (!nl)
			return p + strlen(p);
		if (!cont || nl == p || nl[-1] != '\\')
			return nl + 1;
		p = nl + 1;
	}
}

/* The span [*start, *stop) of text that o replaces (empty: insert at
 * it). 0, or -1 with err. */
static int span(const struct gen_backend *b, const struct gen_op *o,
		char *text, size_t len, char **start, char **stop, char *err,
		size_t errlen)
{
	char *anchor, *at;

	if (!strcmp(o->verb, "append")) {
		*start = *stop = text + len;
		return 0;
	}
	anchor = strstr(text, o->anchor);
	if (!anchor) {
		snprintf(err, errlen,
			 "%s: no line contains '%s' (backend %s line %d): tree not supported",
			 o->path, o->anchor, b->name, o->line);
		return -1;
	}
	for (at = anchor; at > text && at[-1] != '\n'; at--)
		;
	*start = *stop = at;
	if (!strcmp(o->verb, "after")) {
		*start = *stop = line_end(at, 1);
	} else if (!strcmp(o->verb, "replace")) {
		/* the lines the (possibly multi-line) anchor spans */
		*stop = line_end(anchor + strlen(o->anchor) - 1, 1);
	} else if (!strcmp(o->verb, "replace-block")) {
		/* through the closing "}" line */
		*stop = strstr(at, "\n}\n");
		if (!*stop) {
			snprintf(err, errlen, "%s: no block after '%s'", o->path,
				 o->anchor);
			return -1;
		}
		*stop += 3;
	}
	return 0;
}

static int create(const char *path, const char *ins)
{
	char dir[PATH_MAX];

	snprintf(dir, sizeof(dir), "%s", path);
	*strrchr(dir, '/') = '\0';
	return mkdirs(dir) || write_file(path, ins, strlen(ins)) ? -1 : 0;
}

static int edit(const struct gen_backend *b, const struct gen_op *o,
		const char *path, const char *ins, char *err, size_t errlen)
{
	size_t len, n;
	char *text = read_file(path, &len), *start, *stop, *out;
	int rc = -1;

	if (!text) {
		snprintf(err, errlen, "the tree has no %s (backend %s line %d)",
			 o->path, b->name, o->line);
		return -1;
	}
	if (!span(b, o, text, len, &start, &stop, err, errlen)) {
		n = (start - text) + strlen(ins) + (len - (stop - text));
		out = malloc(n + 1);
		snprintf(out, n + 1, "%.*s%s%s", (int)(start - text), text, ins,
			 stop);
		rc = write_file(path, out, n);
		if (rc)
			snprintf(err, errlen, "cannot write %s", path);
		free(out);
	}
	free(text);
	return rc;
}

int gen_apply_op(const struct gen_backend *b, const struct gen_op *o,
		 const char *dir, char *err, size_t errlen)
{
	char path[PATH_MAX], *ins;
	int rc;

	snprintf(path, sizeof(path), "%s/%s", dir, o->path);
	ins = gen_render(b, o->template, err, errlen);
	if (!ins)
		return -1;
	if (strcmp(o->verb, "create")) {
		rc = edit(b, o, path, ins, err, errlen);
	} else if (access(path, F_OK) == 0) {
		snprintf(err, errlen, "%s already exists", o->path);
		rc = -1;
	} else if ((rc = create(path, ins))) {
		snprintf(err, errlen, "cannot write %s", path);
	}
	free(ins);
	return rc;
}
