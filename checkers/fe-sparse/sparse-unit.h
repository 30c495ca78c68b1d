/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How ioguard rides on sparse's own program. sparse's main (sparse.c,
 * linked in as sparse_program_main) drives the one parse of each unit;
 * sparse-glue.c sees its library calls and tells sparse-unit.c what
 * happened; sparse-lower.c copies each linearized function into the
 * core's IR (core/ioir.h).
 */
#ifndef IOGUARD_SPARSE_UNIT_H
#define IOGUARD_SPARSE_UNIT_H

#include <stdbool.h>

#include "lib.h"
#include "token.h"
#include "linearize.h"

#include "../core/frontend.h"

/* sparse.c's main, its symbol renamed when it is linked in */
int sparse_program_main(int argc, char **argv);

/* ioguard-sparse.c: the options the glue acts on */
extern const struct spec *ioguard_spec;
extern bool ioguard_warn_only;

/* crash.c: a crash is "ioguard-sparse: not checked: FILE: ..." and
 * exit 2 (the guard is off in sanitizer builds) */
void crash_guard_init(void);
void crash_guard_unit(const char *file);

/* sparse-unit.c: one translation unit, from its parse to its findings */
void unit_begin(const struct spec *spec, const char *file);
struct token *unit_probe_tokens(void);	/* appended to the unit's file */
void unit_parsed(void);			/* parsed and evaluated */
void unit_keep_bodies(struct symbol_list **list);	/* spec functions defined inline */
void unit_add(struct symbol *sym, struct entrypoint *ep);
void unit_end(void);			/* run the checks; no-op without a unit */

/* sparse-lower.c: sparse's IR to the core's */
struct ir_fn *lower_function(struct symbol *sym, struct entrypoint *ep);
struct ir_sym *lower_sym(struct symbol *sym);
struct ir_pos lower_pos(struct position pos);
void lower_reset(void);

/* sparse-facts.c: the facts only sparse's side knows */
void facts_data(struct symbol_list *list);
void facts_stream_mark(void);		/* the unit's first stream is next */
void facts_deps(void);

#endif
