/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The audit's report: a model read from an index (one run's, or shards'
 * merged), the same for every format, and one writer per format. The
 * model is a function of the index's contents alone, sorted, so that
 * -j1 and -jN, a run and its shards merged, give the same bytes.
 */
#ifndef IOGUARD_AUDIT_REPORT_H
#define IOGUARD_AUDIT_REPORT_H

#include <stdbool.h>
#include <stdio.h>

struct sqlite3;

enum report_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF, FORMAT_HTML, FORMAT_CODEQUALITY };

/* One call on the way from a root down to the finding's function. */
struct step {
	char *fn;		/* the caller */
	char *file;		/* where the call is written */
	int line;
};

/* A root (or a caller nobody calls) down to the finding's function. */
struct chain {
	char *kind;		/* export, initcall, probe, callback, entry, uncalled, depth */
	struct step *steps;	/* steps[0]: the root; the last calls the function */
	int nsteps;
};

struct finding {
	char *file, *check, *fn, *message, *unit, *subsystem;
	int line, col;
	char fingerprint[17];
	struct chain *chains;
	int nchains, ncallers;	/* chains shown; distinct callers found */
	bool in_baseline, since_touched;
};

/* What a check found in a function the spec exempts, and the spec's why. */
struct exemption {
	char *file, *check, *fn, *reason, *message;
	int line, col;
};

struct unit_note {
	char *path, *state, *reason;
};

struct report {
	char *tree, *arch;
	int depth;
	struct finding *findings;
	int nfindings, nnew;
	bool baseline;		/* compared with one: in_baseline means something */
	int listed, checked, skipped, errors, failed;
	struct exemption *exempt;	/* shown, never counted as findings */
	int nexempt;
	struct unit_note *notes;	/* units not (fully) checked */
	int nnotes;
};

struct report_opts {
	enum report_format format;
	const char *output;	/* its name in messages */
	struct outfile *out;	/* report_open_output()'s; NULL: stdout */
	const char *baseline;	/* a JSON report: its findings are known */
	const char *since;	/* a git revision of the tree */
	const char *tree;	/* for --since and source excerpts */
	bool no_user_map;	/* leave the user-map check's findings out (CI gates) */
};

int report_format(const char *name);
struct outfile;
/* Open -o FILE (outfile.c) before any work: -1 after a one-line error. */
int report_open_output(struct outfile *o, const char *output);
/* Can path be a baseline (readable, a report)? -1 after a one-line error. */
int report_check_baseline(const char *path);
/* Read the index into the model, reachability included. */
int report_load(struct sqlite3 *db, struct report *r);
void report_free(struct report *r);
/* Load, filter (baseline, since), write; the audit's exit status. */
int report_write(struct sqlite3 *db, const struct report_opts *o);

/* audit_reach.c: each finding's chains */
int reach_compute(struct sqlite3 *db, struct report *r);

/* one writer per format */
void report_text(FILE *f, const struct report *r);
void report_json(FILE *f, const struct report *r);
/* tree: where the findings' sources are read back (NULL: r->tree) */
void report_sarif(FILE *f, const struct report *r, const char *tree);
void report_html(FILE *f, const struct report *r, const char *tree);
void report_codequality(FILE *f, const struct report *r);

/* helpers the writers share */
void json_string(FILE *f, const char *s);

#endif
