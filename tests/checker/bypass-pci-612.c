// SPDX-License-Identifier: GPL-2.0
/* Linux 6.12's pci_remap_iospace() on an arch with PCI_IOBASE: it maps
 * the I/O window with vmap_page_range() directly. */
#include "kernel.h"

int pci_remap_iospace(const struct resource *res, phys_addr_t phys_addr)
{
	unsigned long vaddr = (unsigned long)PCI_IOBASE + res->start;

	if (res->end > 0xffffUL)
		return -EINVAL;

	return vmap_page_range(vaddr, vaddr + resource_size(res), phys_addr,
			       pgprot_device(PAGE_KERNEL));
}

/*
 * check-name: 6.12 pci_remap_iospace() is a bypass
 *
 * check-error-start
bypass-pci-612.c:13:31: warning: 'pci_remap_iospace' maps MMIO with 'vmap_page_range' outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
