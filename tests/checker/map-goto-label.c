// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err;

	err = vmap_page_range(addr, end, phys_addr, prot);
	if (err)
		goto out;
	ioremap_page_range_hook(addr, end, phys_addr, prot);
out:
	flush_cache_vmap(addr, end);
	return err;
}

/*
 * check-name: goto to an error label that skips the hook only on failure
 *
 * check-error-start
 * check-error-end
 */
