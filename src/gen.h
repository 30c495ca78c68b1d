/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ioguard gen: arch backends (src/backends/NAME/backend.conf plus
 * templates) turned into a git format-patch series. docs/gen.md
 * describes the backend format and the ABIs.
 */
#ifndef IOGUARD_GEN_H
#define IOGUARD_GEN_H

#include <stddef.h>

#define GEN_MAX_VARS 128
#define GEN_MAX_OPS 64
#define GEN_MAX_PATCHES 8
#define GEN_MAX_WORDS 8

struct gen_var {
	char *name;
	char *value;
};

/* One edit of the tree: create, after, before, replace, append. */
struct gen_op {
	int patch;		/* patch number (2..) */
	char *variant;		/* NULL: every variant */
	char *verb;
	char *path;
	char *anchor;		/* after, before, replace */
	char *template;
	int line;
};

struct gen_patch {
	int number;
	char *variant;		/* NULL: every variant */
	char *message;		/* template of the commit message */
};

struct gen_backend {
	char *dir;
	char *name;
	char *arch;
	char *abi;
	char *variant;		/* selected for the tree */
	char *configs[GEN_MAX_WORDS];	/* options verify enables */
	int nconfigs;
	char *markers[GEN_MAX_WORDS][2];	/* FILE STRING: series applied */
	int nmarkers;
	struct gen_var vars[GEN_MAX_VARS];
	int nvars;
	struct gen_op ops[GEN_MAX_OPS];
	int nops;
	struct gen_patch patches[GEN_MAX_PATCHES];
	int npatches;
};

/* Parse DIR/backend.conf for TREE; fills variables computed from the
 * tree and picks the variant. Returns 0, or -1 with a message in err. */
int gen_backend_load(struct gen_backend *b, const char *dir, const char *tree,
		     char *err, size_t errlen);
/* Find the backend directory for ARCH (and ABI, may be NULL). */
const char *gen_backend_find(const char *arch, const char *abi, char *err,
			     size_t errlen);
const char *gen_var(const struct gen_backend *b, const char *name);
int gen_set_var(struct gen_backend *b, const char *name, const char *value);
/* Render template FILE (relative to the backend directory, or
 * "../common/..."), substituting @NAME@ and expanding @@include F@@.
 * Returns malloc'd text or NULL with err. */
char *gen_render(const struct gen_backend *b, const char *file, char *err,
		 size_t errlen);
char *gen_render_text(const struct gen_backend *b, const char *text,
		      char *err, size_t errlen);

/* Helpers shared by gen and verify. */
char *read_file(const char *path, size_t *len);
int write_file(const char *path, const char *text, size_t len);
int mkdirs(const char *path);
int sh(const char *fmt, ...);
char *sh_output(const char *fmt, ...);
/* A single-quoted copy of s for sh -c (static ring of buffers). */
const char *q(const char *s);

#endif
