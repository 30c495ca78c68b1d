/* SPDX-License-Identifier: GPL-2.0 */
/* The Coccinelle scripts of cocci/, rendered for one spec (cocci_render.c). */
#ifndef IOGUARD_COCCI_H
#define IOGUARD_COCCI_H

#include <stdio.h>

#include "spec.h"

/* Render every script into OUTDIR (created), with OUTDIR/spec (the spec
 * normalised) and OUTDIR/hook-decls.h (the hooks' declarations, wrapped as
 * <linux/io.h> wants them). A script that needs the unmap hook is left out
 * when the spec has none. Returns 0, or -1 after "ioguard: CMD: ...". */
/* Is NAME one of the files a rendering can write (for outdir_commit():
 * an older rendering's files go when a new one is moved in)? */
int cocci_output_name(const char *name);
int cocci_render_all(const char *cmd, const struct spec *spec,
		     const char *outdir);

/* hook_render.c: the hooks' C text for the spec's names. Their
 * declarations (<linux/io.h>), and their definitions as "+" lines of a
 * semantic patch (no newline after the last). */
void hook_decls(FILE *f, const struct spec *spec);
void hook_map_default(FILE *f, const struct spec *spec);
void hook_unmap_default(FILE *f, const struct spec *spec);
#endif
