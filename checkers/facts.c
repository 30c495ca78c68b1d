// SPDX-License-Identifier: GPL-2.0
/*
 * Per-unit facts for `ioguard audit` (--ioguard-facts=FILE): what a
 * whole-tree index needs of each unit beyond its findings, written as
 * tab-separated records (format and meaning: docs/audit.md, "Facts").
 *
 *	unit	PATH
 *	fn	NAME	FILE	LINE	STATIC
 *	call	CALLER	CALLEE	LINE	CALLEE-STATIC
 *	ref	NAME	FILE	LINE	IN-FUNCTION|-
 *	finding	FILE	LINE	COL	CHECK	FUNCTION	MESSAGE
 *	exempt	FILE	LINE	COL	CHECK	FUNCTION	REASON	MESSAGE
 *	flow	FUNCTION	STATIC	FILE	LINE	SOURCE	DESTINATION	CHOICE
 *	announce	FUNCTION	STATIC
 *	dep	PATH
 *	status	ok|error
 *	end
 *
 * Only functions written in a .c file count: a header's inline helpers
 * are inlined into their callers, so their calls are the callers'.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "expression.h"
#include "symbol.h"
#include "token.h"

#include "checks.h"
#include "facts.h"

static FILE *out;
static int first_stream;

void facts_open(const char *path)
{
	out = fopen(path, "w");
	if (!out)
		ioguard_die("cannot write facts to '%s'", path);
	fputs("ioguard-facts\t1\n", out);
}

void facts_close(void)
{
	if (out && fclose(out))
		ioguard_die("%s", "cannot write the facts file");
	out = NULL;
}

/* A field must not hold the separators. */
static void field(const char *s)
{
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\n' ? ' ' : *s, out);
}

static bool is_header(int stream)
{
	const char *name = stream_name(stream);
	size_t n = strlen(name);

	return n < 2 || !strcmp(name + n - 2, ".h");
}

void facts_unit(const char *file)
{
	if (!out)
		return;
	fputs("unit\t", out);
	field(file);
	fputc('\n', out);
	first_stream = input_stream_nr;
}

static bool is_fn_symbol(struct symbol *sym)
{
	return sym && sym->ident && sym->ctype.base_type &&
	       sym->ctype.base_type->type == SYM_FN;
}

static void ref(struct symbol *sym, struct position pos, const char *in)
{
	if (!is_fn_symbol(sym) || is_header(pos.stream))
		return;
	fprintf(out, "ref\t%s\t", show_ident(sym->ident));
	field(stream_name(pos.stream));
	fprintf(out, "\t%d\t%s\n", pos.line, in ? in : "-");
}

/* Functions named in a data initializer: callbacks, initcalls, exports. */
static void expr_refs(struct expression *e, int depth)
{
	struct expression *sub;

	if (!e || depth > 32)
		return;
	switch (e->type) {
	case EXPR_SYMBOL:
		ref(e->symbol, e->pos, NULL);
		break;
	case EXPR_PREOP: case EXPR_POSTOP:
		expr_refs(e->unop, depth + 1);
		break;
	case EXPR_CAST: case EXPR_FORCE_CAST: case EXPR_IMPLIED_CAST:
		expr_refs(e->cast_expression, depth + 1);
		break;
	case EXPR_BINOP: case EXPR_COMMA: case EXPR_COMPARE: case EXPR_LOGICAL:
		expr_refs(e->left, depth + 1);
		expr_refs(e->right, depth + 1);
		break;
	case EXPR_CONDITIONAL: case EXPR_SELECT:
		expr_refs(e->cond_true, depth + 1);
		expr_refs(e->cond_false, depth + 1);
		break;
	case EXPR_INITIALIZER:
		FOR_EACH_PTR(e->expr_list, sub) {
			expr_refs(sub, depth + 1);
		} END_FOR_EACH_PTR(sub);
		break;
	case EXPR_POS:
		expr_refs(e->init_expr, depth + 1);
		break;
	case EXPR_IDENTIFIER:
		expr_refs(e->ident_expression, depth + 1);
		break;
	default:
		break;
	}
}

void facts_data(struct symbol_list *list)
{
	struct symbol *sym;

	if (!out)
		return;
	FOR_EACH_PTR(list, sym) {
		if (!is_fn_symbol(sym) && sym->initializer)
			expr_refs(sym->initializer, 0);
	} END_FOR_EACH_PTR(sym);
}

static void value_ref(pseudo_t p, struct instruction *insn, struct fn *fn)
{
	if (p && p->type == PSEUDO_SYM)
		ref(p->sym, insn->pos, fn->name);
}

