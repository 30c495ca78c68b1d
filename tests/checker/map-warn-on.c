// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err = vmap_page_range(addr, end, phys_addr, prot);

	if (WARN_ON(err))
		return err;
	ioremap_page_range_hook(addr, end, phys_addr, prot);
	return 0;
}

/*
 * check-name: the result tested through WARN_ON(): clean
 *
 * check-error-start
 * check-error-end
 */
