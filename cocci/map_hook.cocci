// SPDX-License-Identifier: GPL-2.0
/// Announce every MMIO mapping to the hypervisor: call the map hook after
/// each page-table primitive or fixmap IO call that maps MMIO, in the map
/// entry points (ioremap_page_range) and in the paths that bypass them
/// (pci_remap_iospace on 6.12, earlycon's set_fixmap_io). A function that
/// already calls the map hook is left alone.
///
/// This is a template: `ioguard cocci` (and `make`, into build/cocci/)
/// writes the names of the ioguard spec (spec/ioguard.spec) where the
/// double-brace markers stand, as literal identifiers, so that spatch skips
/// every file that names none of them.
//
// Confidence: High
// Copyright: ioguard authors
// Options: --no-includes --include-headers
// Keywords: ioremap, MMIO guard, pKVM

virtual patch
virtual context
virtual org
virtual report

// Functions that already call the map hook are not touched again.
@hooked@
identifier fn;
position pf;
@@
fn@pf(...) { <+... {{hook-map}}(...) ...+> }

@initialize:python@
@@
{{include report.py}}
ENTRY_MAP = {{py entry-map}}
NOT_MAPPER = {{py not-mapper}}
HOOKED = set()

def announcer(pos):
    """The function around POS, when it must announce what it maps (not
    a primitive, an exempt function or a hook, nor one that already
    calls the map hook); else None."""
    fn = pos.current_element
    # outside any function (a macro body in a header) Coccinelle says
    # "something_else": a definition, not a mapping
    if fn == "something_else" or fn in NOT_MAPPER or (pos.file, fn) in HOOKED:
        return None
    return fn

def tell_map(pos, callee, org):
    fn = announcer(pos)
    if fn:
        check = "unhooked-map" if fn in ENTRY_MAP else "bypass"
        tell(pos, check, "%s() maps MMIO with %s() and never calls {{hook-map}}()" % (fn, callee), org)

@script:python@
fn << hooked.fn;
pf << hooked.pf;
@@
HOOKED.add((pf[0].file, str(fn)))

// Every call of a map primitive or a fixmap IO setter, found by name at
// the call, and the callee named there (a pattern over whole function
// bodies costs a match of every function per call: minutes on
// mm/vmalloc.c, 24 minutes on drivers/acpi/apei/ghes.c).
@mapcall@
position p;
@@
{{or map-primitive @p}}(...)

@prim depends on mapcall@
identifier P;
position mapcall.p;
@@
P@p(...)

@fixio@
expression idx, ph;
position p;
@@
{{or fixmap-io @p}}(idx, ph)

@fixio_site depends on fixio@
identifier F;
expression idx, ph;
position fixio.p;
@@
F@p(idx, ph)

@fixprot@
expression idx, ph;
position p;
@@
{{calls fixmap-prot @p}}

@fixprot_site depends on fixprot@
identifier F, prot;
expression idx, ph;
position fixprot.p;
@@
F@p(idx, ph, prot)

// Report, context, org: every direct MMIO mapping in a function that never
// calls the map hook.
@script:python depends on context@
p << mapcall.p;
@@
if not announcer(p[0]):
    cocci.include_match(False)

@depends on context && mapcall@
identifier prim.P;
position mapcall.p;
@@
* P@p(...)

@script:python depends on context@
p << fixio.p;
@@
if not announcer(p[0]):
    cocci.include_match(False)

@depends on context && fixio@
identifier fixio_site.F;
position fixio.p;
@@
* F@p(...)

@script:python depends on context@
p << fixprot.p;
@@
if not announcer(p[0]):
    cocci.include_match(False)

@depends on context && fixprot@
identifier fixprot_site.F;
position fixprot.p;
@@
* F@p(...)

@script:python depends on report@
P << prim.P;
p << mapcall.p;
@@
tell_map(p[0], P, False)

