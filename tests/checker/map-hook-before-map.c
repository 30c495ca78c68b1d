// SPDX-License-Identifier: GPL-2.0
/* Announcing before mapping: the success path after the map has no hook. */
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	ioremap_page_range_hook(addr, end, phys_addr, prot);
	return vmap_page_range(addr, end, phys_addr, prot);
}

/*
 * check-name: the hook before the mapping does not announce it
 *
 * check-error-start
map-hook-before-map.c:9:31: warning: 'ioremap_page_range' returns after a successful 'vmap_page_range' without calling 'ioremap_page_range_hook' [ioguard-unhooked-map]
 * check-error-end
 */
