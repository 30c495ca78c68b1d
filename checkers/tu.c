// SPDX-License-Identifier: GPL-2.0
/*
 * One translation unit as ioguard sees it. sparse parses, expands and
 * linearizes it (sparse-glue.c reports each step here); ioguard adds:
 *
 * - for each spec io-prot macro (FIXMAP_PAGE_IO) a probe function,
 *   appended after the file, so the macro is evaluated with the file's
 *   own macros, flags and arch, and sparse's optimiser folds it to the
 *   value the IR will show at the call sites;
 * - the spec's functions lose their inline flag before expansion;
 * - each linearized function is kept, and the checks run over all of
 *   them once the unit is done.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "symbol.h"
#include "scope.h"
#include "evaluate.h"
#include "parse.h"

#include "checks.h"
#include "devattr.h"
#include "facts.h"
#include "tu.h"

#define PROBE_PREFIX "__ioguard_probe_"

static struct tu cur;
static bool active;

void tu_begin(const struct spec *spec)
{
	int i;

	tu_end();
	memset(&cur, 0, sizeof(cur));
	cur.spec = spec;
	cur.map_hook = spec_hook(spec, SPEC_HOOK_MAP);
	cur.unmap_hook = spec_hook(spec, SPEC_HOOK_UNMAP);
	cur.io_known = calloc(spec->nr, sizeof(*cur.io_known));
	cur.io_value = calloc(spec->nr, sizeof(*cur.io_value));
	cur.io_pseudo = calloc(spec->nr, sizeof(*cur.io_pseudo));
	cur.spec_idents = calloc(spec->nr, sizeof(*cur.spec_idents));
	for (i = 0; i < spec->nr; i++)
		cur.spec_idents[i] = built_in_ident(spec->entries[i].name);
	active = true;
}

struct token *tu_probe_tokens(void)
{
	char buf[8192];
	struct token *end;
	int i, len = 0;

	if (!active)
		return NULL;
	for (i = 0; i < cur.spec->nr; i++) {
		const char *m = cur.spec->entries[i].io_prot;

		if (!m)
			continue;
		len += snprintf(buf + len, sizeof(buf) - len,
				"#ifdef %s\nstatic __typeof__(%s) " PROBE_PREFIX "%d(void) { return %s; }\n#endif\n",
				m, m, i, m);
		if (len >= (int)sizeof(buf))
			return NULL;
	}
	len += devattr_probe_text(cur.spec, buf + len, sizeof(buf) - len);
	if (len >= (int)sizeof(buf))
		return NULL;
	return len ? tokenize_buffer(buf, len, &end) : NULL;
}

/*
 * Keep calls to the spec's functions as calls: sparse inlines static
 * inline functions, and its optimiser then drops the inlined-call
 * marker, so an inline hook (a static-key test around the real work)
 * or x86's inline __set_fixmap() would vanish from the IR.
 */
void tu_parsed(void)
{
	int i;

	for (i = 0; active && i < cur.spec->nr; i++) {
		struct symbol *sym = lookup_symbol(cur.spec_idents[i], NS_SYMBOL);

		for (; sym; sym = sym->same_symbol) {
			sym->ctype.modifiers &= ~MOD_INLINE;
			if (sym->definition)
				sym->definition->ctype.modifiers &= ~MOD_INLINE;
		}
	}
}

/*
 * A spec primitive or fixmap defined inline in a header (x86's
 * __set_fixmap()) is never linearized by sparse: only its calls were
 * inlined, and they no longer are. The derivation needs its body, so it
 * is evaluated and handed to sparse's loop as sparse does for an inline
 * function whose address is taken (evaluation un-inlines it). So is
 * an exempt function's (drivers/firewire's static inline
 * init_ohci1394_controller()): the audit lists what its body maps.
 * Sinks are left alone: their bodies are where flows end.
 */
