// SPDX-License-Identifier: GPL-2.0
/* The three unmap shapes: area looked up here, area already found, PIO. */
void iounmap(volatile void __iomem *addr)
{
	void *vaddr = (void *)((unsigned long)addr & PAGE_MASK);

	if (is_vmalloc_addr(vaddr)) {
		struct vm_struct *vm = find_vm_area(vaddr);

		if (WARN_ON(!vm))
			return;
		iounmap_page_range_hook(vm->phys_addr, get_vm_area_size(vm));
		vunmap(vaddr);
	}
}

void generic_iounmap(volatile void __iomem *addr)
{
	struct vm_struct *p, *o;

	p = find_vm_area((void __force *)addr);
	if (!p)
		return;
	iounmap_page_range_hook(p->phys_addr, get_vm_area_size(p));
	o = remove_vm_area((void __force *)addr);
	kfree(p);
}

void pci_unmap_iospace(struct resource *res)
{
	unsigned long vaddr = (unsigned long)PCI_IOBASE + res->start;

	iounmap_page_range_hook(pci_pio_to_address(res->start),
				resource_size(res));
	vunmap_range(vaddr, vaddr + resource_size(res));
}
