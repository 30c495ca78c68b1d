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
#include "facts.h"
#include "walk.h"

/* checks.def names each check once; report() prints the id with '-'
 * for '_'. */
static const struct registered_check {
	const char *id;
	const struct check *check;
} checks[] = {
#define CHECK(id) { #id, &check_##id },
#include "checks.def"
#undef CHECK
};

#define for_each_check(c) \
	for (const struct registered_check *c = checks; \
	     c < checks + sizeof(checks) / sizeof(checks[0]); c++)

/* A walk from one mapping; the walk's state is what a path knows. */
struct mapping_walk {
	struct map_site *m;
	struct ir_value *result;
	enum spec_success success;
	bool reported_return;
};

/* The status a branch edge implies, or -1 when the edge cannot be taken. */
static int edge_status(struct mapping_walk *mw, struct ir_value *cond, enum status st,
		       bool taken)
{
	unsigned long long vs, vf;
	bool ks, kf;
	struct ir_value *r = mw->result;

	if (mw->success == SUCCESS_VOID || !r || r == &ir_void)
		return st;
	ks = eval_pseudo(cond, r, status_value(mw->success, ST_SUCCESS), &vs);
	kf = eval_pseudo(cond, r, status_value(mw->success, ST_FAILURE), &vf);
	if (st == ST_SUCCESS)
		return ks && (vs != 0) != taken ? -1 : (int)st;
	if (st == ST_FAILURE)
		return kf && (vf != 0) != taken ? -1 : (int)st;
	if (ks && kf && (vs != 0) != (vf != 0))
		return (vs != 0) == taken ? ST_SUCCESS : ST_FAILURE;
	return st;
}

static void branch(struct walk *w, struct ir_insn *br, enum status st)
{
	int s;

	s = edge_status(w->data, br->cond, st, true);
	if (s >= 0)
		walk_push(w, br->bb_true, s);
	s = edge_status(w->data, br->cond, st, false);
	if (s >= 0)
		walk_push(w, br->bb_false, s);
}

static void hook_reached(struct mapping_walk *mw, struct ir_insn *insn,
			 struct call *c, enum status st)
{
	struct map_site *m = mw->m;
	struct hook_site h = { m, insn, *c, st };

	/* at most once per status: the walk visits a block once per status */
	for_each_check(chk) {
		struct report_at at = { chk->id, m->tu, m->fn, insn };

		if (chk->check->hooked)
			chk->check->hooked(&h, &at);
	}
}

static void returned(struct mapping_walk *mw, enum status st)
{
	struct map_site *m = mw->m;

	if (st == ST_FAILURE || mw->reported_return)
		return;
	mw->reported_return = true;
	for_each_check(chk) {
		struct report_at at = { chk->id, m->tu, m->fn, m->insn };

		if (chk->check->unannounced)
			chk->check->unannounced(m, &at);
	}
}

/* A call on a path from the mapping: does the path end here? */
static bool path_ends_at_call(struct mapping_walk *mw,
			      struct ir_insn *insn, enum status st)
{
	struct call c;

	if (insn == mw->m->insn)
		return true;	/* a new mapping: its own walk */
	classify_call(mw->m->tu, insn, &c);
	if (c.kind == CALL_MAP_HOOK) {
		hook_reached(mw, insn, &c, st);
		return true;
	}
	/* a teardown: the mapping is undone before any return */
	return c.kind == CALL_TEARDOWN;
}

/* One block (or its rest, after from) of a path from the mapping. */
static enum walk_next step(struct walk *w, struct ir_block *bb,
			   struct ir_insn *from, int st)
{
	struct mapping_walk *mw = w->data;
	bool started = !from;
	int i;

	for (i = 0; i < bb->ninsns; i++) {
		struct ir_insn *insn = bb->insns[i];

		if (!started) {
			started = insn == from;
			continue;
		}
		switch (insn->op) {
		case IR_CALL:
			if (path_ends_at_call(mw, insn, st))
				return WALK_PATH_ENDS;
			break;
		case IR_RET:
			returned(mw, st);
			return WALK_PATH_ENDS;
		case IR_CBR:
			branch(w, insn, st);
			return WALK_PATH_ENDS;
		case IR_BR:
			walk_push(w, insn->bb_true, st);
			return WALK_PATH_ENDS;
		case IR_UNREACH:
			return WALK_PATH_ENDS;
		case IR_SWITCH:
			return WALK_SUCCESSORS;
		default:
			break;
		}
	}
	return WALK_SUCCESSORS;
}