@script:python depends on report@
F << fixio_site.F;
p << fixio.p;
@@
tell_map(p[0], F, False)

@script:python depends on report@
F << fixprot_site.F;
p << fixprot.p;
@@
tell_map(p[0], F, False)

@script:python depends on org@
P << prim.P;
p << mapcall.p;
@@
tell_map(p[0], P, True)

@script:python depends on org@
F << fixio_site.F;
p << fixio.p;
@@
tell_map(p[0], F, True)

@script:python depends on org@
F << fixprot_site.F;
p << fixprot.p;
@@
tell_map(p[0], F, True)

// The map hook returns int (it can refuse the mapping): a call that drops
// the result leaves a refused mapping in place (ioguard-sparse's
// hook-result). Reported, not patched: how to undo the mapping depends on
// the caller.
@ignored depends on report || org@
position p;
@@
{{hook-map}}@p(...);

@script:python depends on report@
p << ignored.p;
@@
tell(p[0], "hook-result", "%s() ignores the result of {{hook-map}}(): a refused mapping must be undone and fail" % p[0].current_element, False)

@script:python depends on org@
p << ignored.p;
@@
tell(p[0], "hook-result", "%s() ignores the result of {{hook-map}}(): a refused mapping must be undone and fail" % p[0].current_element, True)

// Patch. The enclosing functions and callees as identifiers, from script
// rules (they run only where a match is complete): the rewriting rules
// below inherit identifiers, since positions cannot be inherited across
// the changes they make. Each rule that inherits from a script rule also
// depends on its find rule by name: that is what tells spatch which
// tokens the rule needs, so that it skips the files without them.
@script:python map_fn depends on patch && mapcall@
p << mapcall.p;
P0 << prim.P;
fn;
P;
@@
if announcer(p[0]):
    coccinelle.fn = cocci.make_ident(announcer(p[0]))
    coccinelle.P = cocci.make_ident(str(P0))
else:
    cocci.include_match(False)

// The setter's protection, for the hook: set_fixmap_nocache() maps with
// FIXMAP_PAGE_NOCACHE, the others with the spec's IO protection.
@script:python fixio_fn depends on patch && fixio@
p << fixio.p;
F0 << fixio_site.F;
fn;
F;
pr;
@@
if announcer(p[0]):
    coccinelle.fn = cocci.make_ident(announcer(p[0]))
    coccinelle.F = cocci.make_ident(str(F0))
    coccinelle.pr = cocci.make_ident("FIXMAP_PAGE_NOCACHE" if "nocache" in str(F0) else "{{io-prot}}")
else:
    cocci.include_match(False)

@script:python fixprot_fn depends on patch && fixprot@
p << fixprot.p;
F0 << fixprot_site.F;
prot0 << fixprot_site.prot;
fn;
F;
prot;
@@
if announcer(p[0]):
    coccinelle.fn = cocci.make_ident(announcer(p[0]))
    coccinelle.F = cocci.make_ident(str(F0))
    coccinelle.prot = cocci.make_ident(str(prot0))
else:
    cocci.include_match(False)

// Patch. The map hook returns int: a mapping the hypervisor refused is
// unwound (vunmap_range() for page tables, clear_fixmap() for a fixmap
// slot) and the entry point fails as if the mapping had.
// 6.1: err = vmap_range_noflush(addr, end, phys_addr, prot, shift);
// ... return err;
@assign depends on patch && mapcall@
identifier map_fn.fn, map_fn.P;
expression a, e, ph, pr;
expression list rest;
idexpression x;
@@
fn(...)
{
	...
	x = P(a, e, ph, pr, rest);
	...
+	if (!x) {
+		x = {{hook-map}}(a, e, ph, pr);
+		if (x)
+			vunmap_range(a, e);
+	}
	return x;
}

// 6.12: return vmap_page_range(addr, end, phys_addr, prot);
@returns_map depends on patch && mapcall@
identifier map_fn.fn, map_fn.P;
position p;
@@
fn(...) { <... return P@p(...); ...> }

