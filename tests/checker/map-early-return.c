// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err;

	err = vmap_page_range(addr, end, phys_addr, prot);
	if (err)
		return err;
	ioremap_page_range_hook(addr, end, phys_addr, prot);
	return 0;
}

/*
 * check-name: if (err) return err; then the hook: clean
 *
 * check-error-start
 * check-error-end
 */
