// SPDX-License-Identifier: GPL-2.0
/*
 * A finding's chains as a picture: one graphviz digraph from the roots
 * (exported symbols, initcalls, probes, callbacks) down through the
 * callers to the function and its unhooked mapping, drawn by `dot
 * -Tsvg` into SVG that the HTML report inlines. A function is one node
 * however many chains pass it; nodes and edges come in the chains'
 * order, so the same finding gives the same picture.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ioguard.h"
#include "report_graph.h"

bool graph_available(void)
{
	const char *path = getenv("PATH");
	char *dirs, *dir, *save, *exe;
	bool found = false;

	if (!path || !(dirs = strdup(path)))
		return false;
	for (dir = strtok_r(dirs, ":", &save); dir && !found; dir = strtok_r(NULL, ":", &save)) {
		if (asprintf(&exe, "%s/dot", *dir ? dir : ".") < 0)
			break;
		found = access(exe, X_OK) == 0;
		free(exe);
	}
	free(dirs);
	return found;
}

/* A DOT string: quotes and backslashes escaped, newlines as \n. */
static void dot_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		if (*s == '\n')
			fputs("\\n", f);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

struct node {
	const char *fn, *file;
	char kinds[64];		/* the roots it is, "export, probe" */
};

struct graph {
	struct node *nodes;
	int nnodes;
	int (*edges)[3];	/* from, to, line */
	int nedges;
};

static int node(struct graph *g, const char *fn, const char *file)
{
	int i;

	for (i = 0; i < g->nnodes; i++)
		if (!strcmp(g->nodes[i].fn, fn) && !strcmp(g->nodes[i].file, file))
			return i;
	g->nodes = realloc(g->nodes, (g->nnodes + 1) * sizeof(*g->nodes));
	g->nodes[g->nnodes] = (struct node){ fn, file, "" };
	return g->nnodes++;
}

static void root_kind(struct node *n, const char *kind)
{
	size_t len = strlen(n->kinds);

	if (strstr(n->kinds, kind))
		return;
	snprintf(n->kinds + len, sizeof(n->kinds) - len, "%s%s", len ? ", " : "", kind);
}

static void edge(struct graph *g, int from, int to, int line)
{
	int i;

	for (i = 0; i < g->nedges; i++)
		if (g->edges[i][0] == from && g->edges[i][1] == to && g->edges[i][2] == line)
			return;
	g->edges = realloc(g->edges, (g->nedges + 1) * sizeof(*g->edges));
	g->edges[g->nedges][0] = from;
	g->edges[g->nedges][1] = to;
	g->edges[g->nedges++][2] = line;
}

static void write_dot(FILE *f, const struct finding *x)
{
	struct graph g = { 0 };
	int i, j, self;
	char *label;

	self = node(&g, x->fn, x->file);
	for (i = 0; i < x->nchains; i++) {
		const struct chain *c = &x->chains[i];

		for (j = 0; j < c->nsteps; j++) {
			int from = node(&g, c->steps[j].fn, c->steps[j].file);
			int to = j + 1 < c->nsteps ?
				 node(&g, c->steps[j + 1].fn, c->steps[j + 1].file) : self;

			if (!j)
				root_kind(&g.nodes[from], c->kind);
			edge(&g, from, to, c->steps[j].line);
		}
	}
	fputs("digraph chains {\n"
	      "  graph [rankdir=TB, bgcolor=\"transparent\", nodesep=0.25, ranksep=0.3];\n"
	      "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef2f7\", color=\"#5a7394\","
	      " fontname=\"DejaVu Sans\", fontsize=10];\n"
	      "  edge [color=\"#5a7394\", fontname=\"DejaVu Sans\", fontsize=8, fontcolor=\"#4a4a4a\"];\n",
	      f);
	for (i = 0; i < g.nnodes; i++) {
		const struct node *n = &g.nodes[i];

		if (asprintf(&label, "%s\n%s%s%s%s", n->fn, n->file, *n->kinds ? "\n(" : "",
			     n->kinds, *n->kinds ? ")" : "") < 0)
			continue;
		fprintf(f, "  n%d [label=", i);
		dot_string(f, label);
		if (i == self)
			fputs(", fillcolor=\"#fdebc8\", color=\"#a86a00\"", f);
		else if (*n->kinds)
			fputs(", fillcolor=\"#e3f1e3\", color=\"#3d7a3d\"", f);
		fputs("];\n", f);
		free(label);
	}
	if (asprintf(&label, "[ioguard-%s]\n%s:%d:%d", x->check, x->file, x->line, x->col) >= 0) {
		fputs("  mapping [shape=box, style=filled, fillcolor=\"#f6d2d2\", color=\"#a02c2c\", label=", f);
		dot_string(f, label);
		fputs("];\n", f);
		free(label);
	}
	for (i = 0; i < g.nedges; i++)
		fprintf(f, "  n%d -> n%d [label=\" line %d\"];\n", g.edges[i][0], g.edges[i][1],
			g.edges[i][2]);
	fprintf(f, "  n%d -> mapping [color=\"#a02c2c\"];\n}\n", self);
	free(g.nodes);
	free(g.edges);
}

char *graph_svg(const struct finding *x)
{
	const char *tmpdir = getenv("TMPDIR");
	char *path, *svg, *start;
	char *argv[] = { "dot", "-Tsvg", NULL, NULL };
	FILE *f;
	int fd, slot;

	if (asprintf(&path, "%s/ioguard-graph.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp") < 0)
		return NULL;
	fd = mkstemp(path);
	f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		if (fd >= 0)
			close(fd);
		free(path);
		return NULL;
	}
	slot = cleanup_add(path, 0);	/* dot may time out (run.c), or a signal come */
	write_dot(f, x);
	argv[2] = path;
	svg = fclose(f) ? NULL : run_capture(argv);
	unlink(path);
	cleanup_done(slot);
	free(path);
	/* inline SVG: no XML declaration, doctype or comments before <svg */
	start = svg ? strstr(svg, "<svg") : NULL;
	if (!start) {
		free(svg);
		return NULL;
	}
	memmove(svg, start, strlen(start) + 1);
	return svg;
}
