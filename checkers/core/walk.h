/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One walk over a function's basic blocks, shared by the path engine
 * (engine.c) and the helper summaries (summary.c). A block is visited
 * at most once per state, so loops end; the visitor reads the block and
 * says whether its path goes on.
 */
#ifndef IOGUARD_WALK_H
#define IOGUARD_WALK_H

#include "unit.h"

enum walk_next {
	WALK_SUCCESSORS,	/* on to every successor, in the same state */
	WALK_PATH_ENDS,		/* nothing follows, or visit() pushed it */
	WALK_STOP,		/* the answer is known: end the whole walk */
};

/*
 * The order decides which of the engine's diagnostics is printed first,
 * and, for recursive helpers, which summary is computed while another
 * one is still open. Each caller keeps the order it was written with.
 */
enum walk_order {
	WALK_STACK,		/* marked when found, last found first */
	WALK_DEPTH_FIRST,	/* depth-first preorder, successors in order */
};

struct walk_item;

struct walk {
	enum walk_order order;
	int nstates;		/* states a block can be visited in */
	enum walk_next (*visit)(struct walk *w, struct ir_block *bb,
				struct ir_insn *from, int state);
	void *data;		/* the visitor's */
	/* the walker's own */
	char *seen;		/* [block index * nstates + state] */
	int nblocks;
	struct walk_item *stack;
	int n, cap;
};

/*
 * Walk fn's blocks from bb, starting after insn from (or at the start
 * when NULL), in state. False when the visitor stopped the walk.
 */
bool walk_blocks(struct walk *w, struct fn *fn, struct ir_block *bb,
		 struct ir_insn *from, int state);
/* For a visitor that chooses successors or their states itself. */
void walk_push(struct walk *w, struct ir_block *bb, int state);

#endif
