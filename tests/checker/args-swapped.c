// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err = vmap_page_range(addr, end, phys_addr, prot);

	if (!err)
		ioremap_page_range_hook(phys_addr, end, addr, prot);
	return err;
}

/*
 * check-name: addr and phys swapped in the hook call
 *
 * check-error-start
args-swapped.c:10:40: warning: 'ioremap_page_range' passes 'ioremap_page_range_hook' a value as addr that is not derived from the addr given to 'vmap_page_range' [ioguard-hook-args]
args-swapped.c:10:40: warning: 'ioremap_page_range' passes 'ioremap_page_range_hook' a value as phys that is not derived from the phys given to 'vmap_page_range' [ioguard-hook-args]
 * check-error-end
 */
