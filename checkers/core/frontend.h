/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a frontend does with the core, per translation unit:
 *
 *	tu_begin(spec)
 *	tu_probe_text()		append it after the unit's own file, so that
 *				the spec's macros are evaluated in the unit
 *	tu_add(fn)		each function, lowered to the IR (ioir.h); the
 *				probes among them are read, not checked
 *	tu_run()		the checks, the findings, the functions' facts
 *	facts_dep()...		the frontend's own facts (facts.h)
 *	facts_unit_end(error)
 *	tu_free()		the unit's IR and summaries
 *
 * and the options both frontends' commands share.
 */
#ifndef IOGUARD_FRONTEND_H
#define IOGUARD_FRONTEND_H

#include <stdbool.h>

#include "ioir.h"
#include "spec.h"

extern const char *ioguard_prog;	/* "ioguard-sparse", "ioguard-clang" */
extern bool ioguard_user_map;		/* the user-map check is on */
/* "PROG: " fmt with arg, exit 2 */
void ioguard_die(const char *fmt, const char *arg) __attribute__((noreturn));

#define PROBE_PREFIX "__ioguard_probe_"

void tu_begin(const struct spec *spec);
bool tu_active(void);
/*
 * The probes' text; its length, or -1 when it does not fit. A probe is a
 * function per macro; PROBE_RETURN ones return the macro's value, typed
 * with __typeof__ (sparse's); PROBE_STATEMENT ones evaluate it as their
 * last statement, and the frontend returns that value (clang refuses a
 * file-scope __typeof__ of a compound literal that reads a variable,
 * such as arm64's FIXMAP_PAGE_IO).
 */
enum probe_style { PROBE_RETURN, PROBE_STATEMENT };
int tu_probe_text(char *buf, int len, enum probe_style style);
bool tu_is_probe(const char *name);
void tu_add(struct ir_fn *fn);
void tu_run(void);
void tu_free(void);
/* What the spec calls name, if anything (name interned). */
const struct spec_entry *tu_spec_of(const char *name);

/* diag.c: how many findings were printed */
int diag_count(void);

#endif
