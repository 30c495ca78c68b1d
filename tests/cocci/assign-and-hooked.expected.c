// SPDX-License-Identifier: GPL-2.0
/* 6.1 shape, a mapping whose result is ignored, and one already hooked. */
int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err;

	err = vmap_range_noflush(addr, end, phys_addr, pgprot_nx(prot),
				 ioremap_max_page_shift);
	flush_cache_vmap(addr, end);
	if (!err) {
		err = ioremap_page_range_hook(addr, end, phys_addr,
					      pgprot_nx(prot));
		if (err)
			vunmap_range(addr, end);
	}
	return err;
}

void __init pio_setup(unsigned long vaddr, phys_addr_t hw_start, size_t size)
{
	if (!vmap_page_range(vaddr, vaddr + size, hw_start, pgprot_device(PAGE_KERNEL)))
		if (ioremap_page_range_hook(vaddr, vaddr + size, hw_start,
					    pgprot_device(PAGE_KERNEL)))
			vunmap_range(vaddr, vaddr + size);
}

static int isa_map(unsigned long va, phys_addr_t pa)
{
	int ret = vmap_page_range(va, va + PAGE_SIZE, pa, PAGE_KERNEL_IO);

	if (!ret)
		ioremap_page_range_hook(va, va + PAGE_SIZE, pa, PAGE_KERNEL_IO);
	return ret;
}
