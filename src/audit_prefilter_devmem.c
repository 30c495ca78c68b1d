// SPDX-License-Identifier: GPL-2.0
/*
 * The prefilter for device memory as data flow (docs/devmem.md): which
 * units can hold a function on a flow from device attributes to a
 * page-table write, decided from text like the rest of the prefilter.
 *
 * Across functions the checker follows protections only in values of a
 * protection type (pgprot_t, pte_t, pmd_t, pud_t, p4d_t, x86's struct
 * pgprot: checkers/devfacts.c), so a function can pass one on only if
 * its signature or its body names such a type, itself or through a
 * macro: it "carries" one. Selected are:
 *
 * - from the sinks up, every carrying function that mentions a sink or
 *   a carrying function already reached, at any depth, never past a
 *   sanitizer (the map hook, entry points, sanitizers, user maps,
 *   exempt functions): the chains `--derive` shows;
 * - the functions that make device attributes ("sources": they carry a
 *   protection and mention a device-attr value's name, MT_DEVICE_nGnRE,
 *   _PAGE_IO, through macros and inline functions) that a function of
 *   the closures calls, and the functions of the closures that are
 *   sources or call one; the sources of the closures are where findings
 *   are, so they are seeds of the ordinary closure too, for their
 *   callers' chains;
 * - the user maps, as seeds of the ordinary closure (their callers are
 *   the user-map check's findings and chains).
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "prefilter_graph.h"

enum { F_PROT = 1, F_SRC = 2, F_SRC_MACRO = 4 };

static const char *const prot_types[] = {
	"pgprot_t", "pte_t", "pmd_t", "pud_t", "p4d_t", "pgprot",
};

static unsigned char *flags;	/* per name, for devmem_select */
static char *arch_defined;	/* per name: the arch's headers define it */

static void mark(struct graph *g, const char *name, int bit, int **work, int *n)
{
	int id = intern_lookup(g->names, name);

	if (id < 0 || (flags[id] & bit))
		return;
	flags[id] |= bit;
	*work = realloc(*work, (*n + 1) * sizeof(**work));
	(*work)[(*n)++] = id;
}

/*
 * A flag spreads to every macro that mentions it, and for device values
 * (F_SRC) to inline functions too: sparse inlines them, so what they
 * make is made in their caller. A protection type does not spread
 * through an inline function: what comes out of one is its typed
 * return, which its caller names to keep (kmap_local_page() builds a PTE
 * inside; its callers carry no protection). F_SRC_MACRO: device values
 * through macros only.
 */
static void expand(struct graph *g, struct bucket *b, int bit, int *work, int n)
{
	int i;

	while (n) {
		int x = work[--n];

		for (i = 0; i < b[x].nr; i++) {
			struct node *d = &g->nodes[b[x].defs[i]];

			/* a generic fallback the arch overrides is not this
			 * arch's (#ifndef pgprot_writecombine) */
			if (d->kind == DEF_FUNC || (bit != F_SRC && d->kind == DEF_INLINE) ||
			    (!d->arch && d->unit < 0 && arch_defined[d->name]) ||
			    (flags[d->name] & bit))
				continue;
			flags[d->name] |= bit;
			work = realloc(work, (n + 1) * sizeof(*work));
			work[n++] = d->name;
		}
	}
	free(work);
}

/* The identifiers of a device-attr value that are not called: MT_DEVICE_nGnRE. */
static void value_names(struct graph *g, const char *v, int bit, int **work, int *n)
{
	const char *p = v, *w;
	char name[128];

	while (*p) {
		if (!(isalpha((unsigned char)*p) || *p == '_')) {
			p++;
			continue;
		}
		for (w = p; isalnum((unsigned char)*p) || *p == '_'; p++)
			;
		if (*p == '(' || p - w >= (int)sizeof(name))
			continue;
		memcpy(name, w, p - w);
		name[p - w] = '\0';
		mark(g, name, bit, work, n);
	}
}

static void compute_flags(struct audit *a, struct graph *g, struct bucket *b)
{
	int *work = NULL, n = 0, i, j, k;

	flags = calloc(g->names->nr, 1);
	arch_defined = calloc(g->names->nr, 1);
	for (i = 0; i < g->nr; i++)
		arch_defined[g->nodes[i].name] |= g->nodes[i].arch;
	for (i = 0; i < (int)(sizeof(prot_types) / sizeof(*prot_types)); i++)
		mark(g, prot_types[i], F_PROT, &work, &n);
	expand(g, b, F_PROT, work, n);
	for (k = 0; k < 2; k++) {
		int bit = k ? F_SRC_MACRO : F_SRC;

		work = NULL, n = 0;
		for (i = 0; i < a->spec.nr; i++)
			for (j = 0; a->spec.entries[i].kind == SPEC_DEVICE_ATTR &&
				    j < a->spec.entries[i].nvalues; j++)
				value_names(g, a->spec.entries[i].values[j], bit, &work, &n);
		expand(g, b, bit, work, n);
	}
}

static bool mentions(const struct node *d, int bit)
{
	int i;

	for (i = 0; i < d->nmentions; i++)
		if (flags[d->mentions[i]] & bit)
			return true;
	for (i = 0; bit == F_PROT && i < d->nsig; i++)
		if (flags[d->sig[i]] & bit)
			return true;
	return false;
}

static bool boundary(struct audit *a, struct graph *g, int name)
{
	const struct spec_entry *e = spec_find(&a->spec, g->names->names[name]);

	return e && (e->kind == SPEC_HOOK_MAP || e->kind == SPEC_HOOK_UNMAP ||
		     e->kind == SPEC_ENTRY_MAP || e->kind == SPEC_ENTRY_UNMAP ||
		     e->kind == SPEC_SANITIZER || e->kind == SPEC_USER_MAP ||
		     e->kind == SPEC_EXEMPT);
}

