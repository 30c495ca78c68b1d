// SPDX-License-Identifier: GPL-2.0
/// Declare the MMIO guard hooks in <linux/io.h>, next to the map entry
/// point they belong to, and give them empty __weak defaults beside that
/// entry point's definition (mm/vmalloc.c), so that an architecture that
/// does not implement them pays one empty call. The hook names come from
/// the ioguard spec (spec/ioguard.spec); their parameters are fixed by the
/// design (map: addr, end, phys, prot; unmap: phys, size). Nothing is
/// added where the hooks are already declared or defined.
//
// Confidence: High
// Copyright: ioguard authors
// Options: --no-includes --include-headers
// Keywords: ioremap, MMIO guard, pKVM
// Needs build/ioguard beside this directory, $IOGUARD or ioguard on PATH.

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@
import os, sys
def _cocci_dir():
	if os.environ.get("IOGUARD_COCCI_DIR"):
		return os.environ["IOGUARD_COCCI_DIR"]
	with open("/proc/self/cmdline", "rb") as f:
		for arg in f.read().split(b"\0"):
			if arg.endswith(b".cocci"):
				return os.path.dirname(os.path.abspath(arg.decode()))
	return "."
sys.path.insert(0, _cocci_dir())
import ioguard_spec
spec = ioguard_spec.load()

@script:python names@
hm; hu;
@@
coccinelle.hm = cocci.make_ident(spec.hook_map)
coccinelle.hu = cocci.make_ident(spec.hook_unmap or spec.hook_map)

@declared@
identifier names.hm;
@@
void hm(...);

@defined@
identifier names.hm;
@@
void hm(...) { ... }

// The prototype of a map entry point in include/linux/io.h.
@decl depends on patch && !declared@
identifier fn : script:python() { spec.is_("entry-map", fn) };
identifier names.hm, names.hu;
type T;
parameter list ps;
position p : script:python() { p[0].file.endswith("include/linux/io.h") };
@@
T fn@p(ps);
++void hm(unsigned long addr, unsigned long end, phys_addr_t phys_addr,
++	 pgprot_t prot);
++void hu(phys_addr_t phys_addr, size_t size);

// The definition of the map entry point that maps through a primitive.
@weak depends on patch && !defined@
identifier fn : script:python() { spec.is_("entry-map", fn) };
identifier P : script:python() { spec.maps_like_vmap(P) };
identifier names.hm, names.hu;
type T;
@@
+void __weak hm(unsigned long addr, unsigned long end,
+	       phys_addr_t phys_addr, pgprot_t prot)
+{
+}
+
T fn(...)
{
	<+... P(...) ...+>
}
+void __weak hu(phys_addr_t phys_addr, size_t size)
+{
+}

@missing depends on (context || report || org) && !defined@
identifier fn : script:python() { spec.is_("entry-map", fn) };
identifier P : script:python() { spec.maps_like_vmap(P) };
position p;
@@
fn@p(...)
{
	<+... P(...) ...+>
}

@depends on context@
identifier missing.fn;
position missing.p;
@@
* fn@p(...)
{
	...
}

@script:python depends on report@
fn << missing.fn;
p << missing.p;
@@
coccilib.report.print_report(p[0], "WARNING: no default definition of %s() beside %s() [ioguard-hook-decl]" % (spec.hook_map, fn))

@script:python depends on org@
fn << missing.fn;
p << missing.p;
@@
coccilib.org.print_todo(p[0], "no default definition of %s() beside %s()" % (spec.hook_map, fn))
