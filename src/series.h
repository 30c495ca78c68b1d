/* SPDX-License-Identifier: GPL-2.0 */
/* The scratch repository gen builds its series in (series.c). */
#ifndef IOGUARD_SERIES_H
#define IOGUARD_SERIES_H

#include <limits.h>

#include "gen.h"

#define SERIES_MAX_PATHS 256

struct series {
	/* what the caller gives */
	const struct gen_backend *b;
	const char *tree;
	const char *id;			/* "Name <mail>": author, Signed-off-by */
	const char *insert_patch;	/* patch 1; NULL: run `ioguard insert` */
	/* what series_write() makes */
	char scratch[PATH_MAX - 64];	/* under the cache */
	char repo[PATH_MAX];		/* scratch/series: the repository */
	char patch1[PATH_MAX];
	char formatted[PATH_MAX];	/* scratch/formatted: the series */
	char *base;			/* the base commit */
	char *paths[SERIES_MAX_PATHS];	/* every file the series touches */
	int npaths;
	int slot;			/* scratch's cleanup.c registration */
};

/* Patch 1, then b's patches, committed on the pristine touched files of
 * tree; the series written to s->formatted with git format-patch. 0, or
 * -1 after a one-line "ioguard: gen: ..." message. */
int series_write(struct series *s);
/* The cover letter in out says the series is verified (for arch; run:
 * its KUnit tests passed too) where it said it is not. 0, or -1. */
int series_mark_verified(const char *out, const char *arch, int run);
/* git diff --stat of the series, indented. */
void series_print_stat(const struct series *s);
/* "0001-....patch": what a new series replaces in an output directory. */
int series_patch_name(const char *name);
/* Remove the scratch directory, unless keep (then name it if failed). */
void series_cleanup(const struct series *s, int keep, int failed);

#endif
