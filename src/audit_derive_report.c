// SPDX-License-Identifier: GPL-2.0
/*
 * What the flow graph (audit_derive.c) gives the audit: the findings no
 * unit could make alone, and `--derive`, the list of every function that
 * can write device attributes into page tables.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "audit_derive.h"
#include "derive_graph.h"
#include "ioguard.h"

static const char *fname(struct dgraph *g, const struct dnode *n)
{
	return g->names.names[n->name];
}

/* " returned by 'h', chosen at FILE:LINE" */
static void origin(struct dgraph *g, int from, const char *cond, char *buf, size_t len)
{
	int n = 0;

	buf[0] = '\0';
	if (from >= 0)
		n = snprintf(buf, len, " returned by '%s'", fname(g, &g->nodes[from]));
	if (cond)
		snprintf(buf + n, len - n, ", chosen at %s", cond);
}

static const struct spec_entry *target_spec(struct dgraph *g, const struct dflow *f)
{
	return g->have_spec && f->dst == DST_ARG ?
	       spec_find(&g->spec, g->names.names[f->dst_fn]) : NULL;
}

/* A user map's prot argument: the user-map check's, not bypass. */
static bool user_map_flow(struct dgraph *g, const struct dflow *f)
{
	const struct spec_entry *e = target_spec(g, f);

	return e && e->kind == SPEC_USER_MAP && spec_arg(e, ROLE_PROT) == f->arg;
}

/* A spec function's own body is not a bypass (as in the checker). */
static bool checked_body(const struct dnode *n)
{
	return !n->spec || n->spec->kind == SPEC_ENTRY_MAP;
}

static int insert(sqlite3_stmt *st, struct dgraph *g, const struct dnode *n,
		  const struct dflow *f, const char *check, const char *msg)
{
	sqlite3_bind_text(st, 1, g->names.names[f->unit], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, f->file, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, f->line);
	sqlite3_bind_int(st, 4, 1);
	sqlite3_bind_text(st, 5, check, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, fname(g, n), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, msg, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	sqlite3_reset(st);
	return 0;
}

/* The first device flow of n that is a finding of this check, if any. */
static const struct dflow *finding_flow(struct dgraph *g, const struct dnode *n,
					bool user, const char **label, const char **cond,
					int *from)
{
	int i;

	for (i = 0; i < n->nflows; i++) {
		const struct dflow *f = &n->flows[i];

		if (f->dst == DST_RETURN || !dflow_device(g, f, label, cond, from))
			continue;
		if (user ? user_map_flow(g, f) :
			   !user_map_flow(g, f) && dflow_reaches(g, f, true))
			return f;
	}
	return NULL;
}

/* Findings the units made themselves, by check, function and file. */
static int known_findings(sqlite3 *db, struct intern *known)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, "SELECT check_name, fn, file FROM findings", -1, &st, NULL))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *k;

		if (asprintf(&k, "%s\t%s\t%s", sqlite3_column_text(st, 0),
			     sqlite3_column_text(st, 1), sqlite3_column_text(st, 2)) < 0)
			break;
		intern(known, k);
		free(k);
	}
	sqlite3_finalize(st);
	return 0;
}

static bool known(struct intern *t, const char *check, const char *fn, const char *file)
{
	char *k;
	bool r;

	if (asprintf(&k, "%s\t%s\t%s", check, fn, file) < 0)
		return false;
	r = intern_lookup(t, k) >= 0;
	free(k);
	return r;
}

static int node_findings(struct dgraph *g, struct dnode *n, struct intern *seen,
			 sqlite3_stmt *st)
{
	const char *label, *cond;
	const struct dflow *f;
	char msg[2048], chain[512], from_s[512];
	int from, rc = 0;

	if (!n->boundary && checked_body(n) &&
	    (f = finding_flow(g, n, false, &label, &cond, &from)) &&
	    !known(seen, "bypass", fname(g, n), f->file)) {
		dflow_chain(g, f, true, chain, sizeof(chain));
		origin(g, from, cond, from_s, sizeof(from_s));
		snprintf(msg, sizeof(msg),
			 "'%s' %s MMIO with %s (device memory: %s%s) outside a map entry point and returns without calling '%s'",
			 fname(g, n), cond ? "may map" : "maps", chain, label, from_s, g->hook);
		rc = insert(st, g, n, f, "bypass", msg);
	}
	if (!rc && !n->spec && (f = finding_flow(g, n, true, &label, &cond, &from)) &&
	    !known(seen, "user-map", fname(g, n), f->file)) {
		origin(g, from, cond, from_s, sizeof(from_s));
		snprintf(msg, sizeof(msg), "'%s' %s device memory into user space with '%s' (%s%s)",
			 fname(g, n), cond ? "may map" : "maps", g->names.names[f->dst_fn],
			 label, from_s);
		rc = insert(st, g, n, f, "user-map", msg);
	}
	return rc;
}

