/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Building a function's IR from structured code, for a frontend that
 * has no IR of its own (the clang one): blocks and edges, and SSA form
 * for variables as they are written and read, on the fly (Braun, Buchwald,
 * Hack, Leißa, Mallon, Zwinkau: "Simple and Efficient Construction of
 * Static Single Assignment Form", CC 2013). A block is sealed once all
 * its predecessors are known; reads in unsealed blocks get phis that are
 * completed when it is; trivial phis are removed.
 *
 * irb_finish() then drops what cannot be reached from the entry, turns
 * each phi's operands into the IR's phi sources (core/ioir.h) in the
 * predecessors, at the position where each value was written, and
 * rewrites every operand past removed phis.
 */
#ifndef IOGUARD_IRBUILD_H
#define IOGUARD_IRBUILD_H

#include "ioir.h"

struct irb_def;
struct irb_block;

struct irb {
	struct ir_fn *fn;
	struct irb_block *info;		/* by block index */
	int ninfo, capinfo;
	struct irb_def *defs;		/* (block, variable) -> value: open addressing */
	size_t ndefs, capdefs;
	struct ir_map phis;		/* a phi's result -> its struct irb_phi */
	struct ir_map fwd;		/* a removed phi's result -> what replaced it */
	int *var_bits;
	int nvars, capvars;
	int placed;			/* blocks placed so far (irb_place) */
};

/* A heap array of n elements of elem bytes, room for one more (doubling,
 * cap kept in *cap); the lowering's own arrays, not the IR's arena. */
void *irb_grow(void *p, int n, int *cap, size_t elem);
void irb_init(struct irb *b, struct ir_fn *fn);
/* A new block, listed in the function (in creation order). */
struct ir_block *irb_block(struct irb *b);
void irb_edge(struct irb *b, struct ir_block *from, struct ir_block *to);
void irb_seal(struct irb *b, struct ir_block *bb);
bool irb_sealed(struct irb *b, struct ir_block *bb);
int irb_npreds(struct irb *b, struct ir_block *bb);
/*
 * bb gets its first instruction now: the function's blocks are listed in
 * this order in the end (a block made early, a loop's exit or a return's
 * join, comes where its code does, as a compiler lays them out).
 */
void irb_place(struct irb *b, struct ir_block *bb);
/* Does bb end with a branch, a return or unreachable? */
bool irb_terminated(struct ir_block *bb);

/* A variable of bits bits; what it holds in a block, written at pos. */
int irb_var(struct irb *b, int bits);
void irb_write(struct irb *b, int var, struct ir_block *bb, struct ir_value *v,
	       struct ir_pos pos);
struct ir_value *irb_read(struct irb *b, int var, struct ir_block *bb);
/* v, or what replaced it if it was a phi found trivial */
struct ir_value *irb_resolve(struct irb *b, struct ir_value *v);

void irb_finish(struct irb *b);
void irb_free(struct irb *b);

#endif