void tu_keep_bodies(struct symbol_list **list)
{
	int i, errors;

	for (i = 0; active && i < cur.spec->nr; i++) {
		const struct spec_entry *e = &cur.spec->entries[i];
		struct symbol *sym = lookup_symbol(cur.spec_idents[i], NS_SYMBOL);
		struct symbol *def = sym ? sym->definition : NULL;
		struct symbol *fn = def ? def->ctype.base_type : NULL;
		struct symbol_list *one = NULL;

		if ((e->kind != SPEC_PRIMITIVE && e->kind != SPEC_FIXMAP &&
		     e->kind != SPEC_EXEMPT) || !fn ||
		    fn->type != SYM_FN || fn->stmt || !fn->inline_stmt)
			continue;
		errors = has_error;
		/* add_symbol()'s type check reads through a NULL list head,
		 * which UBSan reports in our (instrumented) code */
		__add_ptr_list((struct ptr_list **)&one, def);
		evaluate_symbol_list(one);	/* it clears has_error's phase bit */
		has_error |= errors;
		__add_ptr_list((struct ptr_list **)list, def);
	}
}

static void read_probe(struct fn *fn)
{
	int idx = atoi(fn->name + strlen(PROBE_PREFIX));
	struct basic_block *bb;
	struct instruction *insn;

	if (idx < 0 || idx >= cur.spec->nr)
		return;
	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			if (!insn->bb || insn->opcode != OP_RET || !insn->src)
				continue;
			if (insn->src->type == PSEUDO_VAL) {
				cur.io_known[idx] = true;
				cur.io_value[idx] = insn->src->value;
			} else {
				cur.io_pseudo[idx] = insn->src;
			}
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}

/* A function sparse has just linearized (it never does one twice). */
void tu_add(struct symbol *sym, struct entrypoint *ep)
{
	struct fn *fn;

	if (!active || !sym->ident || !ep->entry)
		return;
	cur.fns = realloc(cur.fns, (cur.nr + 1) * sizeof(*cur.fns));
	fn = &cur.fns[cur.nr];
	memset(fn, 0, sizeof(*fn));
	fn->sym = sym;
	fn->name = ident_str(sym->ident);
	fn->ep = ep;
	fn->reach_state = fn->ret_state = fn->announces = -1;
	if (!strncmp(fn->name, PROBE_PREFIX, strlen(PROBE_PREFIX))) {
		read_probe(fn);
		free((char *)fn->name);	/* the slot is reused */
		return;
	}
	if (!strncmp(fn->name, DEVATTR_PREFIX, strlen(DEVATTR_PREFIX))) {
		devattr_read_probe(&cur, fn->name, ep);
		free((char *)fn->name);	/* the slot is reused */
		return;
	}
	fn->spec = tu_spec(&cur, sym->ident);
	cur.nr++;
}

/*
 * Number the blocks only now: bb->priv shares a union with bb->context,
 * which sparse's lock-context check sets after each linearization.
 */
static void number_blocks(struct fn *fn)
{
	struct basic_block *bb;
	long nr = 0;

	FOR_EACH_PTR(fn->ep->bbs, bb) {
		bb->priv = (void *)nr++;
	} END_FOR_EACH_PTR(bb);
	fn->nbbs = nr;
}

void tu_end(void)
{
	int i;

	if (!active)
		return;
	active = false;
	for (i = 0; i < cur.nr; i++)
		number_blocks(&cur.fns[i]);
	compute_summaries(&cur);
	for (i = 0; i < cur.nr; i++)
		check_function(&cur, &cur.fns[i]);
	facts_functions(&cur);
	devflow_facts(&cur);
	facts_unit_end();
	devflow_free(&cur);
	for (i = 0; i < cur.nr; i++)
		free((char *)cur.fns[i].name);
	free(cur.fns);
	free(cur.io_known);
	free(cur.io_value);
	free(cur.io_pseudo);
	free(cur.spec_idents);
}
