// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	if (vmap_page_range(addr, end, phys_addr, prot))
		return -ENOMEM;
	return 0;
}

/*
 * check-name: the call inside the condition, no hook: unhooked-map
 *
 * check-error-start
map-call-in-cond-unhooked.c:7:28: warning: 'ioremap_page_range' returns after a successful 'vmap_page_range' without calling 'ioremap_page_range_hook' [ioguard-unhooked-map]
 * check-error-end
 */
