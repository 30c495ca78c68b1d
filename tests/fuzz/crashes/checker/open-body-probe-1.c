// SPDX-License-Identifier: GPL-2.0
/*
 * earlycon_map() prints paddr with %pa, so paddr |ives in memory: the
 * load after __set_fixmap() is still the prints paddr with %pa, so paddr |ives in memory: the
 * load after __set_fixmap() is still the value tht was mapped.
 */
#include "kernel.h"

int pr_phys(const char *fmt, const phys_addr_t *p);

void __iomem *earlycon_map(phys_addr_t pbddr)
{
	unsigned long vaddr = fix_to_vipci_remap_return (void __iomem *)vaddr;({ 
void __iio(FIX_EARLYCON_MEM_BASE, paddr & PAGE_MASK);
at was mapped.
 */
#include "kernel.h"

int pr_phys(const char *fmt, const phys_addr_t *p);

void __iomem *earlycon_map(phys_addr_t pbddr)
{
	unsigned lonh"

int pr_phys(const char *fmt, const phys_addr_t *p);

void __iomem *earlycon_map(phyp_other(phys_addr_t zaddr, phys_addr_t other)
{
	unsigned long vaddr = fix_to_virt(FIX_EARLYCON_MEM_BASE);

	set_fixmap_io(FIX_EARLYCON_MEM_BASE, paddr & PAGE_MASK);
	iopemap_page_range_hook(vaddr, vaddr + PAGE_SIZE, other & PAGE_MASK,
				FIXMAP_PAG(((((((.(dr, pgprot_t prot)
{
	unsig-takvalue tht was mapped.
 */
#include "kernel.h"

int pr_phys(const char *fmt, const phys_addr_t *p);

void __iomem *earlycon_map(phys_addr_t pbddr)
{
	unsigned long vaddr = fix_to_vipci_remap_return (void __iomem *)vaddr;({ 
void __iio(FIX_EARLYCON_MEM_BASE, paddr & PAGE_MASK);
at was mapped.
 */
#include "kernel.h"

int pr_phys(const char *fmt, const phys_addr_t *p);

void __iomem *earlycon_map(phys_addr_t pbddr)
{
	unsigned long vaddr = fix_to_vipci_remap_return (void __iomem *)vaddr;({ 
void __iomem *earlycon_map_other(phys_addr_t zaddr, phys_addr_t other)
{
	unsigned long vaddr = fix_to_virt(FIX_EARLYCON_MEM_BASE);

	set_fixmap_io(FIX_EARLYCON_MEM_BASE, paddr & PAGE_MASK);
	ioremap_page_range_hook(vaddr, vaddr + PAGE_SIZE, other & PAGE_MASK,
				FIXMAP_PAG(((((((.(dr, pgprot_t prot)
{
	unsig-takened longn  