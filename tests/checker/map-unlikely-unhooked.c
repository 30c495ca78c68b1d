// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err = vmap_page_range(addr, end, phys_addr, prot);

	if (unlikely(err))
		return err;
	flush_cache_vmap(addr, end);
	return 0;
}

/*
 * check-name: if (unlikely(err)) return err; without the hook: unhooked-map
 *
 * check-error-start
map-unlikely-unhooked.c:7:34: warning: 'ioremap_page_range' returns after a successful 'vmap_page_range' without calling 'ioremap_page_range_hook' [ioguard-unhooked-map]
 * check-error-end
 */
