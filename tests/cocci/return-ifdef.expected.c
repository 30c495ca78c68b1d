// SPDX-License-Identifier: GPL-2.0
/* 6.12 shapes: the primitive's result returned, once inside an #if branch. */
int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	struct vm_struct *area;
	int err;

	area = find_vm_area((void *)addr);
	if (!area)
		return -EINVAL;
	err = vmap_page_range(addr, end, phys_addr, prot);
	if (err)
		return err;
	err = ioremap_page_range_hook(addr, end, phys_addr, prot);
	if (err)
		vunmap_range(addr, end);
	return err;
}

int pci_remap_iospace(const struct resource *res, phys_addr_t phys_addr)
{
#if defined(PCI_IOBASE) && defined(CONFIG_MMU)
	unsigned long vaddr = (unsigned long)PCI_IOBASE + res->start;
	int err;

	if (res->end > IO_SPACE_LIMIT)
		return -EINVAL;

	err = vmap_page_range(vaddr, vaddr + resource_size(res), phys_addr,
			      pgprot_device(PAGE_KERNEL));
	if (err)
		return err;
	err = ioremap_page_range_hook(vaddr, vaddr + resource_size(res),
				      phys_addr, pgprot_device(PAGE_KERNEL));
	if (err)
		vunmap_range(vaddr, vaddr + resource_size(res));
	return err;
#else
	return -ENODEV;
#endif
}

static int map_bar(unsigned long va, phys_addr_t pa)
{
	int err;

	err = vmap_page_range(va, va + PAGE_SIZE, pa, PAGE_KERNEL_IO);
	if (err)
		return err;
	err = ioremap_page_range_hook(va, va + PAGE_SIZE, pa, PAGE_KERNEL_IO);
	if (err)
		vunmap_range(va, va + PAGE_SIZE);
	return err;
}
