// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int ret;

	ret = vmap_page_range(addr, end, phys_addr, prot);
	ioremap_page_range_hook(addr, end, phys_addr, prot);
	return ret;
}

/*
 * check-name: the hook without testing the result is hook-on-failure
 *
 * check-error-start
hof-unchecked.c:10:32: warning: 'ioremap_page_range' calls 'ioremap_page_range_hook' without testing that 'vmap_page_range' succeeded [ioguard-hook-on-failure]
 * check-error-end
 */
