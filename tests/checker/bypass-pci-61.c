// SPDX-License-Identifier: GPL-2.0
/* Linux 6.1's pci_remap_iospace() goes through ioremap_page_range(), a
 * map entry point, so the hook there covers it. */
#include "kernel.h"

int pci_remap_iospace(const struct resource *res, phys_addr_t phys_addr)
{
	unsigned long vaddr = (unsigned long)PCI_IOBASE + res->start;

	if (res->end > 0xffffUL)
		return -EINVAL;

	return ioremap_page_range(vaddr, vaddr + resource_size(res), phys_addr,
				  pgprot_device(PAGE_KERNEL));
}

/*
 * check-name: calling a map entry point is not a bypass
 *
 * check-error-start
 * check-error-end
 */
