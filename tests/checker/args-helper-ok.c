// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

static void __attribute__((noinline))
announce_io(unsigned long addr, unsigned long end, phys_addr_t phys,
	    pgprot_t prot)
{
	ioremap_page_range_hook(addr, end, phys, prot);
}

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err = vmap_page_range(addr, end, phys_addr, prot);

	if (!err)
		announce_io(addr, end, phys_addr, prot);
	return err;
}

/*
 * check-name: the right values through a helper are clean
 *
 * check-error-start
 * check-error-end
 */
