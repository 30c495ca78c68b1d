// SPDX-License-Identifier: GPL-2.0
/* Linux 6.12's ioremap_page_range(): checks the area, then returns
 * vmap_page_range()'s result directly. */
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	struct vm_struct *area;

	area = find_vm_area((void *)addr);
	if (!area || !(area->flags & VM_IOREMAP))
		return -EINVAL;
	if (addr != (unsigned long)area->addr ||
	    (void *)end != area->addr + get_vm_area_size(area))
		return -ERANGE;
	return vmap_page_range(addr, end, phys_addr, prot);
}

/*
 * check-name: 6.12 shape (return vmap_page_range()) is unhooked-map
 *
 * check-error-start
map-612-unhooked.c:17:31: warning: 'ioremap_page_range' returns after a successful 'vmap_page_range' without calling 'ioremap_page_range_hook' [ioguard-unhooked-map]
 * check-error-end
 */