/* A function used as a value in code: stored, passed, returned, copied. */
static void insn_refs(struct instruction *insn, struct fn *fn)
{
	pseudo_t arg;

	switch (insn->opcode) {
	case OP_CALL:
		FOR_EACH_PTR(insn->arguments, arg) {
			value_ref(arg, insn, fn);
		} END_FOR_EACH_PTR(arg);
		break;
	case OP_STORE:
		value_ref(insn->target, insn, fn);
		break;
	case OP_RET: case OP_COPY: case OP_PTRCAST: case OP_UTPTR:
	case OP_PTRTU: case OP_ZEXT: case OP_SEXT: case OP_TRUNC:
		value_ref(insn->src, insn, fn);
		break;
	case OP_PHISOURCE:
		value_ref(insn->phi_src, insn, fn);
		break;
	case OP_SEL:
		value_ref(insn->src2, insn, fn);
		value_ref(insn->src3, insn, fn);
		break;
	default:
		break;
	}
}

static void function_facts(struct tu *tu, struct fn *fn)
{
	struct basic_block *bb;
	struct instruction *insn;
	struct symbol *callee;
	unsigned int end = body_end(tu, fn);

	fprintf(out, "fn\t%s\t", fn->name);
	field(stream_name(fn->sym->pos.stream));
	fprintf(out, "\t%d\t%d\n", fn->sym->pos.line,
		!!(fn->sym->ctype.modifiers & MOD_STATIC));
	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			if (!insn->bb)
				continue;
			insn_refs(insn, fn);
			if (insn->opcode != OP_CALL || !insn->func ||
			    insn->func->type != PSEUDO_SYM)
				continue;
			callee = insn->func->sym;
			if (!is_fn_symbol(callee))
				continue;
			fprintf(out, "call\t%s\t%s\t%d\t%d\n", fn->name,
				show_ident(callee->ident), site_pos_in(tu, fn, insn, end).line,
				!!(callee->ctype.modifiers & MOD_STATIC));
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}

void facts_functions(struct tu *tu)
{
	int i;

	if (!out)
		return;
	for (i = 0; i < tu->nr; i++)
		if (!is_header(tu->fns[i].sym->pos.stream))
			function_facts(tu, &tu->fns[i]);
}

/* finding and exempt: the same fields, an exempt one with the spec's reason */
static void finding_record(const char *kind, struct position pos, const char *check,
			   const char *function, const char *reason, const char *msg)
{
	if (!out)
		return;
	fprintf(out, "%s\t", kind);
	field(stream_name(pos.stream));
	fprintf(out, "\t%d\t%d\t%s\t%s\t", pos.line, pos.pos, check, function);
	if (reason) {
		field(reason);
		fputc('\t', out);
	}
	field(msg);
	fputc('\n', out);
}

void facts_finding(struct position pos, const char *check,
		   const char *function, const char *msg)
{
	finding_record("finding", pos, check, function, NULL, msg);
}

/* A finding in a function the spec exempts: not printed, not a finding,
 * but the audit shows it with the spec's reason (docs/audit.md). */
void facts_exempt(struct position pos, const char *check, const char *function,
		  const char *reason, const char *msg)
{
	finding_record("exempt", pos, check, function, reason, msg);
}

bool facts_on(void)
{
	return out != NULL;
}

/* Memory-type bits flowing in a function (devfacts.c, docs/devmem.md). */
void facts_flow(const char *fn, bool is_static, const char *file, int line,
		const char *src, const char *dst, const char *cond)
{
	if (!out)
		return;
	fprintf(out, "flow\t%s\t%d\t", fn, is_static);
	field(file);
	fprintf(out, "\t%d\t", line);
	field(src);
	fputc('\t', out);
	field(dst);
	fputc('\t', out);
	field(cond);
	fputc('\n', out);
}

void facts_announce(const char *fn, bool is_static)
{
	if (out)
		fprintf(out, "announce\t%s\t%d\n", fn, is_static);
}

/* Every file the unit read: what an incremental audit compares. */
void facts_unit_end(void)
{
	int i;

	if (!out)
		return;
	for (i = first_stream; i < input_stream_nr; i++) {
		const char *name = input_streams[i].name;

		/* sparse's own buffers ("preprocessor", "builtin") */
		if (!name || access(name, F_OK))
			continue;
		fputs("dep\t", out);
		field(name);
		fputc('\n', out);
	}
	/* sparse reported an error: the unit's facts may be partial */
	fprintf(out, "status\t%s\nend\n", has_error ? "error" : "ok");
	fflush(out);
}
