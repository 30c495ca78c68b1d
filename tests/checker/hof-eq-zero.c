// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int ret = vmap_page_range(addr, end, phys_addr, prot);

	if (ret == 0)
		ioremap_page_range_hook(addr, end, phys_addr, prot);
	return ret;
}

/*
 * check-name: if (ret == 0) hook: clean
 *
 * check-error-start
 * check-error-end
 */
