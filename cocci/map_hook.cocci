// SPDX-License-Identifier: GPL-2.0
/// Announce every MMIO mapping to the hypervisor: call the map hook after
/// each page-table primitive or fixmap IO call that maps MMIO, in the map
/// entry points (ioremap_page_range) and in the paths that bypass them
/// (pci_remap_iospace on 6.12, earlycon's set_fixmap_io). The hook, the
/// entry points, the primitives and the fixmap patterns come from the
/// ioguard spec (spec/ioguard.spec); nothing is listed here. A function
/// that already calls the map hook is left alone.
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
io_prot = sorted(set(spec.io_prot.values()))


@script:python names@
hm; iop;
@@
coccinelle.hm = cocci.make_ident(spec.hook_map)
# Runs once per file: what earlier files recorded does not apply here.
spec.returning.clear()
spec.declared.clear()
coccinelle.iop = cocci.make_ident(io_prot[0] if io_prot else "FIXMAP_PAGE_IO")

// Functions that already call the map hook are not touched again.
@hooked@
identifier fn;
identifier names.hm;
position pf;
@@
fn@pf(...) { <+... hm(...) ...+> }

// 6.1: err = vmap_range_noflush(addr, end, phys_addr, prot, shift); ... return err;
@assign depends on patch@
identifier fn : script:python() { spec.mapper(fn) };
identifier P : script:python() { spec.maps_like_vmap(P) };
identifier names.hm;
expression a, e, ph, pr;
expression list rest;
idexpression x;
position pf != hooked.pf;
@@
fn@pf(...)
{
	...
	x = P(a, e, ph, pr, rest);
	...
+	if (!x)
+		hm(a, e, ph, pr);
	return x;
}

// 6.12: return vmap_page_range(addr, end, phys_addr, prot);
@returns_map@
identifier fn : script:python() { spec.mapper(fn) };
identifier P : script:python() { spec.maps_like_vmap(P) };
position pf != hooked.pf;
position p;
@@
fn@pf(...) { <... return P@p(...); ...> }

@script:python@
f << returns_map.fn;
p << returns_map.p;
@@
spec.returning.add(str(f))

// The result goes through a new local err, declared after the block's
// last declaration: in pci_remap_iospace() that is inside the same #if
// branch as the return, so that no configuration sees it unused ...
@ret_decl depends on patch@
identifier fn : script:python() { spec.returns_map(fn) };
declaration d;
statement S;
position pd;
@@
fn(...)
{
	<...
	d@pd
+	int err;
	S
	...>
}

@script:python depends on patch@
f << ret_decl.fn;
pd << ret_decl.pd;
@@
spec.declared.add(str(f))

// ... or first, in a function without locals.
@ret_nodecl depends on patch@
identifier fn : script:python() { spec.returns_map(fn) and not spec.was_declared(fn) };
@@
fn(...)
{
+	int err;
+
	...
}

@ret depends on patch@
identifier fn : script:python() { spec.returns_map(fn) };
identifier P : script:python() { spec.maps_like_vmap(P) };
identifier names.hm;
expression a, e, ph, pr;
@@
fn(...)
{
	<...
-	return P(a, e, ph, pr);
+	err = P(a, e, ph, pr);
+	if (!err)
+		hm(a, e, ph, pr);
+	return err;
	...>
}

// A mapping whose result is ignored: vmap_page_range(...);
@stmt depends on patch@
identifier fn : script:python() { spec.mapper(fn) };
identifier P : script:python() { spec.maps_like_vmap(P) };
identifier names.hm;
expression a, e, ph, pr;
position pf != hooked.pf;
@@
fn@pf(...)
{
	<...
-	P(a, e, ph, pr);
+	if (!P(a, e, ph, pr))
+		hm(a, e, ph, pr);
	...>
}

// Fixmap IO: set_fixmap_io(idx, phys); maps one page at __fix_to_virt(idx).
@fixmap depends on patch@
identifier fn : script:python() { spec.mapper(fn) };
identifier F : script:python() { spec.fixmap_always_io(F) };
identifier names.hm, names.iop;
expression idx, ph;
position pf != hooked.pf;
@@
fn@pf(...)
{
	<...
	F(idx, ph);
+	hm(__fix_to_virt(idx), __fix_to_virt(idx) + PAGE_SIZE, ph, iop);
	...>
}

// __set_fixmap(idx, phys, FIXMAP_PAGE_IO): the protection names the IO kind.
@fixmap_prot depends on patch@
identifier fn : script:python() { spec.mapper(fn) };
identifier F : script:python() { spec.fixmap_by_prot(F) };
identifier names.hm;
identifier prot : script:python(F) { spec.io_prot.get(F) == prot };
expression idx, ph;
position pf != hooked.pf;
@@
fn@pf(...)
{
	<...
	F(idx, ph, prot);
+	hm(__fix_to_virt(idx), __fix_to_virt(idx) + PAGE_SIZE, ph, prot);
	...>
}

// Every direct MMIO mapping in a function that never calls the map hook:
// a primitive, a fixmap IO setter, or a fixmap setter given the IO prot.
@unhooked depends on context || report || org@
identifier fn : script:python() { spec.mapper(fn) };
identifier P : script:python() { spec.maps_like_vmap(P) or spec.fixmap_always_io(P) };
position pf != hooked.pf;
position p;
@@
fn@pf(...)
{
	<... P@p(...) ...>
}

@unhooked_prot depends on context || report || org@
identifier fn : script:python() { spec.mapper(fn) };
identifier P : script:python() { spec.fixmap_by_prot(P) };
identifier prot : script:python(P) { spec.io_prot.get(P) == prot };
expression idx, ph;
position pf != hooked.pf;
position p;
@@
fn@pf(...)
{
	<... P@p(idx, ph, prot) ...>
}

@depends on context@
identifier unhooked.P;
position unhooked.p;
@@
* P@p(...)

@depends on context@
identifier unhooked_prot.P;
position unhooked_prot.p;
@@
* P@p(...)

@script:python depends on report@
fn << unhooked.fn;
P << unhooked.P;
p << unhooked.p;
@@
ioguard_spec.tell(p[0], spec, fn, P, "map")

@script:python depends on org@
fn << unhooked.fn;
P << unhooked.P;
p << unhooked.p;
@@
ioguard_spec.tell(p[0], spec, fn, P, "map", org=True)

@script:python depends on report@
fn << unhooked_prot.fn;
P << unhooked_prot.P;
p << unhooked_prot.p;
@@
ioguard_spec.tell(p[0], spec, fn, P, "map")

@script:python depends on org@
fn << unhooked_prot.fn;
P << unhooked_prot.P;
p << unhooked_prot.p;
@@
ioguard_spec.tell(p[0], spec, fn, P, "map", org=True)
