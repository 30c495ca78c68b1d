// SPDX-License-Identifier: GPL-2.0
/*
 * The report model, read from an index; baselines and --since filter
 * it; the output file is written whole or not at all (a temporary next
 * to it, renamed).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "audit.h"
#include "audit_derive.h"
#include "audit_report.h"
#include "intern.h"
#include "ioguard.h"

static const char *const format_names[] = { "text", "json", "sarif", "html", "codequality" };

int report_format(const char *name)
{
	int i;

	for (i = 0; i < (int)(sizeof(format_names) / sizeof(*format_names)); i++)
		if (!strcmp(name, format_names[i]))
			return i;
	return -1;
}

static char *dup_col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return strdup(s ? (const char *)s : "");
}

/* drivers/tty/serial/x.c -> drivers/tty; mm/x.c -> mm */
static char *subsystem(const char *file)
{
	const char *slash = strchr(file, '/');
	static const char *const two[] = { "drivers/", "arch/", "fs/", "net/", "sound/", "sys/" };
	size_t i;

	if (!slash)
		return strdup(".");
	for (i = 0; i < sizeof(two) / sizeof(*two); i++)
		if (!strncmp(file, two[i], strlen(two[i])) && strchr(slash + 1, '/'))
			return strndup(file, strchr(slash + 1, '/') - file);
	return strndup(file, slash - file);
}

/*
 * Stable across line shifts: the check, the file, the function, the
 * message and which of the identical ones it is, never the line.
 */
static void fingerprint(struct finding *f, int ordinal)
{
	unsigned long h = FNV1A_INIT;
	char ord[16];
	const char *parts[] = { f->check, f->file, f->fn, f->message, ord };
	size_t i;

	snprintf(ord, sizeof(ord), "%d", ordinal);
	for (i = 0; i < 5; i++) {
		h = fnv1a(h, parts[i], strlen(parts[i]));
		h = fnv1a(h, "\xff", 1);	/* a separator no text holds */
	}
	snprintf(f->fingerprint, sizeof(f->fingerprint), "%016lx", h);
}

static int load_meta(sqlite3 *db, struct report *r)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, "SELECT key, value FROM meta", -1, &st, NULL))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);

		if (!strcmp(k, "tree"))
			r->tree = dup_col(st, 1);
		else if (!strcmp(k, "arch"))
			r->arch = dup_col(st, 1);
		else if (!strcmp(k, "depth"))
			r->depth = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (!r->tree)
		r->tree = strdup("");
	if (!r->arch)
		r->arch = strdup("");
	return 0;
}

static int load_units(sqlite3 *db, struct report *r)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, "SELECT path, state, reason FROM units ORDER BY path",
			       -1, &st, NULL))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *state = (const char *)sqlite3_column_text(st, 1);
		struct unit_note *n;

		r->listed++;
		r->checked += !strcmp(state, "checked") || !strcmp(state, "error");
		r->skipped += !strcmp(state, "skipped");
		r->errors += !strcmp(state, "error");
		r->failed += !strcmp(state, "failed") || !strcmp(state, "new");
		if (strcmp(state, "error") && strcmp(state, "failed") && strcmp(state, "new"))
			continue;
		r->notes = realloc(r->notes, (r->nnotes + 1) * sizeof(*r->notes));
		n = &r->notes[r->nnotes++];
		n->path = dup_col(st, 0);
		n->state = strdup(!strcmp(state, "new") ? "failed" : state);
		n->reason = dup_col(st, 2);
	}
	sqlite3_finalize(st);
	return 0;
}

/* Each finding once (a header's is found by every unit that reads it). */
static int load_findings(sqlite3 *db, struct report *r)
{
	sqlite3_stmt *st;
	int ordinal = 0;

	if (sqlite3_prepare_v2(db,
		"SELECT file, line, col, check_name, fn, message, MIN(unit) FROM "
		/* and those only the whole index shows (audit_derive.c) */
		"(SELECT * FROM findings UNION ALL SELECT * FROM temp.derived_findings) "
		"GROUP BY file, line, col, check_name, fn, message "
		"ORDER BY file, line, col, check_name, fn, message", -1, &st, NULL))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct finding *f, *prev;

		r->findings = realloc(r->findings, (r->nfindings + 1) * sizeof(*r->findings));
		f = &r->findings[r->nfindings++];
		memset(f, 0, sizeof(*f));
		f->file = dup_col(st, 0);
		f->line = sqlite3_column_int(st, 1);
		f->col = sqlite3_column_int(st, 2);
		f->check = dup_col(st, 3);
		f->fn = dup_col(st, 4);
		f->message = dup_col(st, 5);
		f->unit = dup_col(st, 6);
		f->subsystem = subsystem(f->file);
		prev = r->nfindings > 1 ? f - 1 : NULL;
		ordinal = prev && !strcmp(prev->check, f->check) && !strcmp(prev->file, f->file) &&
			  !strcmp(prev->fn, f->fn) && !strcmp(prev->message, f->message) ?
			  ordinal + 1 : 0;
		fingerprint(f, ordinal);
	}
	sqlite3_finalize(st);
	return 0;
}

