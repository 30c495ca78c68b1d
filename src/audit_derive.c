// SPDX-License-Identifier: GPL-2.0
/*
 * Device memory across units: the index's flow facts (one unit each,
 * checkers/devfacts.c) joined into one graph and solved to a fixed
 * point (docs/devmem.md):
 *
 *   reach(F, p)  parameter p of F reaches a sink: F passes it to a sink,
 *                or to parameter k of G with reach(G, k);
 *   ureach(F, p) the same through no sanitizer: F is not the map hook,
 *                an entry point, a sanitizer, a user map or exempt, and
 *                does not call the hook itself;
 *   ret(F)       F returns device attributes: its own, or G's result
 *                with ret(G).
 *
 * Static functions are one node per unit, the others one node per name.
 * Every pass visits every flow in the index's order, so what is found
 * (and which chain is kept) does not depend on the order units ran in.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "derive_graph.h"

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? (const char *)s : "";
}

static int node_key(struct dgraph *g, int unit, int fn, bool add)
{
	char buf[1024];

	snprintf(buf, sizeof(buf), "%s\t%s", unit >= 0 ? g->names.names[unit] : "",
		 g->names.names[fn]);
	return add ? intern(&g->keys, buf) : intern_lookup(&g->keys, buf);
}

static struct dnode *node(struct dgraph *g, int unit, int fn)
{
	int k = node_key(g, unit, fn, true);

	if (k >= g->nnodes) {
		g->nodes = realloc(g->nodes, (k + 1) * sizeof(*g->nodes));
		memset(g->nodes + g->nnodes, 0, (k + 1 - g->nnodes) * sizeof(*g->nodes));
		for (; g->nnodes <= k; g->nnodes++) {
			g->nodes[g->nnodes].ret.flow = -1;
			g->nodes[g->nnodes].unit = -2;	/* not yet filled */
		}
	}
	if (g->nodes[k].unit == -2) {
		g->nodes[k].unit = unit;
		g->nodes[k].name = fn;
		g->nodes[k].spec = g->have_spec ? spec_find(&g->spec, g->names.names[fn]) : NULL;
	}
	return &g->nodes[k];
}

int dgraph_resolve(struct dgraph *g, int unit, int fn)
{
	int k = node_key(g, unit, fn, false);

	return k >= 0 ? k : node_key(g, -1, fn, false);
}

/* "param:2", "device:LABEL", "ret:fn"; "sink:name", "arg:fn:2", "return" */
static bool parse_flow(struct dgraph *g, struct dflow *f, const char *src, const char *dst)
{
	const char *c;

	if (!strncmp(src, "param:", 6)) {
		f->src = SRC_PARAM;
		f->param = atoi(src + 6);
		if (f->param < 0 || f->param > 63)
			return false;
	} else if (!strncmp(src, "device:", 7)) {
		f->src = SRC_DEVICE;
		f->label = strdup(src + 7);
	} else if (!strncmp(src, "ret:", 4)) {
		f->src = SRC_RET;
		f->callee = intern(&g->names, src + 4);
	} else {
		return false;
	}
	if (!strncmp(dst, "sink:", 5)) {
		f->dst = DST_SINK;
		f->dst_fn = intern(&g->names, dst + 5);
	} else if (!strncmp(dst, "arg:", 4) && (c = strrchr(dst + 4, ':'))) {
		f->dst = DST_ARG;
		f->dst_fn = intern_n(&g->names, dst + 4, c - dst - 4);
		f->arg = atoi(c + 1);
	} else if (!strcmp(dst, "return")) {
		f->dst = DST_RETURN;
	} else {
		return false;
	}
	return true;
}

