// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

int pci_remap_iospace(const struct resource *res, phys_addr_t phys_addr)
{
	unsigned long vaddr = (unsigned long)PCI_IOBASE + res->start;
	int ret;

	if (res->end > 0xffffUL)
		return -EINVAL;

	ret = vmap_page_range(vaddr, vaddr + resource_size(res), phys_addr,
			      pgprot_device(PAGE_KERNEL));
	if (!ret)
		ioremap_page_range_hook(vaddr, vaddr + resource_size(res),
					phys_addr, pgprot_device(PAGE_KERNEL));
	return ret;
}

/*
 * check-name: pci_remap_iospace() announcing its mapping is clean
 *
 * check-error-start
 * check-error-end
 */