int derive_findings(sqlite3 *db)
{
	struct dgraph g = { 0 };
	struct intern seen = { 0 };
	sqlite3_stmt *st = NULL;
	int k, rc = -1;

	if (sqlite3_exec(db, "CREATE TEMP TABLE IF NOT EXISTS derived_findings(unit TEXT, file TEXT,"
			 " line INTEGER, col INTEGER, check_name TEXT, fn TEXT, message TEXT);"
			 "DELETE FROM temp.derived_findings", NULL, NULL, NULL))
		return -1;
	/* an index from before flow facts: nothing to derive */
	if (sqlite3_exec(db, "SELECT 1 FROM flows LIMIT 1", NULL, NULL, NULL))
		return 0;
	if (dgraph_load(db, &g) || known_findings(db, &seen) ||
	    sqlite3_prepare_v2(db, "INSERT INTO temp.derived_findings VALUES (?, ?, ?, ?, ?, ?, ?)",
			       -1, &st, NULL))
		goto out;
	rc = 0;
	if (g.have_spec) {
		dgraph_solve(&g);
		for (k = 0; k < g.nnodes && !rc; k++)
			rc = node_findings(&g, &g.nodes[k], &seen, st);
	}
out:
	sqlite3_finalize(st);
	intern_free(&seen);
	dgraph_free(&g);
	return rc;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One line for n, or NULL: "FILE:LINE: FN: what -> chain [marks]". */
static char *list_line(struct dgraph *g, struct dnode *n)
{
	const char *label, *cond;
	const struct dflow *f = NULL;
	char chain[512], from_s[512], marks[128] = "", *line;
	int i, p, from;

	/* device attributes a sanitizer covers on the way (every ioremap()
	 * caller's) are not listed: the entry point is */
	for (i = 0; i < n->nflows && !f; i++)
		if (n->flows[i].dst != DST_RETURN &&
		    dflow_device(g, &n->flows[i], &label, &cond, &from) &&
		    (dflow_reaches(g, &n->flows[i], true) || user_map_flow(g, &n->flows[i])))
			f = &n->flows[i];
	if (n->spec)
		snprintf(marks, sizeof(marks), " [spec %s]", spec_kind_name(n->spec->kind));
	if (f) {
		bool bypass = !n->boundary && checked_body(n) && !user_map_flow(g, f) &&
			      dflow_reaches(g, f, true);

		dflow_chain(g, f, false, chain, sizeof(chain));
		origin(g, from, cond, from_s, sizeof(from_s));
		if (asprintf(&line, "%s:%d: %s: %s device memory (%s%s): %s%s%s\n", n->file, n->line,
			     fname(g, n), cond ? "may write" : "writes", label, from_s, chain, marks,
			     user_map_flow(g, f) ? " [user-map]" : bypass ? " [bypass]" :
			     " [announced]") < 0)
			return NULL;
		return line;
	}
	if (!n->reach)
		return NULL;
	for (p = 0; !(n->reach >> p & 1); p++)
		;
	dflow_chain(g, &n->flows[n->reach_hop[p].flow], false, chain, sizeof(chain));
	if (asprintf(&line, "%s:%d: %s: passes parameter %d to the page tables: %s%s\n", n->file,
		     n->line, fname(g, n), p + 1, chain, marks) < 0)
		return NULL;
	return line;
}

/* The spec's mapping names: derived, or why not. */
static void spec_names(struct dgraph *g, FILE *out)
{
	int i, k, have, derived;

	for (i = 0; i < g->spec.nr; i++) {
		const struct spec_entry *e = &g->spec.entries[i];

		if (e->kind != SPEC_PRIMITIVE && e->kind != SPEC_FIXMAP)
			continue;
		for (k = 0, have = 0, derived = 0; k < g->nnodes; k++)
			if (g->nodes[k].unit != -2 && !strcmp(fname(g, &g->nodes[k]), e->name)) {
				have = 1;
				derived |= g->nodes[k].reach != 0;
			}
		fprintf(out, "spec %s %s: %s\n", spec_kind_name(e->kind), e->name,
			derived ? "derived" : have ? "NOT derived" :
			"no function body in the index (a macro here, or not built)");
	}
}

int derive_list(sqlite3 *db, FILE *out)
{
	struct dgraph g = { 0 };
	char **lines = NULL;
	int k, n = 0, i;

	if (dgraph_load(db, &g)) {
		dgraph_free(&g);
		return -1;
	}
	dgraph_solve(&g);
	for (k = 0; k < g.nnodes; k++) {
		char *l = g.nodes[k].unit != -2 ? list_line(&g, &g.nodes[k]) : NULL;

		if (!l)
			continue;
		lines = realloc(lines, (n + 1) * sizeof(*lines));
		lines[n++] = l;
	}
	qsort(lines, n, sizeof(*lines), by_text);
	/* a header's function is a node in every unit that keeps it */
	for (i = 0, k = 0; i < n; i++)
		if (k && !strcmp(lines[k - 1], lines[i]))
			free(lines[i]);
		else
			lines[k++] = lines[i];
	fprintf(out, "# functions that can write device attributes into page tables: %d\n", k);
	for (i = 0; i < k; i++) {
		fputs(lines[i], out);
		free(lines[i]);
	}
	free(lines);
	if (g.have_spec)
		spec_names(&g, out);
	dgraph_free(&g);
	return 0;
}

/* `ioguard audit --derive [-o FILE]`: 0, or 2 on an error. out: -o's
 * file (report_open_output()), NULL for standard output. */
int audit_derive_output(sqlite3 *db, struct outfile *out, const char *output)
{
	FILE *f = out ? outfile_stream(out) : stdout;
	int rc;

	if (!f) {
		fprintf(stderr, "ioguard: audit: cannot write '%s': %s\n", output, strerror(errno));
		return 2;
	}
	rc = derive_list(db, f);
	if (rc) {
		fprintf(stderr, "ioguard: audit: cannot derive from the index: %s\n", sqlite3_errmsg(db));
		return 2;
	}
	if (out && outfile_commit(out)) {
		fprintf(stderr, "ioguard: audit: cannot write '%s': %s\n", output, strerror(errno));
		return 2;
	}
	return 0;
}
