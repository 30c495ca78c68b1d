// SPDX-License-Identifier: GPL-2.0
/*
 * hook-args: each map-hook argument must be derived from the argument
 * of the same role given to the mapping it announces. Through a helper,
 * the helper's parameters that feed the hook are compared instead.
 */
#include "checks.h"

static enum derived role_derived(const struct hook_site *h, int hook_idx,
				 pseudo_t mapped)
{
	struct instruction *call = h->insn;
	struct fn *helper = h->call.helper;
	unsigned long long mask;
	enum derived d = DERIVED_NO;
	int i;

	if (!helper)
		return pseudo_derived(call_arg(call, hook_idx), mapped);
	mask = helper->hook_params[hook_idx];
	if (mask == UNKNOWN_PARAMS)
		return DERIVED_UNSURE;
	for (i = 0; i < 64; i++) {
		if (!(mask & (1ULL << i)))
			continue;
		switch (pseudo_derived(call_arg(call, i), mapped)) {
		case DERIVED_YES:
			return DERIVED_YES;
		case DERIVED_UNSURE:
			d = DERIVED_UNSURE;
			break;
		default:
			break;
		}
	}
	return d;
}

static void hooked(const struct hook_site *h, const struct report_at *at)
{
	const struct map_site *m = h->map;
	const struct spec_entry *hook = m->tu->map_hook;
	const struct spec_entry *prim = m->call.spec;
	int i;

	/* through a helper the call's arguments are not the spec's roles */
	if (m->call.via)
		return;
	for (i = 0; i < hook->nargs; i++) {
		enum spec_role role = hook->roles[i];
		int idx = spec_arg(prim, role);
		pseudo_t mapped;

		if (role == ROLE_NONE || idx < 0)
			continue;
		mapped = call_arg(m->insn, idx);
		if (!mapped || role_derived(h, i, mapped) != DERIVED_NO)
			continue;
		report(at,
		       "'%s' passes '%s' a value as %s that is not derived from the %s given to '%s'",
		       m->fn->name, h->call.helper ? h->call.helper->name :
						     hook->name,
		       spec_role_name(role), spec_role_name(role), prim->name);
	}
}

const struct check check_hook_args = {
	.hooked = hooked,
};
