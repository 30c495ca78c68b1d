// SPDX-License-Identifier: GPL-2.0
/* Linux 6.12's ioremap_page_range() rewritten to announce the mapping. */
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	struct vm_struct *area;
	int err;

	area = find_vm_area((void *)addr);
	if (!area || !(area->flags & VM_IOREMAP))
		return -EINVAL;
	err = vmap_page_range(addr, end, phys_addr, prot);
	if (!err)
		ioremap_page_range_hook(addr, end, phys_addr, prot);
	return err;
}

/*
 * check-name: 6.12 shape with the hook after success is clean
 *
 * check-error-start
 * check-error-end
 */
