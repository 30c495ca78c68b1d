// SPDX-License-Identifier: GPL-2.0
/*
 * How a check's finding is printed: at the call the event is about, as
 * written in the function's own file (also when the frontend inlined it
 * from a header or another helper), named after the check.
 */
#include <stdarg.h>
#include <stdio.h>

#include "checks.h"
#include "facts.h"

/*
 * Is pos inside fn's own body? A frontend need not record where a body
 * ends (sparse does not), so the body ends where the next function of
 * the same file starts (defined ones, and inline ones reached through
 * the IR).
 */
static bool in_body(struct fn *fn, struct ir_pos pos, unsigned int end)
{
	struct ir_pos at = fn->ir->sym->pos;

	return pos.file == at.file && pos.line >= at.line && (unsigned int)pos.line < end;
}

static void bound_end(struct fn *fn, struct ir_sym *other, unsigned int *end)
{
	struct ir_pos at = fn->ir->sym->pos;

	if (other && other != fn->ir->sym && other->pos.file == at.file &&
	    other->pos.line > at.line && (unsigned int)other->pos.line < *end)
		*end = other->pos.line;
}

unsigned int body_end(struct tu *tu, struct fn *fn)
{
	unsigned int end = ~0U;
	int k, b, i;

	for (k = 0; k < tu->nr; k++)
		bound_end(fn, tu->fns[k].ir->sym, &end);
	for (b = 0; b < fn->ir->nblocks; b++) {
		struct ir_block *bb = fn->ir->blocks[b];

		for (i = 0; i < bb->ninsns; i++)
			if (bb->insns[i]->op == IR_INLINED)
				bound_end(fn, bb->insns[i]->callee, &end);
	}
	return end;
}

/* Where to report insn: the call site in fn's own file, whose body ends
 * before line end (body_end()). */
struct ir_pos site_pos_in(struct tu *tu, struct fn *fn,
			  struct ir_insn *insn, unsigned int end)
{
	bool seen = false;
	int b, k;

	if (in_body(fn, insn->pos, end))
		return insn->pos;
	/* Inlined from elsewhere: the frontend puts the inlined-call marker,
	 * with the call site's position, after the inlined body. */
	for (b = 0; b < fn->ir->nblocks; b++) {
		struct ir_block *bb = fn->ir->blocks[b];

		for (k = 0; k < bb->ninsns; k++) {
			struct ir_insn *i = bb->insns[k];

			if (i == insn)
				seen = true;
			else if (seen && i->op == IR_INLINED &&
				 in_body(fn, i->pos, end))
				return i->pos;
		}
	}
	return insn->pos;
}

struct ir_pos site_pos(struct tu *tu, struct fn *fn, struct ir_insn *insn)
{
	return site_pos_in(tu, fn, insn, body_end(tu, fn));
}

void report(const struct report_at *at, const char *fmt, ...)
{
	char name[64], msg[512];
	struct ir_pos pos;
	va_list ap;
	int i;

	for (i = 0; at->check_id[i] && i < (int)sizeof(name) - 1; i++)
		name[i] = at->check_id[i] == '_' ? '-' : at->check_id[i];
	name[i] = '\0';
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pos = site_pos(at->tu, at->fn, at->insn);
	if (at->fn->spec && at->fn->spec->kind == SPEC_EXEMPT) {
		if (diag_once(pos, name, msg))
			facts_exempt(pos, name, at->fn->name, at->fn->spec->reason, msg);
		return;
	}
	if (diag(pos, name, msg))
		facts_finding(pos, name, at->fn->name, msg);
}
