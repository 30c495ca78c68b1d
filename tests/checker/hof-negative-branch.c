// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int ret = vmap_page_range(addr, end, phys_addr, prot);

	if (ret < 0) {
		ioremap_page_range_hook(addr, end, phys_addr, prot);
		return ret;
	}
	return 0;
}

/*
 * check-name: the hook in the (ret < 0) branch is hook-on-failure
 *
 * check-error-start
hof-negative-branch.c:7:34: warning: 'ioremap_page_range' returns after a successful 'vmap_page_range' without calling 'ioremap_page_range_hook' [ioguard-unhooked-map]
hof-negative-branch.c:10:40: warning: 'ioremap_page_range' calls 'ioremap_page_range_hook' on a path where 'vmap_page_range' failed [ioguard-hook-on-failure]
 * check-error-end
 */
