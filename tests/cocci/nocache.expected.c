// SPDX-License-Identifier: GPL-2.0
/* FIXMAP_PAGE_NOCACHE maps MMIO: announced, unless the spec exempts the
 * caller with a reason (the local APIC, which the x86 guard ABI exempts). */
static void __iomem *board_uart_map(phys_addr_t pa)
{
	set_fixmap_nocache(FIX_EARLYCON_MEM_BASE, pa);
	if (ioremap_page_range_hook(__fix_to_virt(FIX_EARLYCON_MEM_BASE),
				    __fix_to_virt(FIX_EARLYCON_MEM_BASE) + PAGE_SIZE,
				    pa, FIXMAP_PAGE_NOCACHE)) {
		clear_fixmap(FIX_EARLYCON_MEM_BASE);
		return NULL;
	}
	return (void __iomem *)__fix_to_virt(FIX_EARLYCON_MEM_BASE);
}

void __init register_lapic_address(unsigned long address)
{
	set_fixmap_nocache(FIX_APIC_BASE, address);
}
