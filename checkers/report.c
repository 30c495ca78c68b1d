// SPDX-License-Identifier: GPL-2.0
/*
 * How a check's finding is printed: at the call the event is about, as
 * written in the function's own file (also when sparse inlined it from
 * a header or another helper), named after the check.
 */
#include <stdarg.h>
#include <stdio.h>

#include "checks.h"
#include "facts.h"

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

unsigned int body_end(struct tu *tu, struct fn *fn)
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

/* Where to report insn: the call site in fn's own file, whose body ends
 * before line end (body_end()). */
struct position site_pos_in(struct tu *tu, struct fn *fn,
			    struct instruction *insn, unsigned int end)
{
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

struct position site_pos(struct tu *tu, struct fn *fn, struct instruction *insn)
{
	return site_pos_in(tu, fn, insn, body_end(tu, fn));
}

void report(const struct report_at *at, const char *fmt, ...)
{
	char name[64], msg[512];
	struct position pos;
	va_list ap;
	int i;

	for (i = 0; at->check_id[i] && i < (int)sizeof(name) - 1; i++)
		name[i] = at->check_id[i] == '_' ? '-' : at->check_id[i];
	name[i] = '\0';
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pos = site_pos(at->tu, at->fn, at->insn);
	if (diag(pos, name, msg))
		facts_finding(pos, name, at->fn->name, msg);
}
