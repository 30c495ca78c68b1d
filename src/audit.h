/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ioguard audit: the whole tree of one arch and config. The steps, one
 * file each:
 *
 *   audit-units.sh    kbuild's dry run: every unit with its checker flags
 *   audit_prefilter.c which units can matter (text only, sound)
 *   audit_run.c       ioguard-sparse over them, in parallel, with facts
 *   audit_index.c     the SQLite index: units, functions, calls, findings
 *   audit_reach.c     who reaches each finding, across files
 *   audit_report.c    the report model; report_*.c one per format
 */
#ifndef IOGUARD_AUDIT_H
#define IOGUARD_AUDIT_H

#include <stdbool.h>
#include <stdio.h>

#include "audit_text.h"
#include "spec.h"

struct sqlite3;

enum unit_state {
	UNIT_NEW,		/* not in the index, or changed since */
	UNIT_CHECKED,		/* facts in the index are current */
	UNIT_ERROR,		/* sparse reported errors: facts may be partial */
	UNIT_FAILED,		/* crashed or timed out: not checked */
	UNIT_SKIPPED,		/* the prefilter proved it cannot matter */
};

struct unit {
	char *src;		/* as kbuild names it: absolute */
	char *rel;		/* relative to the tree: the index's key */
	char *args;		/* kbuild's checker arguments, shell-quoted */
	bool selected;		/* to be checked (prefilter, shard) */
	bool dirty;		/* its facts must be (re)computed */
	enum unit_state state;
	char *reason;		/* UNIT_FAILED, UNIT_ERROR: why */
	int nfindings;		/* in its facts (a header's counted by each) */
	struct text_root *roots;	/* from its text, for reachability */
	int nroots;
};

struct audit {
	const char *tree, *build, *arch, *srcarch, *checker;
	const char *spec_path;	/* NULL: the built-in spec */
	struct spec spec;
	struct unit *units;
	int nunits;
	struct sqlite3 *db;
	int jobs, timeout, depth;
	bool progress;		/* stderr is a terminal */
	struct intern names;	/* for root names */
};

/* audit_units.c */
int units_list(struct audit *a, const char *config);
int unit_in_shard(const struct unit *u, int index, int count);
const char *tree_relative(const struct audit *a, const char *path);

/* audit_prefilter.c: mark the units that can reach a mapping */
int prefilter(struct audit *a, bool all);

/* audit_run.c: ioguard-sparse over the selected dirty units */
int run_units(struct audit *a);
void audit_catch_signals(void);
int audit_stop_if_interrupted(void);	/* -1 after a message if so */

/* audit_index.c */
int index_open(struct audit *a, const char *path);
void index_close(struct audit *a);
int index_begin(struct audit *a);
int index_commit(struct audit *a);
/* read states, mark units dirty whose inputs changed */
int index_sync_units(struct audit *a);
/* replace a unit's facts with those in the facts file */
int index_ingest(struct audit *a, struct unit *u, const char *facts);
int index_set_state(struct audit *a, struct unit *u);
int index_set_roots(struct audit *a, struct unit *u);
int index_drop_unit(struct audit *a, const char *rel);
int index_set_meta(struct audit *a);

#endif