static int load_flows(sqlite3 *db, struct dgraph *g)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, "SELECT unit, fn, static, file, line, src, dst, cond FROM flows "
			       "ORDER BY unit, fn, line, src, dst, cond", -1, &st, NULL))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int unit = intern(&g->names, col(st, 0));
		struct dnode *n = node(g, sqlite3_column_int(st, 2) ? unit : -1,
				       intern(&g->names, col(st, 1)));
		struct dflow f = { .unit = unit, .line = sqlite3_column_int(st, 4) };

		if (!parse_flow(g, &f, col(st, 5), col(st, 6)))
			continue;
		f.file = strdup(col(st, 3));
		f.cond = strdup(col(st, 7));
		if (!n->file) {
			n->file = strdup(f.file);
			n->line = f.line;
		}
		n->flows = realloc(n->flows, (n->nflows + 1) * sizeof(*n->flows));
		n->flows[n->nflows++] = f;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Who calls the hook, and where the index has each definition. */
static int load_fns(sqlite3 *db, struct dgraph *g)
{
	sqlite3_stmt *st;
	int k;

	if (sqlite3_prepare_v2(db, "SELECT unit, fn, static FROM announces", -1, &st, NULL))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int unit = intern(&g->names, col(st, 0));

		node(g, sqlite3_column_int(st, 2) ? unit : -1,
		     intern(&g->names, col(st, 1)))->announces = true;
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db, "SELECT unit, name, file, line, static FROM fns "
			       "ORDER BY unit, name, line", -1, &st, NULL))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int unit = intern_lookup(&g->names, col(st, 0)), fn = intern_lookup(&g->names, col(st, 1));

		if (unit < 0 || fn < 0)
			continue;
		k = node_key(g, sqlite3_column_int(st, 4) ? unit : -1, fn, false);
		if (k < 0)
			continue;	/* no flows: not in the graph */
		free(g->nodes[k].file);
		g->nodes[k].file = strdup(col(st, 2));
		g->nodes[k].line = sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	return 0;
}

static int load_spec(sqlite3 *db, struct dgraph *g)
{
	sqlite3_stmt *st;
	char err[256];
	const struct spec_entry *h;

	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'spec'", -1, &st, NULL))
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		g->have_spec = !spec_parse(&g->spec, "<index>", col(st, 0), err, sizeof(err));
	sqlite3_finalize(st);
	h = g->have_spec ? spec_hook(&g->spec, SPEC_HOOK_MAP) : NULL;
	g->hook = h ? h->name : "the map hook";
	return 0;
}

/* Flows end at these: covered, or another check's business. */
static bool boundary(const struct dnode *n)
{
	if (n->announces)
		return true;
	if (!n->spec)
		return false;
	switch (n->spec->kind) {
	case SPEC_HOOK_MAP: case SPEC_HOOK_UNMAP: case SPEC_ENTRY_MAP:
	case SPEC_ENTRY_UNMAP: case SPEC_SANITIZER: case SPEC_USER_MAP:
	case SPEC_EXEMPT:
		return true;
	default:
		return false;
	}
}

int dgraph_load(sqlite3 *db, struct dgraph *g)
{
	int i;

	if (load_spec(db, g) || load_flows(db, g) || load_fns(db, g))
		return -1;
	for (i = 0; i < g->nnodes; i++)
		g->nodes[i].boundary = boundary(&g->nodes[i]);
	return 0;
}

static bool set_bit(unsigned long long *mask, struct hop **hops, int bit, int flow, int next)
{
	if (*mask & (1ULL << bit))
		return false;
	if (!*hops)
		*hops = calloc(64, sizeof(**hops));
	*mask |= 1ULL << bit;
	(*hops)[bit] = (struct hop){ flow, next };
	return true;
}

