/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The map/unmap sequences every arch's generated runtime must pass,
 * included by refs-ARCH.c after the generated file and the stand-ins.
 * The arch file defines:
 *   ARCH, MAP, UNMAP        its name and the log keys of its calls
 *   CALLS(pages)            how many calls announce a run of pages (one
 *                           where the ABI has ranges, one per granule
 *                           where it has not)
 *   PROT                    the protection of an MMIO mapping
 *   PROT_OTHER              (optional) other attributes a second
 *                           mapping of a page may have (arm64: Normal-NC)
 *   before_earlycon()       what setup_arch() does before earlycon
 *   enrol(early)            its discovery tests, ending enrolled
 *   more_tests()            its own tests, run last
 *   scenario(name)          the hypervisor the run models (argv[1]):
 *                           "" the full ABI, or arch-specific ones
 * The hypervisor model of kstub.c counts every access to an undeclared
 * page while the guard is enforced as a fault: the console writes on
 * each printk, and the tests touch what they mapped.
 */
#define MMIO	0x10000000UL		/* device pages start here */
#define RAM	PFN_PHYS(0x80000)	/* stub_ram_start */
/* MMIO in RAM's 128 MiB memory section: pfn_valid() holds there */
#define MMIO_BY_RAM	PFN_PHYS(0x86000)

static int passed, failed;

/* How many calls of fn on addr the log holds. */
static int calls(unsigned long fn, phys_addr_t addr)
{
	int i, n = 0;

	for (i = 0; i < stub_nlog; i++)
		n += stub_log[i].fn == fn && stub_log[i].arg == addr;
	return n;
}

/* How many calls of fn on [addr, addr + size) the log holds. */
static int calls_sized(unsigned long fn, phys_addr_t addr, size_t size)
{
	int i, n = 0;

	for (i = 0; i < stub_nlog; i++)
		n += stub_log[i].fn == fn && stub_log[i].arg == addr &&
		     stub_log[i].size == size;
	return n;
}

/* How many calls of fn the log holds. */
static __attribute__((unused)) int calls_of(unsigned long fn)
{
	int i, n = 0;

	for (i = 0; i < stub_nlog; i++)
		n += stub_log[i].fn == fn;
	return n;
}

static void expect(const char *what, long got, long want)
{
	if (got == want) {
		printf("ok   %s\n", what);
		passed++;
	} else {
		printf("FAIL %s: got %ld, want %ld\n", what, got, want);
		failed++;
	}
}

static int map_prot(phys_addr_t phys, size_t size, pgprot_t prot)
{
	unsigned long va = 0xffff800010000000UL;

	if (!stub_guard)
		return 0;	/* nothing registered: the core maps alone */
	return stub_guard->map(va, va + ((phys + size + PAGE_SIZE - 1) & PAGE_MASK) -
			       (phys & PAGE_MASK), phys & PAGE_MASK, prot);
}

static int map(phys_addr_t phys, size_t size)
{
	pgprot_t prot = { PROT };

	return map_prot(phys, size, prot);
}

static void unmap(phys_addr_t phys, size_t size)
{
	if (stub_guard)
		stub_guard->unmap(phys & PAGE_MASK,
				  ((phys + size + PAGE_SIZE - 1) & PAGE_MASK) -
				  (phys & PAGE_MASK));
}

/* Touch every page of a range, as a driver would. */
static void touch(phys_addr_t phys, size_t size)
{
	phys_addr_t p;

	for (p = phys & PAGE_MASK; p < phys + size; p += PAGE_SIZE)
		stub_access(p);
}

static void scenario(const char *name);
static void before_earlycon(void);
static void enrol(phys_addr_t early);
static void more_tests(void);