static int load_exempt(sqlite3 *db, struct report *r)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db,
		"SELECT DISTINCT file, line, col, check_name, fn, reason, message FROM exempt "
		"ORDER BY file, line, col, check_name, fn, message", -1, &st, NULL))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct exemption *e;

		r->exempt = realloc(r->exempt, (r->nexempt + 1) * sizeof(*r->exempt));
		e = &r->exempt[r->nexempt++];
		e->file = dup_col(st, 0);
		e->line = sqlite3_column_int(st, 1);
		e->col = sqlite3_column_int(st, 2);
		e->check = dup_col(st, 3);
		e->fn = dup_col(st, 4);
		e->reason = dup_col(st, 5);
		e->message = dup_col(st, 6);
	}
	sqlite3_finalize(st);
	return 0;
}

static void exemption_free(struct exemption *e)
{
	free(e->file);
	free(e->check);
	free(e->fn);
	free(e->reason);
	free(e->message);
}

int report_load(sqlite3 *db, struct report *r)
{
	memset(r, 0, sizeof(*r));
	if (load_meta(db, r) || load_units(db, r) || derive_findings(db) || load_findings(db, r) ||
	    load_exempt(db, r) ||
	    reach_compute(db, r)) {
		fprintf(stderr, "ioguard: audit: cannot read the index: %s\n", sqlite3_errmsg(db));
		return -1;
	}
	r->nnew = r->nfindings;
	return 0;
}

static void finding_free(struct finding *f)
{
	int j, k;

	for (j = 0; j < f->nchains; j++) {
		for (k = 0; k < f->chains[j].nsteps; k++) {
			free(f->chains[j].steps[k].fn);
			free(f->chains[j].steps[k].file);
		}
		free(f->chains[j].steps);
		free(f->chains[j].kind);
	}
	free(f->chains);
	free(f->file);
	free(f->check);
	free(f->fn);
	free(f->message);
	free(f->unit);
	free(f->subsystem);
}

void report_free(struct report *r)
{
	int i;

	for (i = 0; i < r->nfindings; i++)
		finding_free(&r->findings[i]);
	for (i = 0; i < r->nexempt; i++)
		exemption_free(&r->exempt[i]);
	free(r->exempt);
	for (i = 0; i < r->nnotes; i++) {
		free(r->notes[i].path);
		free(r->notes[i].state);
		free(r->notes[i].reason);
	}
	free(r->findings);
	free(r->notes);
	free(r->tree);
	free(r->arch);
}

/*
 * The fingerprints a previous report holds: JSON's "fingerprint" and
 * SARIF's partialFingerprints "ioguard/fingerprint/v1", each a key, a
 * colon and 16 hex digits in quotes.
 */
static void baseline_keys(struct intern *known, const char *text, const char *key)
{
	const char *p, *q;

	for (p = text; (p = strstr(p, key)); p += strlen(key)) {
		q = p + strlen(key);
		q += strspn(q, " \t\r\n");
		if (*q++ != ':')
			continue;
		q += strspn(q, " \t\r\n");
		if (*q == '"' && strspn(q + 1, "0123456789abcdef") == 16 && q[17] == '"')
			intern_n(known, q + 1, 16);
	}
}

/* The fingerprints of the report at path into known, or -1 after a line. */
static int read_baseline(struct intern *known, const char *path)
{
	size_t len;
	char *text;
	struct stat st;

	errno = 0;
	if (!stat(path, &st) && S_ISDIR(st.st_mode))
		errno = EISDIR;
	text = errno ? NULL : read_file(path, &len);
	if (!text) {
		fprintf(stderr, "ioguard: %s: cannot read baseline '%s': %s\n", ioguard_cmd(),
			path, strerror(errno ? errno : EIO));
		return -1;
	}
	baseline_keys(known, text, "\"fingerprint\"");
	baseline_keys(known, text, "\"ioguard/fingerprint/v1\"");
	/* no fingerprint and no list of them: not a report (an old gate's list?) */
	if (!known->nr && !strstr(text, "\"findings\"") && !strstr(text, "\"results\"")) {
		fprintf(stderr, "ioguard: %s: baseline '%s' is not a JSON or SARIF report of ioguard audit\n",
			ioguard_cmd(), path);
		free(text);
		return -1;
	}
	free(text);
	return 0;
}

static int apply_baseline(struct report *r, const char *path)
{
	struct intern known = { 0 };
	int i;

	if (read_baseline(&known, path)) {
		intern_free(&known);
		return -1;
	}
	r->baseline = true;
	r->nnew = 0;
	for (i = 0; i < r->nfindings; i++) {
		r->findings[i].in_baseline =
			intern_lookup(&known, r->findings[i].fingerprint) >= 0;
		r->nnew += !r->findings[i].in_baseline;
	}
	intern_free(&known);
	return 0;
}