/* One flow of node k, one step of the fixed point. */
static bool step(struct dgraph *g, int k, int i)
{
	struct dnode *n = &g->nodes[k];
	struct dflow *f = &n->flows[i];
	int m = f->dst == DST_ARG ? dgraph_resolve(g, f->unit, f->dst_fn) : -1;
	bool changed = false, all, unc;

	if (f->src == SRC_PARAM && f->dst != DST_RETURN) {
		all = f->dst == DST_SINK || (m >= 0 && (g->nodes[m].reach & (1ULL << f->arg)));
		unc = f->dst == DST_SINK || (m >= 0 && (g->nodes[m].ureach & (1ULL << f->arg)));
		if (all)
			changed |= set_bit(&n->reach, &n->reach_hop, f->param, i, m);
		if (unc && !n->boundary)
			changed |= set_bit(&n->ureach, &n->ureach_hop, f->param, i, m);
	}
	if (f->dst == DST_RETURN && n->ret.flow < 0) {
		int h = f->src == SRC_RET ? dgraph_resolve(g, f->unit, f->callee) : -1;

		if (f->src == SRC_DEVICE || (h >= 0 && h != k && g->nodes[h].ret.flow >= 0)) {
			n->ret = (struct hop){ i, h };
			changed = true;
		}
	}
	return changed;
}

void dgraph_solve(struct dgraph *g)
{
	bool changed = true;
	int k, i;

	while (changed) {
		changed = false;
		for (k = 0; k < g->nnodes; k++)
			for (i = 0; i < g->nodes[k].nflows; i++)
				changed |= step(g, k, i);
	}
}

bool dflow_device(struct dgraph *g, const struct dflow *f, const char **label,
		  const char **cond, int *from)
{
	int h, depth;
	const struct dflow *r = f;

	*from = -1;
	*cond = strcmp(f->cond, "-") ? f->cond : NULL;
	if (f->src == SRC_DEVICE) {
		*label = f->label;
		return true;
	}
	if (f->src != SRC_RET || (h = dgraph_resolve(g, f->unit, f->callee)) < 0 ||
	    g->nodes[h].ret.flow < 0)
		return false;
	*from = h;
	/* down the returns to the function that chose the value */
	for (depth = 0; h >= 0 && depth < 16; depth++) {
		r = &g->nodes[h].flows[g->nodes[h].ret.flow];
		if (strcmp(r->cond, "-"))
			*cond = r->cond;
		h = g->nodes[h].ret.next;
	}
	*label = r->label ? r->label : "?";
	return true;
}

bool dflow_reaches(struct dgraph *g, const struct dflow *f, bool uncovered)
{
	int m;

	if (f->dst == DST_SINK)
		return true;
	if (f->dst != DST_ARG || (m = dgraph_resolve(g, f->unit, f->dst_fn)) < 0)
		return false;
	return ((uncovered ? g->nodes[m].ureach : g->nodes[m].reach) >> f->arg) & 1;
}

void dflow_chain(struct dgraph *g, const struct dflow *f, bool uncovered,
		 char *buf, size_t len)
{
	size_t n = 0;
	int m, arg, depth;

	buf[0] = '\0';
	for (depth = 0; f && depth < 32 && n < len; depth++) {
		n += snprintf(buf + n, len - n, "%s'%s'", depth ? " -> " : "",
			      g->names.names[f->dst_fn]);
		if (f->dst != DST_ARG || (m = dgraph_resolve(g, f->unit, f->dst_fn)) < 0)
			break;
		arg = f->arg;
		if (!((uncovered ? g->nodes[m].ureach : g->nodes[m].reach) >> arg & 1))
			break;
		{
			struct hop *h = &(uncovered ? g->nodes[m].ureach_hop : g->nodes[m].reach_hop)[arg];

			f = &g->nodes[m].flows[h->flow];
		}
	}
}

void dgraph_free(struct dgraph *g)
{
	int k, i;

	for (k = 0; k < g->nnodes; k++) {
		struct dnode *n = &g->nodes[k];

		for (i = 0; i < n->nflows; i++) {
			free(n->flows[i].file);
			free(n->flows[i].cond);
			free(n->flows[i].label);
		}
		free(n->flows);
		free(n->file);
		free(n->reach_hop);
		free(n->ureach_hop);
	}
	free(g->nodes);
	intern_free(&g->names);
	intern_free(&g->keys);
}
