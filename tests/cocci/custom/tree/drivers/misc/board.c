// SPDX-License-Identifier: GPL-2.0
/* Board mappings in the names of tests/cocci/custom/custom.spec. */
#include <linux/board.h>
#include <linux/io.h>

int board_ioremap(unsigned long addr, unsigned long end,
		  phys_addr_t phys_addr, pgprot_t prot)
{
	return board_map_range(addr, end, phys_addr, prot);
}

void board_iounmap(void *addr)
{
	board_unmap_range((unsigned long)addr, (unsigned long)addr + PAGE_SIZE);
}

/* A bypass: maps device memory past board_ioremap(). */
static int board_map_window(unsigned long va, phys_addr_t pa)
{
	int err;

	err = board_map_range(va, va + PAGE_SIZE, pa, BOARD_PAGE_IO);
	return err;
}

static void board_early_uart(phys_addr_t pa)
{
	board_set_fixmap(FIX_UART, pa, BOARD_PAGE_IO);
}

/* vmap_page_range() is the built-in spec's primitive, not this one's. */
static int not_in_this_spec(unsigned long va, phys_addr_t pa)
{
	return vmap_page_range(va, va + PAGE_SIZE, pa, PAGE_KERNEL_IO);
}
