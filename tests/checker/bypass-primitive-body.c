// SPDX-License-Identifier: GPL-2.0
/* Linux 6.12's vmap_page_range(): a primitive's own body is not checked;
 * its callers are. */
#include "kernel.h"

static unsigned int ioremap_max_page_shift = PAGE_SHIFT;

int vmap_page_range(unsigned long addr, unsigned long end,
		    phys_addr_t phys_addr, pgprot_t prot)
{
	int err;

	err = vmap_range_noflush(addr, end, phys_addr, pgprot_nx(prot),
				 ioremap_max_page_shift);
	flush_cache_vmap(addr, end);
	if (!err)
		err = kmsan_ioremap_page_range(addr, end, phys_addr, prot,
					       ioremap_max_page_shift);
	return err;
}

/*
 * check-name: a primitive calling a lower primitive is not a bypass
 *
 * check-error-start
 * check-error-end
 */
