// SPDX-License-Identifier: GPL-2.0
/* With the feature configured out the hook is an empty static inline.
 * The checker keeps calls to spec functions as calls (it does not let
 * sparse inline them), so the call site is judged, not the stub. */
#define TEST_OWN_HOOKS
#include "kernel.h"

static inline void ioremap_page_range_hook(unsigned long addr,
					   unsigned long end,
					   phys_addr_t phys_addr, pgprot_t prot)
{
}

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err = vmap_page_range(addr, end, phys_addr, prot);

	if (!err)
		ioremap_page_range_hook(addr, end, phys_addr, prot);
	return err;
}

/*
 * check-name: a call to a hook that is an empty inline still counts
 *
 * check-error-start
 * check-error-end
 */
