/* SPDX-License-Identifier: GPL-2.0 */
/* The board's page-table interface, as custom.spec names it. */
#ifndef _LINUX_BOARD_H
#define _LINUX_BOARD_H

#define BOARD_PAGE_IO	FIXMAP_PAGE_IO
#define PAGE_KERNEL_IO	FIXMAP_PAGE_IO
#define FIX_UART	3
#define __fix_to_virt(x)	fix_to_virt(x)

int board_map_range(unsigned long addr, unsigned long end,
		    phys_addr_t phys_addr, pgprot_t prot);
void board_unmap_range(unsigned long addr, unsigned long end);
void board_set_fixmap(unsigned int idx, phys_addr_t phys, pgprot_t prot);
int vmap_page_range(unsigned long addr, unsigned long end,
		    phys_addr_t phys_addr, pgprot_t prot);
void guard_announce(unsigned long addr, unsigned long end,
		    phys_addr_t phys_addr, pgprot_t prot);
void guard_withdraw(phys_addr_t phys_addr, size_t size);

#endif
