// SPDX-License-Identifier: GPL-2.0
/*
 * Summaries of same-file helpers, so that a hook called through a static
 * helper counts: does every path from the helper's entry to a return
 * call the hook, and which of its parameters does it pass on?
 */
#include "walk.h"

static bool always_calls(struct tu *tu, struct fn *fn, enum call_kind want);

struct summary_walk {
	struct tu *tu;
	struct fn *fn;
	enum call_kind want;
};

/* Does this call count as the hook we want (directly or through a helper)? */
static bool calls_wanted(struct summary_walk *sw, struct ir_insn *insn)
{
	struct call c;
	struct fn *h;

	classify_call(sw->tu, insn, &c);
	if (c.kind == sw->want)
		return true;
	if (c.spec || c.helper)
		return false;
	h = tu_find(sw->tu, callee_name(insn));
	return h && h != sw->fn && always_calls(sw->tu, h, sw->want);
}

/* One block: a return reached without the hook ends the walk. */
static enum walk_next scan_block(struct walk *w, struct ir_block *bb,
				 struct ir_insn *from, int state)
{
	int i;

	for (i = 0; i < bb->ninsns; i++) {
		struct ir_insn *insn = bb->insns[i];

		switch (insn->op) {
		case IR_CALL:
			if (calls_wanted(w->data, insn))
				return WALK_PATH_ENDS;
			break;
		case IR_RET:
			return WALK_STOP;
		case IR_UNREACH:
			return WALK_PATH_ENDS;
		default:
			break;
		}
	}
	return WALK_SUCCESSORS;
}

/* Is the hook called on every path from fn's entry to a return? */
static bool always_calls(struct tu *tu, struct fn *fn, enum call_kind want)
{
	signed char *slot = want == CALL_MAP_HOOK ? &fn->always_map_hook :
						    &fn->always_unmap_hook;
	struct summary_walk sw = { tu, fn, want };
	/* depth first: the order decides which helper of a recursive cycle
	 * is summarised while the other is still open (and assumed "no") */
	struct walk w = { .order = WALK_DEPTH_FIRST, .nstates = 1,
			  .visit = scan_block, .data = &sw };

	if (*slot >= 0)
		return *slot;
	*slot = 0;	/* recursion: assume not while computing */
	if (!fn->ir->entry || fn->spec)
		return false;
	*slot = walk_blocks(&w, fn, fn->ir->entry, NULL, 0);
	return *slot;
}

/* Which of fn's parameters each map-hook argument comes from. */
static void hook_params(struct tu *tu, struct fn *fn)
{
	bool first = true;
	int b, k, i;

	for (i = 0; i < SPEC_MAX_ARGS; i++)
		fn->hook_params[i] = UNKNOWN_PARAMS;
	for (b = 0; b < fn->ir->nblocks; b++) {
		struct ir_block *bb = fn->ir->blocks[b];

		for (k = 0; k < bb->ninsns; k++) {
			struct ir_insn *insn = bb->insns[k];

			if (insn->op != IR_CALL ||
			    tu_spec(tu, callee_name(insn)) != tu->map_hook)
				continue;
			for (i = 0; i < tu->map_hook->nargs; i++) {
				unsigned long long m = param_mask(call_arg(insn, i));

				if (first)
					fn->hook_params[i] = m;
				else if (fn->hook_params[i] != m)
					fn->hook_params[i] = UNKNOWN_PARAMS;
			}
			first = false;
		}
	}
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
