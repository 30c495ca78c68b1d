/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How ioguard rides on sparse's own program. sparse's main (sparse.c,
 * linked in as sparse_program_main) drives the one parse of each unit;
 * sparse-glue.c sees its library calls and tells tu.c what happened.
 */
#ifndef IOGUARD_TU_H
#define IOGUARD_TU_H

#include <stdbool.h>

#include "lib.h"
#include "token.h"
#include "linearize.h"

#include "spec.h"

/* sparse.c's main, its symbol renamed when it is linked in */
int sparse_program_main(int argc, char **argv);

/* ioguard-sparse.c: the options the glue acts on */
extern const struct spec *ioguard_spec;
extern bool ioguard_warn_only;
extern bool ioguard_user_map;		/* the user-map check is on */
void ioguard_die(const char *fmt, const char *arg);

/* crash.c: a crash is "ioguard-sparse: not checked: FILE: ..." and
 * exit 2 (the guard is off in sanitizer builds) */
void crash_guard_init(void);
void crash_guard_unit(const char *file);

/* tu.c: one translation unit, from its parse to its findings */
void tu_begin(const struct spec *spec);
struct token *tu_probe_tokens(void);	/* appended to the unit's file */
void tu_parsed(void);			/* parsed and evaluated */
void tu_keep_bodies(struct symbol_list **list);	/* spec functions defined inline */
void tu_add(struct symbol *sym, struct entrypoint *ep);
void tu_end(void);			/* run the checks; no-op without a unit */

#endif
