// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

void generic_iounmap(volatile void __iomem *addr)
{
	void *vaddr = (void *)((unsigned long)addr & PAGE_MASK);
	struct vm_struct *area = find_vm_area(vaddr);

	if (!area)
		return;
	vunmap(vaddr);
	iounmap_page_range_hook(area->phys_addr, get_vm_area_size(area));
}

/*
 * check-name: the unmap hook after the teardown is too late
 *
 * check-error-start
unmap-hook-after.c:11:15: warning: 'generic_iounmap' tears down the mapping with 'vunmap' without calling 'iounmap_page_range_hook' first [ioguard-unhooked-unmap]
 * check-error-end
 */
