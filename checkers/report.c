// SPDX-License-Identifier: GPL-2.0
/*
 * Where a finding is reported: at the call in the function's own file,
 * also when sparse inlined it from a header or another helper.
 */
#include "unit.h"

/*
 * Is pos inside fn's own body? sparse records no end for a function
 * body, so the body ends where the next function of the same file
 * starts (defined ones, and inline ones reached through the IR).
 */
static bool in_body(struct fn *fn, struct position pos, unsigned int end)
{
	return pos.stream == fn->sym->pos.stream &&
	       pos.line >= fn->sym->pos.line && pos.line < end;
}

static void bound_end(struct fn *fn, struct symbol *other, unsigned int *end)
{
	if (other && other != fn->sym &&
	    other->pos.stream == fn->sym->pos.stream &&
	    other->pos.line > fn->sym->pos.line && other->pos.line < *end)
		*end = other->pos.line;
}

static unsigned int body_end(struct tu *tu, struct fn *fn)
{
	unsigned int end = ~0U;
	struct basic_block *bb;
	struct instruction *i;
	int k;

	for (k = 0; k < tu->nr; k++)
		bound_end(fn, tu->fns[k].sym, &end);
	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, i) {
			if (i->opcode == OP_INLINED_CALL && i->func &&
			    i->func->type == PSEUDO_SYM)
				bound_end(fn, i->func->sym, &end);
		} END_FOR_EACH_PTR(i);
	} END_FOR_EACH_PTR(bb);
	return end;
}

struct position site_pos(struct tu *tu, struct fn *fn,
			 struct instruction *insn)
{
	unsigned int end = body_end(tu, fn);
	struct basic_block *bb;
	struct instruction *i;
	bool seen = false;

	if (in_body(fn, insn->pos, end))
		return insn->pos;
	/* Inlined from elsewhere: sparse emits the inlined-call marker, with
	 * the call site's position, after the inlined body. */
	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, i) {
			if (i == insn)
				seen = true;
			else if (seen && i->opcode == OP_INLINED_CALL &&
				 in_body(fn, i->pos, end))
				return i->pos;
		} END_FOR_EACH_PTR(i);
	} END_FOR_EACH_PTR(bb);
	return insn->pos;
}
