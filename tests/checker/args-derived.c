// SPDX-License-Identifier: GPL-2.0
/* Copies through locals and arithmetic on the same values are derived;
 * pgprot_nx(prot) is derived from prot. */
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	unsigned long start = addr, size = end - addr;
	phys_addr_t phys = phys_addr;
	int err;

	err = vmap_range_noflush(addr, end, phys_addr, pgprot_nx(prot),
				 PAGE_SHIFT);
	if (err)
		return err;
	ioremap_page_range_hook(start, start + size, phys, prot);
	return 0;
}

/*
 * check-name: locals, arithmetic and pgprot_nx() count as derived
 *
 * check-error-start
 * check-error-end
 */
