// SPDX-License-Identifier: GPL-2.0
/// Withdraw every MMIO mapping from the hypervisor before it is torn down:
/// call the unmap hook before each teardown (vunmap, vunmap_range,
/// remove_vm_area, free_vm_area) in the unmap entry points (iounmap,
/// generic_iounmap, x86's iounmap, pci_unmap_iospace). Names come from the
/// ioguard spec (spec/ioguard.spec). The physical range is read from the
/// vm_struct of an ioremapped area, or, for a PCI I/O space resource,
/// from the logical PIO range it was registered with. Where the area is
/// looked up here, a missing area withdraws nothing (size 0) rather than
/// skipping the hook: the teardown is then never reached without it. A function that
/// already calls the unmap hook is left alone.
//
// Confidence: High
// Copyright: ioguard authors
// Options: --no-includes --include-headers
// Keywords: iounmap, MMIO guard, pKVM
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
hu;
@@
if not spec.hook_unmap:
	cocci.exit()
coccinelle.hu = cocci.make_ident(spec.hook_unmap)
# Runs once per file: what earlier files recorded does not apply here.
spec.returning.clear()
spec.declared.clear()

@hooked@
identifier fn;
identifier names.hu;
position pf;
@@
fn@pf(...) { <+... hu(...) ...+> }

// x86: p = find_vm_area(addr); ... o = remove_vm_area(addr);
@found depends on patch@
identifier fn : script:python() { spec.unmap_role(fn) == "addr" };
identifier T : script:python() { spec.is_("teardown", T) };
identifier names.hu;
idexpression struct vm_struct *area;
expression E, x;
expression list es;
position pf != hooked.pf;
@@
fn@pf(...)
{
	...
	area = find_vm_area(E);
	...
(
+	hu(area->phys_addr, get_vm_area_size(area));
	T(es);
|
+	hu(area->phys_addr, get_vm_area_size(area));
	x = T(es);
)
	...
}

@script:python depends on patch@
f << found.fn;
@@
spec.declared.add(str(f))

// mm/ioremap.c: if (iounmap_allowed(vaddr)) vunmap(vaddr);
@lookup depends on patch@
identifier fn : script:python() { spec.unmap_role(fn) == "addr" and not spec.was_declared(fn) };
identifier T : script:python() { spec.is_("teardown", T) };
identifier names.hu;
expression A;
position pf != hooked.pf;
@@
fn@pf(...)
{
	<...
+	struct vm_struct *vm = find_vm_area(A);
+	size_t size = vm ? get_vm_area_size(vm) : 0;
+
+	hu(vm ? vm->phys_addr : 0, size);
	T(A);
	...>
}

// pci_unmap_iospace(res): the resource is a logical PIO range.
@pio depends on patch@
identifier fn : script:python() { spec.unmap_role(fn) == "res" };
identifier T : script:python() { spec.is_("teardown", T) };
identifier names.hu;
identifier res;
expression list es;
position pf != hooked.pf;
@@
fn@pf(struct resource *res)
{
	<...
+	hu(pci_pio_to_address(res->start), resource_size(res));
	T(es);
	...>
}

// Every teardown in an unmap entry point that never calls the unmap hook.
@unhooked depends on context || report || org@
identifier fn : script:python() { spec.is_("entry-unmap", fn) };
identifier T : script:python() { spec.is_("teardown", T) };
position pf != hooked.pf;
position p;
@@
fn@pf(...)
{
	<... T@p(...) ...>
}

@depends on context@
identifier unhooked.T;
position unhooked.p;
@@
* T@p(...)

@script:python depends on report@
fn << unhooked.fn;
T << unhooked.T;
p << unhooked.p;
@@
ioguard_spec.tell(p[0], spec, fn, T, "unmap")

@script:python depends on org@
fn << unhooked.fn;
T << unhooked.T;
p << unhooked.p;
@@
ioguard_spec.tell(p[0], spec, fn, T, "unmap", org=True)
