// SPDX-License-Identifier: GPL-2.0
/*
 * The prefilter: which units can hold a finding, or a call on a chain
 * from a finding up to its roots, decided from text alone (audit_text.c)
 * so that every run, shard or not, decides the same.
 *
 * The graph: nodes are definitions (macros and inline functions of the
 * headers and units, and the units' functions); a definition depends on
 * every name its body mentions. Starting from the spec's primitives and
 * fixmaps at depth 0, a macro or inline function that mentions a name
 * at depth k is itself at depth k (it is expanded where it is used), a
 * function that mentions it selects its unit and, unless it is a root
 * or k is the depth limit, is at depth k + 1 (its callers are on the
 * chain). Units defining a map or unmap entry point are selected too.
 * Text holds every call sparse can see after expansion (both sides of
 * each #if, every macro), so a unit left out can hold neither a finding
 * nor a call the report's chains use: the report is the same with and
 * without the prefilter, which tests/kernel/audit.sh checks.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "audit.h"
#include "ioguard.h"
#include "prefilter_graph.h"


static void add_file(struct audit *a, struct graph *g, struct text_file *f, int unit,
		     bool arch)
{
	int i, j;

	for (i = 0; i < f->ndefs; i++) {
		struct text_def *d = &f->defs[i];
		struct node *n;

		if (g->nr == g->alloc) {
			g->alloc = g->alloc ? g->alloc * 2 : 65536;
			g->nodes = realloc(g->nodes, g->alloc * sizeof(*g->nodes));
		}
		n = &g->nodes[g->nr++];
		n->name = d->name;
		n->kind = d->kind;
		n->unit = d->kind == DEF_FUNC ? unit : -1;
		n->root = false;
		if (d->kind == DEF_FUNC) {
			const struct spec_entry *e = spec_find(&a->spec, g->names->names[d->name]);

			n->root = e && (e->kind == SPEC_ENTRY_MAP || e->kind == SPEC_ENTRY_UNMAP);
		}
		for (j = 0; j < f->nroots && unit >= 0; j++)
			if (f->roots[j].name == d->name)
				n->root = true;
		/* the node takes the mentions over */
		n->mentions = d->mentions;
		n->nmentions = d->nmentions;
		d->mentions = NULL;
		n->sig = d->sig;
		n->nsig = d->nsig;
		d->sig = NULL;
		n->arch = arch;
	}
}

static bool is_file(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode);
}

/* The unit's -I directories, absolute (kbuild's relative ones are in
 * the build directory), NULL-terminated. */
static char **include_dirs(const struct audit *a, const char *args)
{
	char **dirs = NULL, *copy = strdup(args), *w, *save;
	int n = 0;
	bool next = false;

	for (w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		const char *d = next ? w : !strncmp(w, "-I", 2) && w[2] ? w + 2 : NULL;

		next = !strcmp(w, "-I");
		if (!d)
			continue;
		dirs = realloc(dirs, (n + 2) * sizeof(*dirs));
		if (d[0] == '/')
			dirs[n++] = strdup(d);
		else if (asprintf(&dirs[n], "%s/%s", a->build, d) >= 0)
			n++;
	}
	free(copy);
	if (dirs)
		dirs[n] = NULL;
	return dirs;
}

/* A quoted include: next to its includer, in the unit's -I directories,
 * else in the tree's include/. */
static bool resolve(const struct audit *a, const char *from, const char *inc,
		    char **dirs, char *out, size_t len)
{
	const char *slash = strrchr(from, '/');
	int i;

	snprintf(out, len, "%.*s/%s", (int)(slash ? slash - from : 1),
		 slash ? from : ".", inc);
	if (is_file(out))
		return true;
	for (i = 0; dirs && dirs[i]; i++) {
		snprintf(out, len, "%s/%s", dirs[i], inc);
		if (is_file(out))
			return true;
	}
	snprintf(out, len, "%s/include/%s", a->tree, inc);
	return is_file(out);
}

/* A header of the arch's own (arch/ARCH/include, generated ones too). */
static bool is_arch_header(const struct audit *a, const char *path)
{
	char dir[PATH_MAX];

	snprintf(dir, sizeof(dir), "/arch/%s/include/", a->srcarch);
	return strstr(path, dir) != NULL;
}

/* Scan path (once) and the files it includes with quotes. */
static void scan_tree(struct audit *a, struct graph *g, const char *path,
		      int unit, struct unit *u, char **dirs, int level)
{
	struct text_file f;
	char inc[PATH_MAX];
	size_t n = strlen(path);
	bool header = n > 2 && !strcmp(path + n - 2, ".h");
	int i;

	if (level > 16 || (header && intern_lookup(&g->seen, path) >= 0))
		return;
	if (header)
		intern(&g->seen, path);
	if (text_scan(g->names, path, &f))
		return;
	add_file(a, g, &f, header ? -1 : unit, header && is_arch_header(a, path));
	if (u && !header) {
		u->roots = realloc(u->roots, (u->nroots + f.nroots) * sizeof(*u->roots));
		memcpy(u->roots + u->nroots, f.roots, f.nroots * sizeof(*f.roots));
		u->nroots += f.nroots;
	}
	for (i = 0; i < f.nincludes; i++)
		if (resolve(a, path, f.includes[i], dirs, inc, sizeof(inc)))
			scan_tree(a, g, inc, unit, u, dirs, level + 1);
	text_free(&f);
}

/* Every header of the global include directories (the tree's, the
 * arch's, and the build's generated ones). */
