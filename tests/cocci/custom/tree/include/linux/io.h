/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

int board_ioremap(unsigned long addr, unsigned long end,
		  phys_addr_t phys_addr, pgprot_t prot);
void board_iounmap(void *addr);

#endif