/* The definitions of each name (a name can have several). */
static struct bucket *definitions(struct graph *g)
{
	struct bucket *d = calloc(g->names->nr, sizeof(*d));
	int i;

	for (i = 0; i < g->nr; i++) {
		struct bucket *x = &d[g->nodes[i].name];

		x->defs = realloc(x->defs, (x->nr + 1) * sizeof(int));
		x->defs[x->nr++] = i;
	}
	return d;
}

static bool in_closure(const int *depth, const char *reached, int name)
{
	return depth[name] != INT_MAX || reached[name];
}

/*
 * Does name lead to a source function, itself or down a macro or an
 * inline function it names? Those source functions' units are selected
 * (ghes_map() reads __acpi_get_mem_attribute()'s result). memo: 0 not
 * known yet, 1 no, 2 yes, 3 being visited.
 */
static bool leads_to_source(struct audit *a, struct graph *g, struct bucket *defs,
			    const char *is_source, int name, char *memo)
{
	bool yes = false;
	int i, j;

	if (memo[name])
		return memo[name] == 2;
	memo[name] = 3;
	for (i = 0; i < defs[name].nr; i++) {
		struct node *d = &g->nodes[defs[name].defs[i]];

		if (d->kind == DEF_FUNC) {
			if (is_source[name] && d->unit >= 0) {
				a->units[d->unit].selected = true;
				yes = true;
			}
			continue;
		}
		for (j = 0; j < d->nmentions; j++)
			yes |= leads_to_source(a, g, defs, is_source, d->mentions[j], memo);
	}
	memo[name] = yes ? 2 : 1;
	return yes;
}

static bool seed_name(int *depth, int name)
{
	if (depth[name] == 0)
		return false;
	depth[name] = 0;
	return true;
}

/*
 * The functions of the closures that make device attributes, or read a
 * source function's result, are where findings are: selected, and seeds
 * of the ordinary closure (depth 0) for their callers' chains. So are
 * the user maps, for the user-map findings' chains. True when a seed
 * was added.
 */
static bool select_sources(struct audit *a, struct graph *g, int *depth, const char *reached)
{
	char *is_source = calloc(g->names->nr, 1), *memo = calloc(g->names->nr, 1);
	struct bucket *defs = definitions(g);
	bool seeded = false, finds;
	int i, j;

	for (i = 0; i < g->nr; i++) {
		struct node *d = &g->nodes[i];

		if (d->kind == DEF_FUNC && !boundary(a, g, d->name) &&
		    mentions(d, F_SRC) && mentions(d, F_PROT))
			is_source[d->name] = 1;
	}
	for (i = 0; i < g->nr; i++) {
		struct node *d = &g->nodes[i];

		if (d->kind != DEF_FUNC || !in_closure(depth, reached, d->name))
			continue;
		finds = is_source[d->name];
		for (j = 0; j < d->nmentions; j++)
			finds |= leads_to_source(a, g, defs, is_source, d->mentions[j], memo);
		if (!finds || d->unit < 0 || boundary(a, g, d->name) || !mentions(d, F_PROT))
			continue;
		a->units[d->unit].selected = true;
		/* chains for the functions that make device attributes; one
		 * that only reads a source's result is not a seed (they are
		 * mm's general helpers on x86), see docs/devmem.md */
		if (is_source[d->name])
			seeded |= seed_name(depth, d->name);
	}
	for (i = 0; i < a->spec.nr; i++) {
		int id = intern_lookup(g->names, a->spec.entries[i].name);

		if (a->spec.entries[i].kind == SPEC_USER_MAP && id >= 0)
			seeded |= seed_name(depth, id);
	}
	for (i = 0; i < g->names->nr; i++)
		free(defs[i].defs);
	free(defs);
	free(memo);
	free(is_source);
	return seeded;
}

/*
 * After the ordinary closure: the sinks' closure, the user maps' callers,
 * the sources. True when the ordinary closure must run again (sources
 * are new seeds).
 */
bool devmem_select(struct audit *a, struct graph *g, struct bucket *b, int *depth)
{
	char *reached = calloc(g->names->nr, 1);
	int *work = NULL, n = 0, i;
	bool seeded;

	compute_flags(a, g, b);
	for (i = 0; i < a->spec.nr; i++) {
		int id = intern_lookup(g->names, a->spec.entries[i].name);

		if (a->spec.entries[i].kind != SPEC_SINK || id < 0 || reached[id])
			continue;
		reached[id] = 1;
		work = realloc(work, (n + 1) * sizeof(*work));
		work[n++] = id;
	}
	while (n) {
		int x = work[--n];

		for (i = 0; i < b[x].nr; i++) {
			struct node *d = &g->nodes[b[x].defs[i]];

			if (d->kind == DEF_FUNC) {
				if (!mentions(d, F_PROT))
					continue;
				if (d->unit >= 0)
					a->units[d->unit].selected = true;
				if (boundary(a, g, d->name))
					continue;
			}
			if (reached[d->name])
				continue;
			reached[d->name] = 1;
			work = realloc(work, (n + 1) * sizeof(*work));
			work[n++] = d->name;
		}
	}
	seeded = select_sources(a, g, depth, reached);
	free(work);
	free(reached);
	free(flags);
	free(arch_defined);
	flags = NULL;
	arch_defined = NULL;
	return seeded;
}
