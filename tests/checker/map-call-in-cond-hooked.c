// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	if (vmap_page_range(addr, end, phys_addr, prot))
		return -ENOMEM;
	ioremap_page_range_hook(addr, end, phys_addr, prot);
	return 0;
}

/*
 * check-name: the call inside the condition, hook after it: clean
 *
 * check-error-start
 * check-error-end
 */
