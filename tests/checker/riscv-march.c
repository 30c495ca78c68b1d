// SPDX-License-Identifier: GPL-2.0
/* riscv kbuild passes -march=rv64imac_zicsr_zifencei: sparse 0.6.4 alone
 * dies on it; the checker keeps the part sparse knows and goes on to
 * check the file (which lacks its map hook). */
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	return vmap_range_noflush(addr, end, phys_addr, prot, PAGE_SHIFT);
}

/*
 * check-name: riscv -march with multi-letter extensions is accepted
 * check-command: ioguard-sparse --arch=riscv64 -march=rv64imac_zicsr_zifencei_zihintpause -Wno-decl $file
 *
 * check-error-start
riscv-march.c:10:34: warning: 'ioremap_page_range' returns after a successful 'vmap_range_noflush' without calling 'ioremap_page_range_hook' [ioguard-unhooked-map]
 * check-error-end
 */
