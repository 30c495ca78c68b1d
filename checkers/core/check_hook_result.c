// SPDX-License-Identifier: GPL-2.0
/*
 * hook-result: a map hook that returns a value (it can refuse the
 * mapping) is called and its result dropped, so a mapping the hypervisor
 * refused stays in place and the caller is told it succeeded. A hook
 * declared void has nothing to test.
 */
#include "checks.h"

static bool reads(const struct ir_insn *i, const struct ir_value *v)
{
	int k;

	if (i->src == v || i->src2 == v || i->src3 == v ||
	    (i->op == IR_STORE && i->target == v))
		return true;
	for (k = 0; k < i->nargs; k++)
		if (i->args[k] == v)
			return true;
	for (k = 0; k < i->nphis; k++)
		if (i->phis[k] == v)
			return true;
	return false;
}

/* Does any live instruction of fn read v? */
static bool used(const struct ir_fn *fn, const struct ir_value *v)
{
	int b, k;

	for (b = 0; b < fn->nblocks; b++)
		for (k = 0; k < fn->blocks[b]->ninsns; k++)
			if (reads(fn->blocks[b]->insns[k], v))
				return true;
	return false;
}

static void hooked(const struct hook_site *h, const struct report_at *at)
{
	const struct ir_value *res = h->insn->target;

	if (h->call.helper || !res || res == &ir_void || res->kind == IRV_VOID ||
	    used(h->map->fn->ir, res))
		return;
	report(at, "'%s' ignores the result of '%s': a refused mapping must be undone and fail",
	       h->map->fn->name, h->call.spec->name);
}

const struct check check_hook_result = {
	.hooked = hooked,
};
