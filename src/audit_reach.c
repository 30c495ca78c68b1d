// SPDX-License-Identifier: GPL-2.0
/*
 * Who reaches a finding: breadth first up the index's direct calls, from
 * the finding's function to the roots that make it reachable (exported
 * symbols, initcalls and boot parameters, probe functions, callbacks),
 * never past a root, a map or unmap entry point, or the audit's depth.
 * A static function is called only from its own unit. Ends are found in
 * breadth-first order over sorted callers, so the chains are the same
 * whatever order the units were checked in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "audit_report.h"
#include "intern.h"

#define MAX_CHAINS 6

struct call_row { int unit, caller, line, callee_static; };
struct callers { struct call_row *v; int nr; };

struct graph {
	struct intern names;	/* units and functions */
	struct intern keys;	/* "unit\tfn" */
	struct callers *by_callee;	/* by name id */
	int nby;
	signed char *is_static;	/* by key id */
	char **root;		/* by key id: root kind or NULL */
	char **file;		/* by key id: the function's file */
	int nkeys;
	struct intern entries;
	int depth;
};

static int key(struct graph *g, int unit, int fn, bool add)
{
	char buf[1024];

	snprintf(buf, sizeof(buf), "%s\t%s", g->names.names[unit], g->names.names[fn]);
	if (!add)
		return intern_lookup(&g->keys, buf);
	return intern(&g->keys, buf);
}

static void grow_keys(struct graph *g)
{
	int i;

	if (g->keys.nr <= g->nkeys)
		return;
	g->is_static = realloc(g->is_static, g->keys.nr);
	g->root = realloc(g->root, g->keys.nr * sizeof(char *));
	g->file = realloc(g->file, g->keys.nr * sizeof(char *));
	for (i = g->nkeys; i < g->keys.nr; i++) {
		g->is_static[i] = 0;
		g->root[i] = NULL;
		g->file[i] = NULL;
	}
	g->nkeys = g->keys.nr;
}

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? (const char *)s : "";
}

static int load(sqlite3 *db, struct graph *g)
{
	sqlite3_stmt *st;
	int k;

	if (sqlite3_prepare_v2(db, "SELECT unit, name, file, static FROM fns", -1, &st, NULL))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		k = key(g, intern(&g->names, col(st, 0)), intern(&g->names, col(st, 1)), true);
		grow_keys(g);
		g->is_static[k] = sqlite3_column_int(st, 3);
		if (!g->file[k])
			g->file[k] = strdup(col(st, 2));
	}
	sqlite3_finalize(st);
	/* the strongest root kind of each function: export, initcall, probe, callback */
	if (sqlite3_prepare_v2(db, "SELECT unit, name, kind FROM roots ORDER BY "
			       "CASE kind WHEN 'export' THEN 0 WHEN 'initcall' THEN 1 "
			       "WHEN 'probe' THEN 2 ELSE 3 END", -1, &st, NULL))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		k = key(g, intern(&g->names, col(st, 0)), intern(&g->names, col(st, 1)), true);
		grow_keys(g);
		if (!g->root[k])
			g->root[k] = strdup(col(st, 2));
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db, "SELECT callee, unit, caller, line, callee_static FROM calls "
			       "ORDER BY unit, caller, line, callee", -1, &st, NULL))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int callee = intern(&g->names, col(st, 0));
		struct callers *c;

		if (callee >= g->nby) {
			g->by_callee = realloc(g->by_callee, (callee + 1) * sizeof(*g->by_callee));
			memset(g->by_callee + g->nby, 0, (callee + 1 - g->nby) * sizeof(*g->by_callee));
			g->nby = callee + 1;
		}
		c = &g->by_callee[callee];
		c->v = realloc(c->v, (c->nr + 1) * sizeof(*c->v));
		c->v[c->nr++] = (struct call_row){ intern(&g->names, col(st, 1)),
						   intern(&g->names, col(st, 2)),
						   sqlite3_column_int(st, 3),
						   sqlite3_column_int(st, 4) };
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'entries'", -1, &st, NULL))
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		char *list = strdup(col(st, 0)), *w, *save;

		for (w = strtok_r(list, " ", &save); w; w = strtok_r(NULL, " ", &save))
			intern(&g->entries, w);
		free(list);
	}
	sqlite3_finalize(st);
	return 0;
}

