// SPDX-License-Identifier: GPL-2.0
/*
 * unhooked-map: a map entry point returns after a successful mapping
 * without calling the map hook.
 */
#include "checks.h"

static void unannounced(const struct map_site *m, const struct report_at *at)
{
	if (!m->in_entry)
		return;
	report(at,
	       "'%s' returns after a successful '%s' without calling '%s'",
	       m->fn->name, m->call.spec->name, m->tu->map_hook->name);
}

const struct check check_unhooked_map = {
	.unannounced = unannounced,
};
