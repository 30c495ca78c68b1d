// SPDX-License-Identifier: GPL-2.0
/// Define the MMIO guard map hook before the definition of the map entry
/// point that maps through a page-table primitive (ioremap_page_range()
/// in mm/vmalloc.c): it calls the ops an architecture registers with
/// ioremap_guard_register(), so that one that registers none pays a test
/// of a pointer (unmap_hook.cocci does the same for the unmap hook).
/// Nothing is added where the map hook is already defined. The declarations in <linux/io.h> are written by
/// `ioguard insert` (from hook-decls.h beside the rendered scripts):
/// Coccinelle 1.1.1 adds nothing after a top-level prototype in a header.
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

@defined@
@@
int {{hook-map}}(...) { ... }

// The definition of the map entry point that maps through a primitive.
@weak depends on patch && !defined@
identifier fn = {{set entry-map}};
type T;
typedef phys_addr_t, pgprot_t;
attribute name __ro_after_init, __init;
@@
{{weak-default hook-map}}
+
T fn(...)
{
	<+... {{or map-primitive}}(...) ...+>
}

@missing depends on (context || report || org) && !defined@
identifier fn = {{set entry-map}};
position p;
@@
fn@p(...)
{
	<+... {{or map-primitive}}(...) ...+>
}

@depends on context@
identifier missing.fn;
position missing.p;
@@
* fn@p(...)
{
	...
}

@initialize:python@
@@
{{include report.py}}

@script:python depends on report@
fn << missing.fn;
p << missing.p;
@@
tell(p[0], "hook-decl", "no default definition of {{hook-map}}() beside %s()" % fn, False)

@script:python depends on org@
fn << missing.fn;
p << missing.p;
@@
tell(p[0], "hook-decl", "no default definition of {{hook-map}}() beside %s()" % fn, True)
