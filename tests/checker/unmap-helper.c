// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

static void __attribute__((noinline)) unannounce_area(struct vm_struct *area)
{
	iounmap_page_range_hook(area->phys_addr, get_vm_area_size(area));
}

void generic_iounmap(volatile void __iomem *addr)
{
	void *vaddr = (void *)((unsigned long)addr & PAGE_MASK);
	struct vm_struct *area = find_vm_area(vaddr);

	if (!area)
		return;
	unannounce_area(area);
	vunmap(vaddr);
}

/*
 * check-name: the unmap hook through a static helper counts
 *
 * check-error-start
 * check-error-end
 */
