// SPDX-License-Identifier: GPL-2.0
/*
 * Summaries of same-file helpers, so that a hook called through a static
 * helper counts: does every path from the helper's entry to a return
 * call the hook, and which of its parameters does it pass on?
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static bool always_calls(struct tu *tu, struct fn *fn, enum call_kind want);

/* Depth-first walk: true when no return is reachable without the hook. */
static bool all_paths(struct tu *tu, struct fn *fn, struct basic_block *bb,
		      char *seen, enum call_kind want)
{
	struct instruction *insn;
	struct basic_block *child;
	long idx = (long)bb->priv;

	if (seen[idx])
		return true;
	seen[idx] = 1;
	FOR_EACH_PTR(bb->insns, insn) {
		struct call c;

		if (!insn->bb)
			continue;
		switch (insn->opcode) {
		case OP_CALL:
			classify_call(tu, insn, &c);
			if (c.kind == want)
				return true;
			if (!c.spec && !c.helper) {
				struct fn *h = tu_find(tu, callee_ident(insn));

				if (h && h != fn && always_calls(tu, h, want))
					return true;
			}
			break;
		case OP_RET:
			return false;
		case OP_UNREACH:
			return true;
		default:
			break;
		}
	} END_FOR_EACH_PTR(insn);
	FOR_EACH_PTR(bb->children, child) {
		if (!all_paths(tu, fn, child, seen, want))
			return false;
	} END_FOR_EACH_PTR(child);
	return true;
}

static bool always_calls(struct tu *tu, struct fn *fn, enum call_kind want)
{
	signed char *slot = want == CALL_MAP_HOOK ? &fn->always_map_hook :
						    &fn->always_unmap_hook;
	char *seen;

	if (*slot >= 0)
		return *slot;
	*slot = 0;	/* recursion: assume not while computing */
	if (!fn->ep || !fn->ep->entry || fn->spec)
		return false;
	seen = calloc(fn->nbbs + 1, 1);
	*slot = all_paths(tu, fn, fn->ep->entry->bb, seen, want);
	free(seen);
	return *slot;
}

/* Which of fn's parameters each map-hook argument comes from. */
static void hook_params(struct tu *tu, struct fn *fn)
{
	struct basic_block *bb;
	struct instruction *insn;
	bool first = true;
	int i;

	for (i = 0; i < SPEC_MAX_ARGS; i++)
		fn->hook_params[i] = UNKNOWN_PARAMS;
	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			if (!insn->bb || insn->opcode != OP_CALL ||
			    tu_spec(tu, callee_ident(insn)) != tu->map_hook)
				continue;
			for (i = 0; i < tu->map_hook->nargs; i++) {
				unsigned long long m = param_mask(call_arg(insn, i));

				if (first)
					fn->hook_params[i] = m;
				else if (fn->hook_params[i] != m)
					fn->hook_params[i] = UNKNOWN_PARAMS;
			}
			first = false;
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}

void compute_summaries(struct tu *tu)
{
	int i;

	for (i = 0; i < tu->nr; i++) {
		struct fn *fn = &tu->fns[i];

		fn->always_map_hook = fn->always_unmap_hook = -1;
	}
	for (i = 0; i < tu->nr; i++) {
		struct fn *fn = &tu->fns[i];

		always_calls(tu, fn, CALL_MAP_HOOK);
		if (tu->unmap_hook)
			always_calls(tu, fn, CALL_UNMAP_HOOK);
		if (fn->always_map_hook > 0)
			hook_params(tu, fn);
	}
}
