// SPDX-License-Identifier: GPL-2.0
/*
 * The path engine. For every mapping in a function it walks the paths
 * that leave the call, tracking what each path knows of the mapping's
 * result (success, failure, unknown) through the branches that test it,
 * until the path reaches the map hook, a return, or a teardown. For
 * every unmap entry point it walks from the entry and reports teardowns
 * reached before the unmap hook. Checks get the events (checks.h).
 */
#include <stdlib.h>

#include "checks.h"

const struct check *const all_checks[] = {
#define CHECK(id) &check_##id,
#include "checks.def"
#undef CHECK
	NULL,
};

#define for_each_check(c) \
	for (const struct check *const *c = all_checks; *c; c++)

struct path {
	struct basic_block *bb;
	struct instruction *from;	/* start after this insn, or NULL */
	enum status status;
};

struct walk {
	struct map_site *m;
	pseudo_t result;
	enum spec_success success;
	char *seen;			/* [bb index * 3 + status] */
	struct path *stack;
	int depth, cap;
	bool reported_return;
};

static void push(struct walk *w, struct basic_block *bb,
		 struct instruction *from, enum status st)
{
	long idx = (long)bb->priv;

	if (!from) {
		if (w->seen[idx * 3 + st])
			return;
		w->seen[idx * 3 + st] = 1;
	}
	if (w->depth == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 32;
		w->stack = realloc(w->stack, w->cap * sizeof(*w->stack));
	}
	w->stack[w->depth++] = (struct path){ bb, from, st };
}

/* The status a branch edge implies, or -1 when the edge cannot be taken. */
static int edge_status(struct walk *w, pseudo_t cond, enum status st,
		       bool taken)
{
	unsigned long long vs, vf;
	bool ks, kf;
	pseudo_t r = w->result;

	if (w->success == SUCCESS_VOID || !r || r == VOID)
		return st;
	ks = eval_pseudo(cond, r, status_value(w->success, ST_SUCCESS), &vs);
	kf = eval_pseudo(cond, r, status_value(w->success, ST_FAILURE), &vf);
	if (st == ST_SUCCESS)
		return ks && (vs != 0) != taken ? -1 : (int)st;
	if (st == ST_FAILURE)
		return kf && (vf != 0) != taken ? -1 : (int)st;
	if (ks && kf && (vs != 0) != (vf != 0))
		return (vs != 0) == taken ? ST_SUCCESS : ST_FAILURE;
	return st;
}

static void branch(struct walk *w, struct instruction *br, enum status st)
{
	int s;

	s = edge_status(w, br->cond, st, true);
	if (s >= 0)
		push(w, br->bb_true, NULL, s);
	s = edge_status(w, br->cond, st, false);
	if (s >= 0)
		push(w, br->bb_false, NULL, s);
}

static void hook_reached(struct walk *w, struct instruction *insn,
			 struct call *c, enum status st)
{
	struct hook_site h = { w->m, insn, *c, st };

	/* at most once per status: the walk visits a block once per status */
	for_each_check(chk)
		if ((*chk)->hooked)
			(*chk)->hooked(&h);
}

/* Walk one path segment; returns when the path ends or branches. */
static void step(struct walk *w, struct path p)
{
	struct instruction *insn;
	struct basic_block *child;
	bool started = !p.from;

	FOR_EACH_PTR(p.bb->insns, insn) {
		struct call c;

		if (!started) {
			started = insn == p.from;
			continue;
		}
		if (!insn->bb)
			continue;
		switch (insn->opcode) {
		case OP_CALL:
			if (insn == w->m->insn)
				return;	/* a new mapping: its own walk */
			classify_call(w->m->tu, insn, &c);
			if (c.kind == CALL_MAP_HOOK) {
				hook_reached(w, insn, &c, p.status);
				return;
			}
			if (c.kind == CALL_TEARDOWN)
				return;	/* mapping undone before return */
			break;
		case OP_RET:
			if (p.status != ST_FAILURE && !w->reported_return) {
				w->reported_return = true;
				for_each_check(chk)
					if ((*chk)->unannounced)
						(*chk)->unannounced(w->m);
			}
			return;
		case OP_CBR:
			branch(w, insn, p.status);
			return;
		case OP_BR:
			push(w, insn->bb_true, NULL, p.status);
			return;
		case OP_UNREACH:
			return;
		case OP_SWITCH:
		case OP_COMPUTEDGOTO:
			FOR_EACH_PTR(p.bb->children, child) {
				push(w, child, NULL, p.status);
			} END_FOR_EACH_PTR(child);
			return;
		default:
			break;
		}
	} END_FOR_EACH_PTR(insn);
	FOR_EACH_PTR(p.bb->children, child) {
		push(w, child, NULL, p.status);
	} END_FOR_EACH_PTR(child);
}

