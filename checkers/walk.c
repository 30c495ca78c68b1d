// SPDX-License-Identifier: GPL-2.0
/*
 * The block walker (walk.h): an explicit stack of (block, state), and a
 * seen mark per block and state. Blocks are numbered in bb->priv (tu.c).
 */
#include <stdlib.h>

#include "walk.h"

struct walk_item {
	struct basic_block *bb;
	struct instruction *from;	/* start after this insn, or NULL */
	int state;
};

/* Was bb already seen in state? It is now. */
static bool test_and_mark(struct walk *w, struct basic_block *bb, int state)
{
	char *seen = &w->seen[(long)bb->priv * w->nstates + state];
	bool was = *seen;

	*seen = 1;
	return was;
}

static void push_item(struct walk *w, struct basic_block *bb,
		      struct instruction *from, int state)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 32;
		w->stack = realloc(w->stack, w->cap * sizeof(*w->stack));
	}
	w->stack[w->n++] = (struct walk_item){ bb, from, state };
}

void walk_push(struct walk *w, struct basic_block *bb, int state)
{
	/* WALK_STACK marks when found, so a block waits once on the stack;
	 * WALK_DEPTH_FIRST marks when visited. */
	if (w->order == WALK_STACK && test_and_mark(w, bb, state))
		return;
	push_item(w, bb, NULL, state);
}

static void push_successors(struct walk *w, struct basic_block *bb,
			    int state)
{
	struct basic_block *child;

	if (w->order == WALK_STACK) {
		FOR_EACH_PTR(bb->children, child) {
			walk_push(w, child, state);
		} END_FOR_EACH_PTR(child);
		return;
	}
	/* last pushed, first visited: the first successor goes first */
	FOR_EACH_PTR_REVERSE(bb->children, child) {
		walk_push(w, child, state);
	} END_FOR_EACH_PTR_REVERSE(child);
}

bool walk_blocks(struct walk *w, struct fn *fn, struct basic_block *bb,
		 struct instruction *from, int state)
{
	bool stopped = false;

	w->seen = calloc((fn->nbbs + 1) * w->nstates, 1);
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
