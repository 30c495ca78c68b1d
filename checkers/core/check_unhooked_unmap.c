// SPDX-License-Identifier: GPL-2.0
/*
 * unhooked-unmap: an unmap entry point tears down an ioremapped area on
 * a path where the unmap hook was not called first.
 */
#include "checks.h"

static void unhooked_teardown(const struct teardown_site *t,
			      const struct report_at *at)
{
	report(at,
	       "'%s' tears down the mapping with '%s' without calling '%s' first",
	       t->fn->name, t->spec->name, t->tu->unmap_hook->name);
}

const struct check check_unhooked_unmap = {
	.unhooked_teardown = unhooked_teardown,
};