static void common_tests(void)
{
	phys_addr_t uart = MMIO, dev = MMIO + 0x10 * PAGE_SIZE;
	phys_addr_t bad = MMIO + 0x20 * PAGE_SIZE, big = MMIO + 0x30 * PAGE_SIZE;
	phys_addr_t bar = 0x40000000UL, lone = MMIO + 0x28 * PAGE_SIZE;
	phys_addr_t ovl = MMIO + 0x40 * PAGE_SIZE;
	bool withdraws = stub_unmap_offered, ranges = CALLS(3) == 1;
	long n, r, t;
	int warns;

	/* setup_arch(): the ops are registered before earlycon maps its
	 * UART, before the slab allocator; earlycon writes at once. */
	stub_slab = false;
	before_earlycon();
	expect("ops registered before earlycon", stub_guard != NULL, 1);
	n = stub_ncalls;
	expect("earlycon's fixmap page maps", map(uart, PAGE_SIZE), 0);
	stub_console = uart;
	stub_console_write();
	enrol(uart);
	expect("enrolled", static_branch_unlikely(&mmio_guard_enabled), 1);
	expect("the early page is declared", stub_declared(uart), 1);
	expect("the console never wrote to an undeclared page", stub_faults, 0);

	/* The slab allocator comes up; the early page is pinned. */
	stub_slab = true;
	map(uart, PAGE_SIZE);
	unmap(uart, PAGE_SIZE);
	unmap(uart, PAGE_SIZE);
	expect("early page: announced once", calls(MAP, uart), 1);
	expect("early page: never withdrawn", calls(UNMAP, uart) + !stub_declared(uart), 0);

	/* A page mapped twice is announced once, withdrawn on the last
	 * unmap (or kept, without an unmap call). */
	map(dev, PAGE_SIZE);
	map(dev, PAGE_SIZE);
	touch(dev, PAGE_SIZE);
	expect("mapped twice: one MAP", calls(MAP, dev), 1);
	unmap(dev, PAGE_SIZE);
	expect("first unmap: no UNMAP", calls(UNMAP, dev), 0);
	unmap(dev, PAGE_SIZE);
	expect("last unmap: UNMAP if offered", calls(UNMAP, dev), withdraws);
	expect("last unmap: declared only without UNMAP", stub_declared(dev), !withdraws);
	unmap(dev, PAGE_SIZE);
	expect("unmap of an unknown page: nothing", calls(UNMAP, dev), withdraws);
	map(dev, PAGE_SIZE);
	expect("mapped again: MAP again only after a withdrawal", calls(MAP, dev),
	       withdraws ? 2 : 1);
	unmap(dev, PAGE_SIZE);

	/* A range of consecutive pages: one call where the ABI has ranges,
	 * one per granule where it has not. */
	n = stub_ncalls;
	map(big, 3 * PAGE_SIZE);
	expect("3-page range: calls", stub_ncalls - n, CALLS(3));
	expect("3-page range: all declared", stub_declared(big) +
	       stub_declared(big + PAGE_SIZE) + stub_declared(big + 2 * PAGE_SIZE), 3);
	/* an unaligned mapping covers the pages it touches */
	map(big + PAGE_SIZE + 0x10, 0x20);
	unmap(big, 3 * PAGE_SIZE);
	expect("shared middle page stays", stub_declared(big + PAGE_SIZE), 1);
	expect("other pages withdrawn (if UNMAP is offered), where the ABI has no ranges",
	       stub_declared(big) + stub_declared(big + 2 * PAGE_SIZE),
	       withdraws && !ranges ? 0 : 2);
	touch(big + PAGE_SIZE, PAGE_SIZE);
	expect("no access faulted while mapped", stub_faults, 0);
	unmap(big + PAGE_SIZE + 0x10, 0x20);
	expect("middle page withdrawn last", stub_declared(big + PAGE_SIZE), !withdraws);
	expect("the whole range gone with it", stub_declared(big) +
	       stub_declared(big + 2 * PAGE_SIZE), withdraws ? 0 : 2);

	/* A = [0, 3), B = [2, 5) pages: ADD [0, 3), ADD [3, 5); where the
	 * ABI takes ranges the REMOVE calls are those two ranges, once
	 * neither mapping is left, never a part of one or a span of two. */
	stub_nlog = 0;
	map(ovl, 3 * PAGE_SIZE);
	map(ovl + 2 * PAGE_SIZE, 3 * PAGE_SIZE);
	unmap(ovl, 3 * PAGE_SIZE);
	expect("A unmapped, B left: pages of A's range stay declared (if ranges)",
	       stub_declared(ovl) + stub_declared(ovl + PAGE_SIZE),
	       withdraws && !ranges ? 0 : 2);
	touch(ovl + 2 * PAGE_SIZE, 3 * PAGE_SIZE);
	unmap(ovl + 2 * PAGE_SIZE, 3 * PAGE_SIZE);
	if (ranges) {
		expect("ADD [0, 3) and [3, 5)",
		       calls_sized(MAP, ovl, 3 * PAGE_SIZE) +
		       calls_sized(MAP, ovl + 3 * PAGE_SIZE, 2 * PAGE_SIZE), 2);
		expect("REMOVE [0, 3) and [3, 5), and nothing else",
		       calls_sized(UNMAP, ovl, 3 * PAGE_SIZE) * 10 +
		       calls_sized(UNMAP, ovl + 3 * PAGE_SIZE, 2 * PAGE_SIZE) +
		       (calls_of(UNMAP) - 2) * 100, withdraws ? 11 : -200);
	}
	expect("A and B gone: nothing of them declared (if UNMAP is offered)",
	       stub_declared(ovl) + stub_declared(ovl + 4 * PAGE_SIZE), withdraws ? 0 : 2);
	expect("every UNMAP so far removed exactly a range a MAP declared",
	       stub_bad_removes, 0);

#ifdef PROT_OTHER
	/* A second mapping of a device page with other attributes
	 * (ioremap_wc() beside ioremap()): the unmap hook cannot tell which
	 * goes, so the page stays declared until both have gone. */
	{
		pgprot_t other = { PROT_OTHER };
		phys_addr_t p = MMIO + 0x70 * PAGE_SIZE;

		map(p, PAGE_SIZE);
		map_prot(p, PAGE_SIZE, other);
		unmap(p, PAGE_SIZE);
		expect("device + other mapping, one unmapped: still declared",
		       stub_declared(p), 1);
		touch(p, PAGE_SIZE);
		unmap(p, PAGE_SIZE);
		expect("both unmapped: withdrawn (if UNMAP is offered)",
		       stub_declared(p), !withdraws);
		map_prot(p, PAGE_SIZE, other);
		map(p, PAGE_SIZE);
		unmap(p, PAGE_SIZE);
		expect("other + device mapping, one unmapped: still declared",
		       stub_declared(p), 1);
		touch(p, PAGE_SIZE);
		unmap(p, PAGE_SIZE);
	}
#endif

	/* RAM is never announced; MMIO in RAM's memory section is. */
	n = stub_ncalls;
	map(RAM, 2 * PAGE_SIZE);
	unmap(RAM, 2 * PAGE_SIZE);
	expect("RAM pages skipped", stub_ncalls - n, 0);
	map(MMIO_BY_RAM, PAGE_SIZE);
	expect("MMIO in RAM's section (pfn_valid()) declared", stub_declared(MMIO_BY_RAM), 1);
	unmap(MMIO_BY_RAM, PAGE_SIZE);
	n = stub_ncalls;
	map(RAM + PFN_PHYS(0x3fff), 2 * PAGE_SIZE);
	expect("RAM's last page and the MMIO after it: one page announced",
	       stub_declared(RAM + PFN_PHYS(0x3fff)) * 10 + stub_declared(RAM + PFN_PHYS(0x4000)), 1);
	unmap(RAM + PFN_PHYS(0x3fff), 2 * PAGE_SIZE);

	/* A 256 MiB BAR: one test for memory for the whole range, and the
	 * loops over its pages yield. */
	n = stub_ncalls;
	r = stub_resched;
	t = stub_page_tests;
	expect("256 MiB BAR maps", map(bar, 256UL << 20), 0);
	printf("a 256 MiB BAR took %ld calls\n", stub_ncalls - n);
	expect("256 MiB BAR: calls", stub_ncalls - n, CALLS(65536));
	expect("256 MiB BAR: no per-page memory test", stub_page_tests - t, 0);
	expect("256 MiB BAR: cond_resched() at least once a page",
	       stub_resched - r >= 65536, 1);
	touch(bar, 256UL << 20);
	expect("256 MiB BAR: every page declared", stub_faults, 0);
	unmap(bar, 256UL << 20);
	expect("256 MiB BAR withdrawn (if UNMAP is offered)", stub_declared(bar + (255UL << 20)),
	       !withdraws);

	/* A refused announcement fails the mapping and undoes it. */
	warns = stub_warnings;
	stub_fail_addr = bad + PAGE_SIZE;
	expect("refused MAP fails the mapping", map(bad, 3 * PAGE_SIZE) != 0, 1);
	expect("refused MAP warns", stub_warnings - warns >= 1, 1);
	expect("refused MAP: the warning names the refused call's address",
	       stub_warn_pa, ranges ? bad : bad + PAGE_SIZE);
	expect("refused MAP: nothing of it stays declared (unless no UNMAP)",
	       stub_declared(bad) + stub_declared(bad + PAGE_SIZE) +
	       stub_declared(bad + 2 * PAGE_SIZE),
	       withdraws || CALLS(3) == 1 ? 0 : 1);
	expect("refused MAP: mapping again works", map(bad, 3 * PAGE_SIZE), 0);
	expect("refused MAP: then all declared", stub_declared(bad) +
	       stub_declared(bad + PAGE_SIZE) + stub_declared(bad + 2 * PAGE_SIZE), 3);
	unmap(bad, 3 * PAGE_SIZE);
	expect("refused MAP: counts intact (one unmap withdraws)",
	       stub_declared(bad + PAGE_SIZE), !withdraws);

	/* A refusal keeps what another mapping announced. */
	map(lone, PAGE_SIZE);
	stub_fail_addr = lone + PAGE_SIZE;
	expect("refusal next to a mapped page fails", map(lone, 2 * PAGE_SIZE) != 0, 1);
	expect("the other mapping's page stays declared", stub_declared(lone), 1);
	unmap(lone, PAGE_SIZE);
	expect("and goes with its last unmap", stub_declared(lone), !withdraws);

	/* No memory for the count: the mapping fails, nothing declared. */
	n = stub_ncalls;
	stub_xa_fail = 1;
	expect("no memory: the mapping fails", map(big + 8 * PAGE_SIZE, PAGE_SIZE) != 0, 1);
	expect("no memory: no call", stub_ncalls - n, 0);

	/* Everything unmapped: the hypervisor's table holds the pinned
	 * early page only (and, without UNMAP, what stays announced). */
	if (withdraws)
		expect("table: only the early page left", stub_ndeclared(), 1);

	/* A refused UNMAP warns, naming the refused call's address. */
	if (withdraws) {
		warns = stub_warnings;
		map(dev, 2 * PAGE_SIZE);
		stub_fail_addr = dev + PAGE_SIZE;
		unmap(dev, 2 * PAGE_SIZE);
		expect("refused UNMAP warns", stub_warnings - warns, 1);
		expect("refused UNMAP: the warning names the refused call's address",
		       stub_warn_pa, ranges ? dev : dev + PAGE_SIZE);
	}
}

int main(int argc, char **argv)
{
	scenario(argc > 1 ? argv[1] : "");
	common_tests();
	more_tests();
	expect("no malformed hypercall", stub_bad_calls, 0);
	expect("no access to an undeclared page", stub_faults, 0);
	expect("every UNMAP removed exactly a range a MAP declared", stub_bad_removes, 0);
	expect("mutex balanced, static key never enabled under it",
	       stub_lock_errors + mmio_guard_live.lock.held, 0);
	printf("refs-%s%s%s: %d passed, %d failed\n", ARCH, argc > 1 ? "-" : "",
	       argc > 1 ? argv[1] : "", passed, failed);
	return failed != 0;
}