struct visit { int unit, fn, parent, line, level; };

static void add_chain(struct graph *g, struct finding *f, struct visit *v, int end,
		      const char *kind)
{
	struct chain *c;
	int n = 0, i, j;

	for (i = end; v[i].parent >= 0; i = v[i].parent)
		n++;
	f->chains = realloc(f->chains, (f->nchains + 1) * sizeof(*f->chains));
	c = &f->chains[f->nchains++];
	c->kind = strdup(kind);
	c->nsteps = n;
	c->steps = calloc(n, sizeof(*c->steps));
	/* steps[0] is the root: the end of the walk up */
	for (i = end, j = 0; v[i].parent >= 0; i = v[i].parent, j++) {
		int k = key(g, v[i].unit, v[i].fn, false);

		c->steps[j].fn = strdup(g->names.names[v[i].fn]);
		c->steps[j].file = strdup(k >= 0 && g->file[k] ? g->file[k] : g->names.names[v[i].unit]);
		c->steps[j].line = v[i].line;
	}
}

static void walk(struct graph *g, struct finding *f)
{
	struct visit *v = NULL;
	struct intern seen = { 0 };
	int nv = 0, head = 0, unit, fn, k;
	char buf[1024];

	if (intern_lookup(&g->entries, f->fn) >= 0)
		return;		/* an entry point: every ioremap reaches it */
	unit = intern(&g->names, f->unit);
	fn = intern(&g->names, f->fn);
	v = malloc(sizeof(*v));
	v[nv++] = (struct visit){ unit, fn, -1, 0, 0 };
	snprintf(buf, sizeof(buf), "%d\t%d", unit, fn);
	intern(&seen, buf);
	while (head < nv) {
		struct visit cur = v[head];
		struct callers *c = cur.fn < g->nby ? &g->by_callee[cur.fn] : NULL;
		bool is_static, any = false;
		const char *end = NULL;
		int i;

		k = key(g, cur.unit, cur.fn, false);
		is_static = k >= 0 && g->is_static[k];
		if (head > 0) {
			if (k >= 0 && g->root[k])
				end = g->root[k];
			else if (intern_lookup(&g->entries, g->names.names[cur.fn]) >= 0)
				end = "entry";
		}
		for (i = 0; !end && c && i < c->nr; i++) {
			struct call_row *r = &c->v[i];

			if (r->unit != cur.unit && (is_static || r->callee_static))
				continue;
			any = true;
			if (cur.level >= g->depth)
				break;
			snprintf(buf, sizeof(buf), "%d\t%d", r->unit, r->caller);
			if (intern_lookup(&seen, buf) >= 0)
				continue;
			intern(&seen, buf);
			v = realloc(v, (nv + 1) * sizeof(*v));
			v[nv++] = (struct visit){ r->unit, r->caller, head, r->line, cur.level + 1 };
		}
		if (!end && !any && head > 0)
			end = "uncalled";
		else if (!end && any && cur.level >= g->depth)
			end = "depth";
		if (end && f->nchains < MAX_CHAINS)
			add_chain(g, f, v, head, end);
		head++;
	}
	f->ncallers = nv - 1;
	free(v);
	intern_free(&seen);
}

int reach_compute(sqlite3 *db, struct report *r)
{
	struct graph g = { .depth = r->depth };
	int i;

	if (load(db, &g))
		return -1;
	for (i = 0; i < r->nfindings; i++)
		walk(&g, &r->findings[i]);
	for (i = 0; i < g.nby; i++)
		free(g.by_callee[i].v);
	for (i = 0; i < g.nkeys; i++) {
		free(g.root[i]);
		free(g.file[i]);
	}
	free(g.by_callee);
	free(g.is_static);
	free(g.root);
	free(g.file);
	intern_free(&g.names);
	intern_free(&g.keys);
	intern_free(&g.entries);
	return 0;
}
