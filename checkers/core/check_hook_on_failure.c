// SPDX-License-Identifier: GPL-2.0
/*
 * hook-on-failure: the map hook is reached on a path where the mapping
 * failed, or where its result was never tested.
 */
#include "checks.h"

static void hooked(const struct hook_site *h, const struct report_at *at)
{
	const struct map_site *m = h->map;

	if (h->status == ST_SUCCESS)
		return;
	report(at, h->status == ST_FAILURE ?
	       "'%s' calls '%s' on a path where '%s' failed" :
	       "'%s' calls '%s' without testing that '%s' succeeded",
	       m->fn->name, h->call.helper ? h->call.helper->name :
					     h->call.spec->name,
	       m->call.spec->name);
}

const struct check check_hook_on_failure = {
	.hooked = hooked,
};
