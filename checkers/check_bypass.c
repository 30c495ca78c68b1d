// SPDX-License-Identifier: GPL-2.0
/*
 * bypass: a function that is not a map entry point maps MMIO through a
 * page-table primitive or a fixmap IO pattern and does not announce it
 * on every success path.
 */
#include "checks.h"

static void unannounced(const struct map_site *m, const struct report_at *at)
{
	const struct spec_entry *e = m->call.spec;

	if (m->in_entry)
		return;
	report(at,
	       "'%s' maps MMIO with '%s'%s%s%s outside a map entry point and returns without calling '%s'",
	       m->fn->name, e->name, e->io_prot ? " (" : "",
	       e->io_prot ? e->io_prot : "", e->io_prot ? ")" : "",
	       m->tu->map_hook->name);
}

const struct check check_bypass = {
	.unannounced = unannounced,
};