/* Keep the findings a change touches: in its units, or on their chains. */
static int apply_since(sqlite3 *db, struct report *r, const char *tree, const char *rev)
{
	char *argv[] = { "git", "-C", (char *)tree, "diff", "--name-only", (char *)rev, "--", NULL };
	char *changed = run_capture(argv), *p, *nl;
	struct intern touched = { 0 }, units = { 0 };
	sqlite3_stmt *st;
	int i, j, k, kept = 0;

	if (!changed) {
		fprintf(stderr, "ioguard: audit: git diff %s failed in '%s'\n", rev, tree);
		return -1;
	}
	for (p = changed; *p; p = nl ? nl + 1 : p + strlen(p)) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		if (*p)
			intern(&touched, p);
	}
	free(changed);
	/* units that read a touched file */
	if (sqlite3_prepare_v2(db, "SELECT DISTINCT unit, path FROM deps", -1, &st, NULL))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW)
		if (intern_lookup(&touched, (const char *)sqlite3_column_text(st, 1)) >= 0)
			intern(&units, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	for (i = 0; i < r->nfindings; i++) {
		struct finding *f = &r->findings[i];
		bool hit = intern_lookup(&units, f->unit) >= 0 ||
			   intern_lookup(&touched, f->file) >= 0;

		for (j = 0; j < f->nchains && !hit; j++)
			for (k = 0; k < f->chains[j].nsteps && !hit; k++)
				hit = intern_lookup(&touched, f->chains[j].steps[k].file) >= 0;
		f->since_touched = hit;
		if (hit)
			r->findings[kept++] = *f;
		else
			finding_free(f);
	}
	r->nfindings = kept;
	intern_free(&touched);
	intern_free(&units);
	return 0;
}

/*
 * -o FILE through outfile.c, opened before any work: an unwritable FILE
 * fails at once, and the report appears whole (a temporary beside it,
 * renamed) or not at all. An existing device or pipe (-o /dev/null) is
 * written in place: a rename would replace the device with a regular file.
 */
int report_open_output(struct outfile *o, const char *output)
{
	if (!outfile_open(o, output))
		return 0;
	fprintf(stderr, "ioguard: %s: cannot write '%s': %s\n", ioguard_cmd(), output,
		strerror(errno));
	return -1;
}

/* A baseline that cannot be one fails before any work, in one line. */
int report_check_baseline(const char *path)
{
	struct intern known = { 0 };
	int rc = read_baseline(&known, path);

	intern_free(&known);
	return rc;
}

static void write_format(FILE *f, const struct report *r, const struct report_opts *o)
{
	switch (o->format) {
	case FORMAT_TEXT: report_text(f, r); break;
	case FORMAT_JSON: report_json(f, r); break;
	case FORMAT_SARIF: report_sarif(f, r, o->tree); break;
	case FORMAT_HTML: report_html(f, r, o->tree); break;
	case FORMAT_CODEQUALITY: report_codequality(f, r); break;
	}
}

/* Findings of one check left out (the user-map policy of CI gates). */
static void drop_check(struct report *r, const char *check)
{
	int i, kept = 0;

	for (i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i].check, check))
			r->findings[kept++] = r->findings[i];
		else
			finding_free(&r->findings[i]);
	r->nfindings = kept;
	for (i = kept = 0; i < r->nexempt; i++)
		if (strcmp(r->exempt[i].check, check))
			r->exempt[kept++] = r->exempt[i];
		else
			exemption_free(&r->exempt[i]);
	r->nexempt = kept;
}

int report_write(sqlite3 *db, const struct report_opts *o)
{
	struct report r;
	FILE *f = stdout;
	int rc = 2;

	if (report_load(db, &r))
		return 2;
	if (o->no_user_map)
		drop_check(&r, "user-map");
	if (o->since && apply_since(db, &r, o->tree ? o->tree : r.tree, o->since))
		goto out;
	if (o->baseline && apply_baseline(&r, o->baseline))
		goto out;
	if (!o->baseline)
		r.nnew = r.nfindings;
	if (o->out && !(f = outfile_stream(o->out))) {
		fprintf(stderr, "ioguard: %s: cannot write '%s': %s\n", ioguard_cmd(),
			o->output, strerror(errno));
		goto out;
	}
	write_format(f, &r, o);
	/* Ctrl-C while the report was written (the HTML one runs dot):
	 * no report, as before it */
	if (audit_stop_if_interrupted())
		goto out;
	if (o->out) {
		if (outfile_commit(o->out)) {
			fprintf(stderr, "ioguard: %s: cannot write '%s': %s\n", ioguard_cmd(),
				o->output, strerror(errno));
			goto out;
		}
	} else if (fflush(stdout)) {
		goto out;
	}
	fprintf(stderr, "ioguard: audit: %d units, %d checked, %d skipped by the prefilter, "
		"%d not checked; %d findings%s\n", r.listed, r.checked, r.skipped, r.failed,
		r.nfindings, r.nexempt ? " (and exempt mappings: see the report)" : "");
	if (o->baseline)
		fprintf(stderr, "ioguard: audit: %d findings not in the baseline\n", r.nnew);
	rc = r.nnew ? 1 : 0;
out:
	if (o->out)
		outfile_abort(o->out);	/* nothing to remove after a commit */
	report_free(&r);
	return rc;
}
