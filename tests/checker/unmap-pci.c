// SPDX-License-Identifier: GPL-2.0
/* pci_unmap_iospace() tears down the PCI I/O window, which is not a
 * vmalloc area: the hook has to be called here. */
#include "kernel.h"

void pci_unmap_iospace(struct resource *res)
{
	unsigned long vaddr = (unsigned long)PCI_IOBASE + res->start;

	vunmap_range(vaddr, vaddr + resource_size(res));
}

/*
 * check-name: pci_unmap_iospace() without the hook
 *
 * check-error-start
unmap-pci.c:10:21: warning: 'pci_unmap_iospace' tears down the mapping with 'vunmap_range' without calling 'iounmap_page_range_hook' first [ioguard-unhooked-unmap]
 * check-error-end
 */
