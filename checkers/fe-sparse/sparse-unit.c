// SPDX-License-Identifier: GPL-2.0
/*
 * One translation unit as sparse gives it to ioguard. sparse parses,
 * expands and linearizes it (sparse-glue.c reports each step here);
 * ioguard adds:
 *
 * - the core's probes (core/tu.c), appended after the file's tokens, so
 *   that sparse's optimiser folds the spec's macros to the values the IR
 *   will show at the call sites;
 * - the spec's functions lose their inline flag before expansion;
 * - each linearized function is copied into the core's IR, and the
 *   checks run over all of them once the unit is done.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "symbol.h"
#include "scope.h"
#include "evaluate.h"
#include "parse.h"

#include "sparse-unit.h"
#include "../core/facts.h"

static struct ident **spec_idents;	/* parallel to the spec's entries */
static const struct spec *cur_spec;

void unit_begin(const struct spec *spec, const char *file)
{
	int i;

	unit_end();
	tu_begin(spec);
	cur_spec = spec;
	spec_idents = calloc(spec->nr, sizeof(*spec_idents));
	for (i = 0; i < spec->nr; i++)
		spec_idents[i] = built_in_ident(spec->entries[i].name);
	facts_unit(file);
	facts_stream_mark();
}

struct token *unit_probe_tokens(void)
{
	char buf[8192];
	struct token *end;
	int len;

	if (!tu_active())
		return NULL;
	len = tu_probe_text(buf, sizeof(buf), PROBE_RETURN);
	return len > 0 ? tokenize_buffer(buf, len, &end) : NULL;
}

/*
 * Keep calls to the spec's functions as calls: sparse inlines static
 * inline functions, and its optimiser then drops the inlined-call
 * marker, so an inline hook (a static-key test around the real work)
 * or x86's inline __set_fixmap() would vanish from the IR.
 */
void unit_parsed(void)
{
	int i;

	for (i = 0; tu_active() && i < cur_spec->nr; i++) {
		struct symbol *sym = lookup_symbol(spec_idents[i], NS_SYMBOL);

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
void unit_keep_bodies(struct symbol_list **list)
{
	int i, errors;

	for (i = 0; tu_active() && i < cur_spec->nr; i++) {
		const struct spec_entry *e = &cur_spec->entries[i];
		struct symbol *sym = lookup_symbol(spec_idents[i], NS_SYMBOL);
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

/* A function sparse has just linearized (it never does one twice). */
void unit_add(struct symbol *sym, struct entrypoint *ep)
{
	if (!tu_active() || !sym->ident || !ep->entry)
		return;
	tu_add(lower_function(sym, ep));
}

void unit_end(void)
{
	if (!tu_active())
		return;
	tu_run();
	facts_deps();
	facts_unit_end(has_error);
	tu_free();
	lower_reset();
	free(spec_idents);
	spec_idents = NULL;
}
