// SPDX-License-Identifier: GPL-2.0
/* x86's iounmap(): early returns, then remove_vm_area(). */
#include "kernel.h"

extern void *high_memory;
void memtype_free(phys_addr_t start, phys_addr_t end);

void iounmap(volatile void __iomem *addr)
{
	struct vm_struct *p, *o;

	if ((void *)addr <= high_memory)
		return;

	addr = (volatile void __iomem *)(PAGE_MASK & (unsigned long)addr);
	p = find_vm_area((void *)addr);
	if (!p)
		return;

	memtype_free(p->phys_addr, p->phys_addr + get_vm_area_size(p));
	o = remove_vm_area((void *)addr);
	kfree(p);
}

/*
 * check-name: x86 iounmap() shape: remove_vm_area() unhooked
 *
 * check-error-start
unmap-x86-shape.c:21:27: warning: 'iounmap' tears down the mapping with 'remove_vm_area' without calling 'iounmap_page_range_hook' first [ioguard-unhooked-unmap]
 * check-error-end
 */