// <... ...> also matches where the return is absent; a script rule runs
// only where p is bound, and names the functions that really return it.
@script:python returning depends on patch && mapcall@
fn << map_fn.fn;
p << returns_map.p;
f;
@@
coccinelle.f = cocci.make_ident(str(fn))

// The result goes through a new local err, declared after the block's
// last declaration: in pci_remap_iospace() that is inside the same #if
// branch as the return, so that no configuration sees it unused ...
@ret_decl depends on patch && mapcall@
identifier returning.f;
declaration d;
statement S;
@@
f(...)
{
	<...
	d
+	int err;
	S
	...>
}

// ... or first, in a function without locals (one that has none now:
// ret_decl has run).
@ret_nodecl depends on patch && mapcall@
identifier returning.f;
declaration d;
@@
f(...)
{
+	int err;
+
	... when != d
}

@ret depends on patch && mapcall@
identifier returning.f, map_fn.P;
expression a, e, ph, pr;
@@
f(...)
{
	<...
-	return P(a, e, ph, pr);
+	err = P(a, e, ph, pr);
+	if (err)
+		return err;
+	err = {{hook-map}}(a, e, ph, pr);
+	if (err)
+		vunmap_range(a, e);
+	return err;
	...>
}

// A mapping whose result is ignored: vmap_page_range(...);
@stmt depends on patch && mapcall@
identifier map_fn.fn, map_fn.P;
expression a, e, ph, pr;
@@
fn(...)
{
	<...
-	P(a, e, ph, pr);
+	if (!P(a, e, ph, pr))
+		if ({{hook-map}}(a, e, ph, pr))
+			vunmap_range(a, e);
	...>
}

// Fixmap IO: set_fixmap_io(idx, phys) maps one page at __fix_to_virt(idx);
// __set_fixmap(idx, phys, FIXMAP_PAGE_IO) names the IO kind by its prot.
// A refused page clears the slot, and the function returns what it
// returns when it cannot map: NULL (earlycon_map()), or nothing.
@fixmap depends on patch && fixio@
identifier fixio_fn.fn, fixio_fn.F, fixio_fn.pr;
expression idx, ph;
type T;
@@
T *fn(...)
{
	<...
	F(idx, ph);
+	if ({{hook-map}}(__fix_to_virt(idx), __fix_to_virt(idx) + PAGE_SIZE,
+			 ph, pr)) {
+		clear_fixmap(idx);
+		return NULL;
+	}
	...>
}

@fixmap_void depends on patch && fixio@
identifier fixio_fn.fn, fixio_fn.F, fixio_fn.pr;
expression idx, ph;
@@
void fn(...)
{
	<...
	F(idx, ph);
+	if ({{hook-map}}(__fix_to_virt(idx), __fix_to_virt(idx) + PAGE_SIZE,
+			 ph, pr)) {
+		clear_fixmap(idx);
+		return;
+	}
	...>
}

@fixmap_prot depends on patch && fixprot@
identifier fixprot_fn.fn, fixprot_fn.F, fixprot_fn.prot;
expression idx, ph;
type T;
@@
T *fn(...)
{
	<...
	F(idx, ph, prot);
+	if ({{hook-map}}(__fix_to_virt(idx), __fix_to_virt(idx) + PAGE_SIZE,
+			 ph, prot)) {
+		clear_fixmap(idx);
+		return NULL;
+	}
	...>
}

@fixmap_prot_void depends on patch && fixprot@
identifier fixprot_fn.fn, fixprot_fn.F, fixprot_fn.prot;
expression idx, ph;
@@
void fn(...)
{
	<...
	F(idx, ph, prot);
+	if ({{hook-map}}(__fix_to_virt(idx), __fix_to_virt(idx) + PAGE_SIZE,
+			 ph, prot)) {
+		clear_fixmap(idx);
+		return;
+	}
	...>
}
