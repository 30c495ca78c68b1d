/* SPDX-License-Identifier: GPL-2.0 */
/* The Coccinelle scripts of cocci/, rendered for one spec (cocci_render.c). */
#ifndef IOGUARD_COCCI_H
#define IOGUARD_COCCI_H

#include "spec.h"

/* Render every script into OUTDIR (created), with OUTDIR/spec (the spec
 * normalised) and OUTDIR/hook-decls.h (the hooks' declarations, wrapped as
 * <linux/io.h> wants them). A script that needs the unmap hook is left out
 * when the spec has none. Returns 0, or -1 after "ioguard: CMD: ...". */
int cocci_render_all(const char *cmd, const struct spec *spec,
		     const char *outdir);
#endif
