// SPDX-License-Identifier: GPL-2.0
/*
 * hook-result: a map hook that returns a value (it can refuse the
 * mapping) is called and its result dropped, so a mapping the hypervisor
 * refused stays in place and the caller is told it succeeded. A hook
 * declared void has nothing to test.
 */
#include "checks.h"

static void hooked(const struct hook_site *h, const struct report_at *at)
{
	pseudo_t res = h->insn->target;

	if (h->call.helper || !res || res == VOID || has_users(res))
		return;
	report(at, "'%s' ignores the result of '%s': a refused mapping must be undone and fail",
	       h->map->fn->name, h->call.spec->name);
}

const struct check check_hook_result = {
	.hooked = hooked,
};