static void walk_mapping(struct map_site *m)
{
	const struct spec_entry *e = m->call.spec;
	/* through a helper, the call's result is the helper's own */
	struct mapping_walk mw = { m, m->insn->target,
				   m->call.via ? SUCCESS_VOID : e->success };
	struct walk w = { .order = WALK_STACK, .nstates = 3, .visit = step,
			  .data = &mw };

	walk_blocks(&w, m->fn, m->insn->bb, m->insn,
		    mw.success == SUCCESS_VOID ? ST_SUCCESS : ST_UNKNOWN);
}

/* A walk from an unmap entry point's entry, looking for teardowns. */
struct teardown_walk {
	struct tu *tu;
	struct fn *fn;
	struct ir_insn **reported;
	int nreported;
};

static void report_teardown(struct teardown_walk *tw, struct ir_insn *insn,
			    const struct spec_entry *e)
{
	struct teardown_site t = { tw->tu, tw->fn, insn, e };
	int i;

	for (i = 0; i < tw->nreported; i++)
		if (tw->reported[i] == insn)
			return;
	tw->reported = realloc(tw->reported,
			       (tw->nreported + 1) * sizeof(*tw->reported));
	tw->reported[tw->nreported++] = insn;
	for_each_check(chk) {
		struct report_at at = { chk->id, tw->tu, tw->fn, insn };

		if (chk->check->unhooked_teardown)
			chk->check->unhooked_teardown(&t, &at);
	}
}

/* One block; the path ends where it calls the unmap hook. */
static enum walk_next scan_teardowns(struct walk *w, struct ir_block *bb,
				     struct ir_insn *from, int state)
{
	struct teardown_walk *tw = w->data;
	int i;

	for (i = 0; i < bb->ninsns; i++) {
		struct ir_insn *insn = bb->insns[i];
		struct call c;

		if (insn->op != IR_CALL)
			continue;
		classify_call(tw->tu, insn, &c);
		if (c.kind == CALL_UNMAP_HOOK)
			return WALK_PATH_ENDS;
		if (c.kind == CALL_TEARDOWN)
			report_teardown(tw, insn, c.spec);
	}
	return WALK_SUCCESSORS;
}

/* Unmap entry points: teardowns reached from the entry without the hook. */
static void walk_teardowns(struct tu *tu, struct fn *fn)
{
	struct teardown_walk tw = { tu, fn };
	struct walk w = { .order = WALK_STACK, .nstates = 1,
			  .visit = scan_teardowns, .data = &tw };

	walk_blocks(&w, fn, fn->ir->entry, NULL, 0);
	free(tw.reported);
}

static void call_event(struct tu *tu, struct fn *fn, struct ir_insn *insn,
		       const struct call *c)
{
	struct call_site cs = { tu, fn, insn, *c };

	for_each_check(chk) {
		struct report_at at = { chk->id, tu, fn, insn };

		if (chk->check->called)
			chk->check->called(&cs, &at);
	}
}

void check_function(struct tu *tu, struct fn *fn)
{
	const struct spec_entry *e = fn->spec;
	int b, i;

	if (!fn->ir->entry)
		return;
	if (e && e->kind == SPEC_ENTRY_UNMAP && tu->unmap_hook)
		walk_teardowns(tu, fn);
	/* A primitive's or hook's own body is not a bypass: its callers are
	 * what the checks look at. An exempt function's is not either, but
	 * the audit shows what it would be, with the spec's reason. */
	if (e && e->kind != SPEC_ENTRY_MAP && e->kind != SPEC_ENTRY_UNMAP &&
	    !(e->kind == SPEC_EXEMPT && facts_on()))
		return;
	for (b = 0; b < fn->ir->nblocks; b++) {
		struct ir_block *bb = fn->ir->blocks[b];

		for (i = 0; i < bb->ninsns; i++) {
			struct ir_insn *insn = bb->insns[i];
			struct map_site m = { tu, fn, insn };

			if (insn->op != IR_CALL)
				continue;
			classify_call(tu, insn, &m.call);
			call_event(tu, fn, insn, &m.call);
			if (m.call.kind != CALL_MAP)
				continue;
			m.in_entry = e && e->kind == SPEC_ENTRY_MAP;
			walk_mapping(&m);
		}
	}
}
