// SPDX-License-Identifier: GPL-2.0
/* Fixmap IO: set_fixmap_io() always, __set_fixmap() only with FIXMAP_PAGE_IO. */
static void __iomem *early_uart_map(phys_addr_t paddr)
{
	set_fixmap_io(FIX_EARLYCON_MEM_BASE, paddr & PAGE_MASK);
	if (ioremap_page_range_hook(__fix_to_virt(FIX_EARLYCON_MEM_BASE),
				    __fix_to_virt(FIX_EARLYCON_MEM_BASE) + PAGE_SIZE,
				    paddr & PAGE_MASK, FIXMAP_PAGE_IO)) {
		clear_fixmap(FIX_EARLYCON_MEM_BASE);
		return NULL;
	}
	return (void __iomem *)__fix_to_virt(FIX_EARLYCON_MEM_BASE);
}

static void early_dbg_map(phys_addr_t pa)
{
	__set_fixmap(FIX_DBG, pa, FIXMAP_PAGE_IO);
	if (ioremap_page_range_hook(__fix_to_virt(FIX_DBG),
				    __fix_to_virt(FIX_DBG) + PAGE_SIZE, pa,
				    FIXMAP_PAGE_IO)) {
		clear_fixmap(FIX_DBG);
		return;
	}
}

static void text_poke_map(phys_addr_t pa)
{
	__set_fixmap(FIX_TEXT_POKE0, pa, PAGE_KERNEL_ROX);
}
