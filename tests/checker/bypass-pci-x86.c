// SPDX-License-Identifier: GPL-2.0
/* Without PCI_IOBASE (x86) the body of pci_remap_iospace() is a stub. */
#include "kernel.h"
#undef PCI_IOBASE

int pci_remap_iospace(const struct resource *res, phys_addr_t phys_addr)
{
#if defined(PCI_IOBASE)
	unsigned long vaddr = (unsigned long)PCI_IOBASE + res->start;

	return vmap_page_range(vaddr, vaddr + resource_size(res), phys_addr,
			       pgprot_device(PAGE_KERNEL));
#else
	WARN_ON(1);
	return -ENODEV;
#endif
}

/*
 * check-name: what the preprocessor drops is not reported
 *
 * check-error-start
 * check-error-end
 */
