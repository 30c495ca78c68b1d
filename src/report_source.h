/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A finding's source file read back from the tree, for what the reports
 * show or convert: excerpts (HTML) and columns (SARIF counts characters,
 * sparse counts display columns with tabs to 8, as gcc does).
 */
#ifndef IOGUARD_REPORT_SOURCE_H
#define IOGUARD_REPORT_SOURCE_H

#include <stddef.h>

struct source {
	char *text;
	size_t *starts;		/* starts[n - 1]: offset of line n */
	int nlines;
};

/* TREE/FILE read whole; -1 (and nothing to free) if it cannot be. */
int source_open(struct source *s, const char *tree, const char *file);
/* Line n (1-based) without its newline, or NULL past the end. */
const char *source_line(const struct source *s, int n, size_t *len);
/* The byte offset of display column col (1-based) in the line, or len
 * when the line is shorter. */
size_t source_offset(const char *line, size_t len, int col);
/* Characters (UTF-8 code points) in the first n bytes. */
int source_chars(const char *line, size_t n);
void source_close(struct source *s);

#endif