static void scan_dir(struct audit *a, struct graph *g, const char *dir)
{
	char *argv[] = { "find", (char *)dir, "-name", "*.h", "-type", "f", NULL };
	char *list = run_capture(argv), *p, *nl;

	for (p = list; p && *p; p = nl ? nl + 1 : p + strlen(p)) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		scan_tree(a, g, p, -1, NULL, NULL, 0);
	}
	free(list);
}

/* name -> the nodes that mention it */
struct bucket *mentioners(struct graph *g)
{
	struct bucket *b = calloc(g->names->nr, sizeof(*b));
	int *count = calloc(g->names->nr, sizeof(int));
	int i, j;

	for (i = 0; i < g->nr; i++)
		for (j = 0; j < g->nodes[i].nmentions; j++)
			count[g->nodes[i].mentions[j]]++;
	for (i = 0; i < g->names->nr; i++)
		b[i].defs = count[i] ? malloc(count[i] * sizeof(int)) : NULL;
	for (i = 0; i < g->nr; i++)
		for (j = 0; j < g->nodes[i].nmentions; j++) {
			struct bucket *x = &b[g->nodes[i].mentions[j]];

			x->defs[x->nr++] = i;
		}
	free(count);
	return b;
}

struct worklist { int *v; int nr, alloc; };

static void push(struct worklist *w, int x)
{
	if (w->nr == w->alloc) {
		w->alloc = w->alloc ? w->alloc * 2 : 1024;
		w->v = realloc(w->v, w->alloc * sizeof(int));
	}
	w->v[w->nr++] = x;
}

/*
 * Level by level: expansions stay on the level (the current worklist),
 * calls go to the next one; a name's depth is final once its level is
 * done.
 */
static void closure(struct audit *a, struct graph *g, struct bucket *b,
		    int *depth)
{
	struct worklist cur = { 0 }, next = { 0 }, swap;
	int i, k;

	for (i = 0; i < g->names->nr; i++)
		if (depth[i] == 0)
			push(&cur, i);
	for (k = 0; cur.nr; k++) {
		while (cur.nr) {
			int x = cur.v[--cur.nr];

			if (depth[x] != k)
				continue;
			for (i = 0; i < b[x].nr; i++) {
				struct node *n = &g->nodes[b[x].defs[i]];
				bool call = n->kind == DEF_FUNC;

				if (call && n->unit >= 0)
					a->units[n->unit].selected = true;
				/* a root ends a chain, but the mapping function's
				 * own callers are always followed (k == 0) */
				if ((call && ((n->root && k > 0) || k + 1 > a->depth)) ||
				    depth[n->name] <= k + call)
					continue;
				depth[n->name] = k + call;
				push(call ? &next : &cur, n->name);
			}
		}
		swap = cur;
		cur = next;
		next = swap;
	}
	free(cur.v);
	free(next.v);
}

static void seed(struct audit *a, struct graph *g, int *depth)
{
	int i, id;

	for (i = 0; i < a->spec.nr; i++) {
		const struct spec_entry *e = &a->spec.entries[i];

		if (e->kind != SPEC_PRIMITIVE && e->kind != SPEC_FIXMAP)
			continue;
		id = intern(g->names, e->name);
		depth[id] = 0;
	}
	/* units that define an entry point: its own checks */
	for (i = 0; i < g->nr; i++) {
		const struct spec_entry *e;

		if (g->nodes[i].kind != DEF_FUNC || g->nodes[i].unit < 0)
			continue;
		e = spec_find(&a->spec, g->names->names[g->nodes[i].name]);
		if (e && (e->kind == SPEC_ENTRY_MAP || e->kind == SPEC_ENTRY_UNMAP))
			a->units[g->nodes[i].unit].selected = true;
	}
}

int prefilter(struct audit *a, bool all)
{
	struct graph g = { .names = &a->names };
	struct bucket *b;
	int *depth, i;
	char dir[PATH_MAX];

	snprintf(dir, sizeof(dir), "%s/include", a->tree);
	scan_dir(a, &g, dir);
	snprintf(dir, sizeof(dir), "%s/arch/%s/include", a->tree, a->srcarch);
	scan_dir(a, &g, dir);
	snprintf(dir, sizeof(dir), "%s/include/generated", a->build);
	scan_dir(a, &g, dir);
	snprintf(dir, sizeof(dir), "%s/arch/%s/include/generated", a->build, a->srcarch);
	scan_dir(a, &g, dir);
	for (i = 0; i < a->nunits; i++) {
		char **dirs = include_dirs(a, a->units[i].args);
		int k;

		scan_tree(a, &g, a->units[i].src, i, &a->units[i], dirs, 0);
		for (k = 0; dirs && dirs[k]; k++)
			free(dirs[k]);
		free(dirs);
	}
	if (all) {
		for (i = 0; i < a->nunits; i++)
			a->units[i].selected = true;
	} else {
		/* intern the spec's names before sizing the arrays */
		for (i = 0; i < a->spec.nr; i++)
			intern(g.names, a->spec.entries[i].name);
		b = mentioners(&g);
		depth = malloc(g.names->nr * sizeof(int));
		for (i = 0; i < g.names->nr; i++)
			depth[i] = INT_MAX;
		seed(a, &g, depth);
		closure(a, &g, b, depth);
		/* device memory's flows; its sources seed the closure again */
		if (devmem_select(a, &g, b, depth))
			closure(a, &g, b, depth);
		for (i = 0; i < g.names->nr; i++)
			free(b[i].defs);
		free(b);
		free(depth);
	}
	for (i = 0; i < g.nr; i++) {
		free(g.nodes[i].mentions);
		free(g.nodes[i].sig);
	}
	free(g.nodes);
	intern_free(&g.seen);
	return 0;
}
