/* SPDX-License-Identifier: GPL-2.0 */
/*
 * audit_text.c: what the audit's prefilter reads off a C file's text
 * without preprocessing it: the macros and functions it defines with
 * the names each body mentions, the functions it marks as roots of the
 * call graph, and the files it includes with quotes.
 */
#ifndef IOGUARD_AUDIT_TEXT_H
#define IOGUARD_AUDIT_TEXT_H

#include "intern.h"

enum def_kind {
	DEF_MACRO,		/* #define: expanded where it is named */
	DEF_INLINE,		/* inline function: sparse inlines it too */
	DEF_FUNC,		/* a function called (or referenced) by name */
};

/* How a function is reached from outside the call graph. */
enum root_kind {
	ROOT_NONE,
	ROOT_EXPORT,		/* EXPORT_SYMBOL*() */
	ROOT_INITCALL,		/* *_initcall(), module_init/exit, boot params */
	ROOT_PROBE,		/* .probe = fn */
	ROOT_CALLBACK,		/* used as a value: ops, handlers, pointers */
};

struct text_def {
	int name;
	enum def_kind kind;
	int line;
	int *mentions;		/* identifiers in the body, each once */
	int nmentions, amentions;
	int *sig;		/* a function's: identifiers before its body (types) */
	int nsig;
};

struct text_root {
	int name;
	enum root_kind kind;
	int line;
};

struct text_file {
	struct text_def *defs;
	int ndefs;
	struct text_root *roots;
	int nroots;
	char **includes;	/* #include "..." as written */
	int nincludes;
};

/* Scan path; -1 if it cannot be read. */
int text_scan(struct intern *names, const char *path, struct text_file *out);
void text_free(struct text_file *f);
const char *root_kind_name(enum root_kind kind);

#endif
