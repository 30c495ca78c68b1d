// SPDX-License-Identifier: GPL-2.0
/* Linux 6.1's ioremap_page_range(): the result flows through a second
 * call and is returned; no hook. */
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
	return err;
}

/*
 * check-name: 6.1 shape without the hook is unhooked-map
 *
 * check-error-start
map-61-unhooked.c:13:33: warning: 'ioremap_page_range' returns after a successful 'vmap_range_noflush' without calling 'ioremap_page_range_hook' [ioguard-unhooked-map]
 * check-error-end
 */
