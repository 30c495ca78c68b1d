/* SPDX-License-Identifier: GPL-2.0 */
/* The Coccinelle scripts of cocci/, rendered for one spec (cocci_render.c). */
#ifndef IOGUARD_COCCI_H
#define IOGUARD_COCCI_H

#include <stddef.h>
#include <stdio.h>

#include "spec.h"

/* The scripts, in the order insert runs them. */
extern const char *const cocci_scripts[];

/* Whether SPEC fits the call shapes the templates rewrite; -1 and
 * "PATH:LINE: message" in err when it does not. */
int cocci_spec_fits(const struct spec *spec, char *err, size_t len);
/* Write DIR/NAME.cocci for SPEC into OUT; -1 and a message on error. */
int cocci_render_one(const struct spec *spec, const char *dir,
		     const char *name, FILE *out, char *err, size_t len);
/* Render every script into OUTDIR (created), with OUTDIR/spec (the spec
 * normalised) and OUTDIR/hook-decls.h (the hooks' declarations, wrapped as
 * <linux/io.h> wants them). A script that needs the unmap hook is left out
 * when the spec has none. Returns 0, or -1 after "ioguard: CMD: ...". */
int cocci_render_all(const char *cmd, const struct spec *spec,
		     const char *outdir);
#endif
