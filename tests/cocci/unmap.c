// SPDX-License-Identifier: GPL-2.0
/* The three unmap shapes: area looked up here, area already found, PIO. */
void iounmap(volatile void __iomem *addr)
{
	void *vaddr = (void *)((unsigned long)addr & PAGE_MASK);

	if (is_vmalloc_addr(vaddr))
		vunmap(vaddr);
}

void generic_iounmap(volatile void __iomem *addr)
{
	struct vm_struct *p, *o;

	p = find_vm_area((void __force *)addr);
	if (!p)
		return;
	o = remove_vm_area((void __force *)addr);
	kfree(p);
}

void pci_unmap_iospace(struct resource *res)
{
	unsigned long vaddr = (unsigned long)PCI_IOBASE + res->start;

	vunmap_range(vaddr, vaddr + resource_size(res));
}
