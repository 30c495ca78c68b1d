// SPDX-License-Identifier: GPL-2.0
/* Linux 6.1's generic iounmap(). */
#include "kernel.h"

bool iounmap_allowed(void *addr);

void iounmap(volatile void __iomem *addr)
{
	void *vaddr = (void *)((unsigned long)addr & PAGE_MASK);

	if (!iounmap_allowed(vaddr))
		return;

	if (is_vmalloc_addr(vaddr))
		vunmap(vaddr);
}

/*
 * check-name: 6.1 iounmap() without the unmap hook is unhooked-unmap
 *
 * check-error-start
unmap-iounmap-unhooked.c:15:23: warning: 'iounmap' tears down the mapping with 'vunmap' without calling 'iounmap_page_range_hook' first [ioguard-unhooked-unmap]
 * check-error-end
 */
