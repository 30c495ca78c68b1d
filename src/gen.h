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

/* One edit of the tree: create, after, before, replace, replace-block,
 * append. */
struct gen_op {
	int patch;		/* patch number (2..) */
	char *variant;		/* NULL: every variant */
	char *verb;
	char *path;
	char *anchor;		/* after, before, replace, replace-block */
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
	const char *spec;	/* --spec: the hooks' names, insert's and the
				 * checker's spec (NULL: the built-in one) */
	char *configs[GEN_MAX_WORDS];	/* options verify enables */
	int nconfigs;
	char *kunit[2 * GEN_MAX_WORDS];	/* options of verify --run's KUnit */
	char *kunit_variant[2 * GEN_MAX_WORDS];	/* kernel, and their variants */
	int nkunit;
	char *markers[GEN_MAX_WORDS][2];	/* FILE STRING: series applied */
	int nmarkers;
	struct gen_var vars[GEN_MAX_VARS];
	int nvars;
	struct gen_op ops[GEN_MAX_OPS];
	int nops;
	struct gen_patch patches[GEN_MAX_PATCHES];
	int npatches;
};

/* backend.c */
/* Find the backend for ARCH (and ABI, may be NULL) and load its
 * backend.conf for TREE (variables computed from the tree, the variant
 * picked), or NULL after a one-line "ioguard: CMD: ..." message. */
struct gen_backend *gen_backend_open(const char *cmd, const char *tree,
				     const char *arch, const char *abi);
/* Is a record tagged with variant (NULL: none) part of b's variant? */
int gen_selected(const struct gen_backend *b, const char *variant);

/* template.c */
const char *gen_var(const struct gen_backend *b, const char *name);
int gen_set_var(struct gen_backend *b, const char *name, const char *value);
/* Render template FILE (relative to the backend directory, or
 * "../common/..."), substituting @NAME@ and expanding @@include F@@.
 * Returns malloc'd text or NULL with err. */
char *gen_render(const struct gen_backend *b, const char *file, char *err,
		 size_t errlen);

/* edit.c: apply one edit to its file under dir. 0, or -1 with err. */
int gen_apply_op(const struct gen_backend *b, const struct gen_op *o,
		 const char *dir, char *err, size_t errlen);

/* identity.c */
/* "Name <mail>": --signoff, else git config's user.name and user.email,
 * else fallback; NULL after a one-line "ioguard: CMD: ..." message. */
char *signoff_identity(const char *cmd, const char *signoff,
		       const char *fallback);
/* Make id the author and committer of the git commands we run. */
void identity_for_git(const char *id);

/* tree_base.c: the cover letter's lines on what the series applies to
 * (the version; "base-commit: ID" when the tree is a git checkout),
 * malloc'd. */
char *tree_base(const char *tree);

/* cmd_verify.c: apply, checkpatch, configure, compile and check a
 * series on a copy of tree, and with run its KUnit tests in QEMU.
 * Returns 0, 1 a step failed, 2 input error. */
int verify_series(const struct gen_backend *b, const char *tree,
		  const char *series, int run);

#endif
