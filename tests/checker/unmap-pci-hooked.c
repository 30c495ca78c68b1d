// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

void pci_unmap_iospace(struct resource *res)
{
	unsigned long vaddr = (unsigned long)PCI_IOBASE + res->start;

	iounmap_page_range_hook(res->start, resource_size(res));
	vunmap_range(vaddr, vaddr + resource_size(res));
}

/*
 * check-name: pci_unmap_iospace() with the hook first is clean
 *
 * check-error-start
 * check-error-end
 */