static void walk_mapping(struct map_site *m)
{
	struct walk w = { .m = m };
	const struct spec_entry *e = m->call.spec;

	w.result = m->insn->target;
	w.success = e->success;
	w.seen = calloc((m->fn->nbbs + 1) * 3, 1);
	push(&w, m->insn->bb, m->insn,
	     e->success == SUCCESS_VOID ? ST_SUCCESS : ST_UNKNOWN);
	while (w.depth)
		step(&w, w.stack[--w.depth]);
	free(w.seen);
	free(w.stack);
}

struct teardown_walk {
	struct tu *tu;
	struct fn *fn;
	struct instruction **reported;
	int nreported;
};

static void report_teardown(struct teardown_walk *w, struct instruction *insn,
			    const struct spec_entry *e)
{
	struct teardown_site t = { w->tu, w->fn, insn, e };
	int i;

	for (i = 0; i < w->nreported; i++)
		if (w->reported[i] == insn)
			return;
	w->reported = realloc(w->reported,
			      (w->nreported + 1) * sizeof(*w->reported));
	w->reported[w->nreported++] = insn;
	for_each_check(chk)
		if ((*chk)->unhooked_teardown)
			(*chk)->unhooked_teardown(&t);
}

/* Scan one block; true when it calls the unmap hook (the path ends). */
static bool scan_teardowns(struct teardown_walk *w, struct basic_block *bb)
{
	struct instruction *insn;

	FOR_EACH_PTR(bb->insns, insn) {
		struct call c;

		if (!insn->bb || insn->opcode != OP_CALL)
			continue;
		classify_call(w->tu, insn, &c);
		if (c.kind == CALL_UNMAP_HOOK)
			return true;
		if (c.kind == CALL_TEARDOWN)
			report_teardown(w, insn, c.spec);
	} END_FOR_EACH_PTR(insn);
	return false;
}

/* Unmap entry points: teardowns reached from the entry without the hook. */
static void walk_teardowns(struct tu *tu, struct fn *fn)
{
	struct teardown_walk w = { tu, fn };
	char *seen = calloc(fn->nbbs + 1, 1);
	struct basic_block **stack, *bb, *child;
	int depth = 0;

	stack = malloc((fn->nbbs + 1) * sizeof(*stack));
	stack[depth++] = fn->ep->entry->bb;
	seen[(long)fn->ep->entry->bb->priv] = 1;
	while (depth) {
		bb = stack[--depth];
		if (scan_teardowns(&w, bb))
			continue;
		FOR_EACH_PTR(bb->children, child) {
			long idx = (long)child->priv;

			if (!seen[idx]) {
				seen[idx] = 1;
				stack[depth++] = child;
			}
		} END_FOR_EACH_PTR(child);
	}
	free(stack);
	free(seen);
	free(w.reported);
}

void check_function(struct tu *tu, struct fn *fn)
{
	const struct spec_entry *e = fn->spec;
	struct basic_block *bb;
	struct instruction *insn;

	if (!fn->ep || !fn->ep->entry)
		return;
	if (e && e->kind == SPEC_ENTRY_UNMAP && tu->unmap_hook)
		walk_teardowns(tu, fn);
	/* A primitive's, hook's or exempt function's own body is not a
	 * bypass: its callers are what the checks look at. */
	if (e && e->kind != SPEC_ENTRY_MAP && e->kind != SPEC_ENTRY_UNMAP)
		return;
	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			struct map_site m = { tu, fn, insn };

			if (!insn->bb || insn->opcode != OP_CALL)
				continue;
			classify_call(tu, insn, &m.call);
			if (m.call.kind != CALL_MAP)
				continue;
			m.in_entry = e && e->kind == SPEC_ENTRY_MAP;
			walk_mapping(&m);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}
