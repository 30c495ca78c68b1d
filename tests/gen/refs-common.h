/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The map/unmap sequences every arch's generated runtime must pass,
 * included by refs-ARCH.c after the generated file, the stand-ins and
 * the arch's MAP and UNMAP call log keys. The arch file defines enrol():
 * its discovery and enrolment tests, ending enrolled, run while the early
 * page is waiting.
 */
#define MMIO	0x10000000UL		/* device pages start here */
#define RAM	PFN_PHYS(0x80000)	/* stub_ram_start */

static int passed, failed;

/* How many calls of fn on addr the log holds. */
static int calls(unsigned long fn, phys_addr_t addr)
{
	int i, n = 0;

	for (i = 0; i < stub_nlog; i++)
		n += stub_log[i].fn == fn && stub_log[i].arg == addr;
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

static void map(phys_addr_t phys, size_t size)
{
	pgprot_t prot = { 0 };

	ioremap_page_range_hook(0xffff800010000000UL,
				0xffff800010000000UL + size, phys, prot);
}

static void unmap(phys_addr_t phys, size_t size)
{
	iounmap_page_range_hook(phys, size);
}

static void enrol(phys_addr_t early);

int main(void)
{
	phys_addr_t uart = MMIO, dev = MMIO + 0x10 * PAGE_SIZE;
	phys_addr_t bad = MMIO + 0x20 * PAGE_SIZE, big = MMIO + 0x30 * PAGE_SIZE;
	int warns;

	/* Early boot, before enrolment and before the slab allocator:
	 * earlycon's page is remembered, nothing is issued. */
	stub_slab = false;
	map(uart, PAGE_SIZE);
	expect("before enrolment: no hypercall", stub_nlog, 0);

	enrol(uart);
	expect("enrolled", static_branch_unlikely(&mmio_guard_enabled), 1);
	expect("enrolment announces the early page", calls(MAP, uart), 1);

	/* The slab allocator comes up; the early page is pinned. */
	stub_slab = true;
	map(uart, PAGE_SIZE);
	unmap(uart, PAGE_SIZE);
	unmap(uart, PAGE_SIZE);
	expect("early page: not announced again", calls(MAP, uart), 1);
	expect("early page: never withdrawn", calls(UNMAP, uart), 0);

	/* A page mapped twice is announced once, withdrawn on the last
	 * unmap. */
	map(dev, PAGE_SIZE);
	map(dev, PAGE_SIZE);
	expect("mapped twice: one MAP", calls(MAP, dev), 1);
	unmap(dev, PAGE_SIZE);
	expect("first unmap: no UNMAP", calls(UNMAP, dev), 0);
	unmap(dev, PAGE_SIZE);
	expect("last unmap: one UNMAP", calls(UNMAP, dev), 1);
	unmap(dev, PAGE_SIZE);
	expect("unmap of an unknown page: nothing", calls(UNMAP, dev), 1);
	map(dev, PAGE_SIZE);
	expect("mapped again after release: MAP again", calls(MAP, dev), 2);
	unmap(dev, PAGE_SIZE);

	/* A range: one call per page; an unaligned range covers its pages. */
	map(big, 3 * PAGE_SIZE);
	expect("3-page range: 3 MAPs",
	       calls(MAP, big) + calls(MAP, big + PAGE_SIZE) +
	       calls(MAP, big + 2 * PAGE_SIZE), 3);
	map(big + PAGE_SIZE + 0x10, 0x20);
	unmap(big, 3 * PAGE_SIZE);
	expect("shared middle page stays", calls(UNMAP, big + PAGE_SIZE), 0);
	expect("other pages withdrawn",
	       calls(UNMAP, big) + calls(UNMAP, big + 2 * PAGE_SIZE), 2);
	unmap(big + PAGE_SIZE + 0x10, 0x20);
	expect("middle page withdrawn last", calls(UNMAP, big + PAGE_SIZE), 1);

	/* RAM is never announced. */
	map(RAM, 2 * PAGE_SIZE);
	unmap(RAM, 2 * PAGE_SIZE);
	expect("RAM pages skipped", calls(MAP, RAM) + calls(UNMAP, RAM), 0);

	/* A refused MAP warns, and is offered again on the next mapping. */
	warns = stub_warnings;
	stub_fail_addr = bad;
	map(bad, PAGE_SIZE);
	expect("refused MAP warns", stub_warnings - warns, 1);
	map(bad, PAGE_SIZE);
	expect("refused page offered again", calls(MAP, bad), 2);
	unmap(bad, PAGE_SIZE);
	unmap(bad, PAGE_SIZE);
	expect("then withdrawn once", calls(UNMAP, bad), 1);

	/* A refused UNMAP warns. */
	warns = stub_warnings;
	map(bad, PAGE_SIZE);
	stub_fail_addr = bad;
	unmap(bad, PAGE_SIZE);
	expect("refused UNMAP warns", stub_warnings - warns, 1);

	/* No memory for the count: the page stays announced. */
	warns = stub_warnings;
	stub_xa_fail = 1;
	map(big, PAGE_SIZE);
	expect("no memory: warns", stub_warnings - warns, 1);
	unmap(big, PAGE_SIZE);
	expect("no memory: announced, never withdrawn",
	       calls(MAP, big) - calls(UNMAP, big), 1);

	expect("no malformed hypercall", stub_bad_calls, 0);
	expect("mutex balanced", stub_lock_errors + mmio_guard_lock.held, 0);
	printf("refs-%s: %d passed, %d failed\n", ARCH, passed, failed);
	return failed != 0;
}
