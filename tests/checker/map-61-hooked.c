// SPDX-License-Identifier: GPL-2.0
/* Linux 6.1's ioremap_page_range() with the hook on the success path. */
#include "kernel.h"

static unsigned int ioremap_max_page_shift = PAGE_SHIFT;

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err;

	err = vmap_range_noflush(addr, end, phys_addr, pgprot_nx(prot),
				 ioremap_max_page_shift);
	flush_cache_vmap(addr, end);
	if (!err)
		err = kmsan_ioremap_page_range(addr, end, phys_addr, prot,
					       ioremap_max_page_shift);
	if (!err)
		ioremap_page_range_hook(addr, end, phys_addr, prot);
	return err;
}

/*
 * check-name: 6.1 shape with the hook after success is clean
 *
 * check-error-start
 * check-error-end
 */
