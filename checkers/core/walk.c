// SPDX-License-Identifier: GPL-2.0
/*
 * The block walker (walk.h): an explicit stack of (block, state), and a
 * seen mark per block and state, by the block's index. A block outside
 * the function's list (index -1) has its own slot at the end.
 */
#include <stdlib.h>

#include "walk.h"

struct walk_item {
	struct ir_block *bb;
	struct ir_insn *from;		/* start after this insn, or NULL */
	int state;
};

/* Was bb already seen in state? It is now. */
static bool test_and_mark(struct walk *w, struct ir_block *bb, int state)
{
	int idx = bb->index >= 0 ? bb->index : w->nblocks;
	char *seen = &w->seen[idx * w->nstates + state];
	bool was = *seen;

	*seen = 1;
	return was;
}

static void push_item(struct walk *w, struct ir_block *bb,
		      struct ir_insn *from, int state)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 32;
		w->stack = realloc(w->stack, w->cap * sizeof(*w->stack));
	}
	w->stack[w->n++] = (struct walk_item){ bb, from, state };
}

void walk_push(struct walk *w, struct ir_block *bb, int state)
{
	/* WALK_STACK marks when found, so a block waits once on the stack;
	 * WALK_DEPTH_FIRST marks when visited. */
	if (w->order == WALK_STACK && test_and_mark(w, bb, state))
		return;
	push_item(w, bb, NULL, state);
}

static void push_successors(struct walk *w, struct ir_block *bb,
			    int state)
{
	int i;

	if (w->order == WALK_STACK) {
		for (i = 0; i < bb->nsucc; i++)
			walk_push(w, bb->succ[i], state);
		return;
	}
	/* last pushed, first visited: the first successor goes first */
	for (i = bb->nsucc - 1; i >= 0; i--)
		walk_push(w, bb->succ[i], state);
}

bool walk_blocks(struct walk *w, struct fn *fn, struct ir_block *bb,
		 struct ir_insn *from, int state)
{
	bool stopped = false;

	w->nblocks = fn->ir->nblocks;
	w->seen = calloc((w->nblocks + 1) * w->nstates, 1);
	w->stack = NULL;
	w->n = w->cap = 0;
	/* the rest of a block does not mark it: its start may come later */
	if (from)
		push_item(w, bb, from, state);
	else
		walk_push(w, bb, state);
	while (w->n && !stopped) {
		struct walk_item it = w->stack[--w->n];

		if (w->order == WALK_DEPTH_FIRST && !it.from &&
		    test_and_mark(w, it.bb, it.state))
			continue;
		switch (w->visit(w, it.bb, it.from, it.state)) {
		case WALK_SUCCESSORS:
			push_successors(w, it.bb, it.state);
			break;
		case WALK_PATH_ENDS:
			break;
		case WALK_STOP:
			stopped = true;
			break;
		}
	}
	free(w->seen);
	free(w->stack);
	return !stopped;
}
