// SPDX-License-Identifier: GPL-2.0
/*
 * An unmap entry point that looks its area up, but returns a value: the
 * generated `return;` would not compile here, so patch mode leaves it
 * alone (report mode still names it).
 */
int iounmap(volatile void __iomem *addr)
{
	void *vaddr = (void *)((unsigned long)addr & PAGE_MASK);

	if (!is_vmalloc_addr(vaddr))
		return -EINVAL;
	vunmap(vaddr);
	return 0;
}
