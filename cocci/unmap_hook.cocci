// SPDX-License-Identifier: GPL-2.0
/// Withdraw every MMIO mapping from the hypervisor before it is torn down:
/// call the unmap hook before each teardown (vunmap, vunmap_range,
/// remove_vm_area, free_vm_area) in the unmap entry points (iounmap,
/// generic_iounmap, x86's iounmap, pci_unmap_iospace). The physical range is read from the
/// vm_struct of an ioremapped area, or, for a PCI I/O space resource,
/// from the logical PIO range it was registered with. Where the area is
/// looked up here, a missing area warns and returns before the teardown
/// (which would only warn that there is no area): the hook is never
/// called with an empty range, and the teardown never reached without
/// it. A function that already calls the unmap hook is left alone.
///
/// This is a template: `ioguard cocci` (and `make`, into build/cocci/)
/// writes the names of the ioguard spec (spec/ioguard.spec) where the
/// double-brace markers stand, as literal identifiers, so that spatch skips
/// every file that names none of them.
//
// Confidence: High
// Copyright: ioguard authors
// Options: --no-includes --include-headers
// Keywords: iounmap, MMIO guard, pKVM

virtual patch
virtual context
virtual org
virtual report

@hooked@
identifier fn;
position pf;
@@
fn@pf(...) { <+... {{hook-unmap}}(...) ...+> }

// Every teardown, found by name at the call (map_hook.cocci says why) ...
@teardown@
position p;
@@
{{or teardown @p}}(...)

// ... in an unmap entry point that does not call the unmap hook: those
// that take the mapped address ...
@site_addr depends on teardown@
identifier fn = {{set entry-unmap-addr}};
identifier T;
position teardown.p;
position pf != hooked.pf;
@@
fn@pf(...) { <... T@p(...) ...> }

// ... and those that take a PCI I/O space resource.
@site_res depends on teardown@
identifier fn = {{set entry-unmap-res}};
identifier T;
position teardown.p;
position pf != hooked.pf;
@@
fn@pf(...) { <... T@p(...) ...> }

// Report, context, org. Every rule that inherits from a find rule also
// depends on it by name: only that dependency tells spatch which tokens
// the rule needs, so that it skips the files without them (measured: an
// inheriting rule without it parsed the whole tree, 13 CPU-minutes).
@depends on context && teardown@
identifier site_addr.T;
position teardown.p;
@@
* T@p(...)

@depends on context && teardown@
identifier site_res.T;
position teardown.p;
@@
* T@p(...)

@initialize:python@
@@
{{include report.py}}

def tell_unmap(pos, fn, callee, org):
    tell(pos, "unhooked-unmap", "%s() tears down an MMIO mapping with %s() and never calls {{hook-unmap}}()" % (fn, callee), org)

@script:python depends on report@
fn << site_addr.fn;
T << site_addr.T;
p << teardown.p;
@@
tell_unmap(p[0], fn, T, False)

@script:python depends on report@
fn << site_res.fn;
T << site_res.T;
p << teardown.p;
@@
tell_unmap(p[0], fn, T, False)

@script:python depends on org@
fn << site_addr.fn;
T << site_addr.T;
p << teardown.p;
@@
tell_unmap(p[0], fn, T, True)

@script:python depends on org@
fn << site_res.fn;
T << site_res.T;
p << teardown.p;
@@
tell_unmap(p[0], fn, T, True)

// Patch. The unmap hook's empty __weak default, after the definition of
// the map entry point that maps through a primitive, in the file where
// hook_decls.cocci put the map hook's (before that entry point).
@defined@
@@
void {{hook-unmap}}(...) { ... }

@map_defined@
@@
int {{hook-map}}(...) { ... }

@weak depends on patch && !defined && map_defined@
identifier fn = {{set entry-map}};
type T;
typedef phys_addr_t, pgprot_t;
@@
T fn(...)
{
	<+... {{or map-primitive}}(...) ...+>
}
{{weak-default hook-unmap}}

// x86: p = find_vm_area(addr); ... o = remove_vm_area(addr);
@found depends on patch && teardown@
identifier site_addr.fn, site_addr.T;
idexpression struct vm_struct *area;
expression E, x;
expression list es;
@@
fn(...)
{
	...
	area = find_vm_area(E);
	...
(
+	{{hook-unmap}}(area->phys_addr, get_vm_area_size(area));
	T(es);
|
+	{{hook-unmap}}(area->phys_addr, get_vm_area_size(area));
	x = T(es);
)
	...
}

// What calls the unmap hook now, found included.
@hooked_now depends on patch@
identifier fn;
position pf;
@@
fn@pf(...) { <+... {{hook-unmap}}(...) ...+> }

// mm/ioremap.c: if (iounmap_allowed(vaddr)) vunmap(vaddr);
// No area: the teardown would only warn (vunmap() of a nonexistent
// area), so warn and return, as x86's iounmap() does for a bad address;
// hence void functions only. Not `void fn(...)` in the header: spatch
// takes `void` for a token the file must have and parses nearly every
// file (whole 6.12 tree, patch mode: 535 s against 15 s); the type is
// bound and checked in Python instead.
@addr_fn depends on patch && teardown@
identifier fn = {{set entry-unmap-addr}};
type R;
position pf != hooked_now.pf;
@@
R fn@pf(...) { ... }

@script:python depends on addr_fn@
R << addr_fn.R;
@@
if R != "void":
	cocci.include_match(False)

@lookup depends on patch && teardown && addr_fn@
identifier addr_fn.fn;
identifier site_addr.T;
expression A;
position addr_fn.pf;
@@
fn@pf(...)
{
	<...
+	struct vm_struct *vm = find_vm_area(A);
+
+	if (WARN_ON(!vm))
+		return;
+	{{hook-unmap}}(vm->phys_addr, get_vm_area_size(vm));
	T(A);
	...>
}

// pci_unmap_iospace(res): the resource is a logical PIO range.
@pio depends on patch && teardown@
identifier site_res.fn, site_res.T;
identifier res;
expression list es;
@@
fn(struct resource *res)
{
	<...
+	{{hook-unmap}}(pci_pio_to_address(res->start), resource_size(res));
	T(es);
	...>
}
