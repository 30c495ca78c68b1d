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

#include "checks.h"
#include "facts.h"
#include "frontend.h"

static FILE *out;

void facts_open(const char *path)
{
	out = fopen(path, "w");
	if (!out) {
		fprintf(stderr, "%s: cannot write facts to '%s'\n", ioguard_prog, path);
		exit(2);
	}
	fputs("ioguard-facts\t1\n", out);
}

void facts_close(void)
{
	if (out && fclose(out)) {
		fprintf(stderr, "%s: cannot write the facts file\n", ioguard_prog);
		exit(2);
	}
	out = NULL;
}

/* A field must not hold the separators. */
static void field(const char *s)
{
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\n' ? ' ' : *s, out);
}

static bool is_header(struct ir_pos pos)
{
	const char *name = ir_file_name(pos);
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
}

void facts_ref(const struct ir_sym *sym, struct ir_pos pos, const char *in)
{
	if (!out || !sym || !sym->is_fn || !sym->name || is_header(pos))
		return;
	fprintf(out, "ref\t%s\t", sym->name);
	field(ir_file_name(pos));
	fprintf(out, "\t%d\t%s\n", pos.line, in ? in : "-");
}

static void value_ref(struct ir_value *p, struct ir_insn *insn, struct fn *fn)
{
	if (p && p->kind == IRV_SYM)
		facts_ref(p->sym, insn->pos, fn->name);
}

/* A function used as a value in code: stored, passed, returned, copied. */
static void insn_refs(struct ir_insn *insn, struct fn *fn)
{
	int i;

	switch (insn->op) {
	case IR_CALL:
		for (i = 0; i < insn->nargs; i++)
			value_ref(insn->args[i], insn, fn);
		break;
	case IR_STORE:
		value_ref(insn->target, insn, fn);
		break;
	case IR_RET: case IR_COPY: case IR_PTRCAST: case IR_UTPTR:
	case IR_PTRTU: case IR_ZEXT: case IR_SEXT: case IR_TRUNC:
	case IR_PHISRC:
		value_ref(insn->src, insn, fn);
		break;
	case IR_SEL:
		value_ref(insn->src2, insn, fn);
		value_ref(insn->src3, insn, fn);
		break;
	default:
		break;
	}
}

static void function_facts(struct tu *tu, struct fn *fn)
{
	struct ir_sym *callee;
	unsigned int end = body_end(tu, fn);
	int b, i;

	fprintf(out, "fn\t%s\t", fn->name);
	field(ir_file_name(fn->ir->sym->pos));
	fprintf(out, "\t%d\t%d\n", fn->ir->sym->pos.line, fn->ir->sym->is_static);
	for (b = 0; b < fn->ir->nblocks; b++) {
		struct ir_block *bb = fn->ir->blocks[b];

		for (i = 0; i < bb->ninsns; i++) {
			struct ir_insn *insn = bb->insns[i];

			if (insn->op == IR_INLINED)
				continue;
			insn_refs(insn, fn);
			if (insn->op != IR_CALL || !insn->func ||
			    insn->func->kind != IRV_SYM)
				continue;
			callee = insn->func->sym;
			if (!callee || !callee->is_fn || !callee->name)
				continue;
			fprintf(out, "call\t%s\t%s\t%d\t%d\n", fn->name,
				callee->name, site_pos_in(tu, fn, insn, end).line,
				callee->is_static);
		}
	}
}

void facts_functions(struct tu *tu)
{
	int i;

	if (!out)
		return;
	for (i = 0; i < tu->nr; i++)
		if (!is_header(tu->fns[i].ir->sym->pos))
			function_facts(tu, &tu->fns[i]);
}

/* finding and exempt: the same fields, an exempt one with the spec's reason */
static void finding_record(const char *kind, struct ir_pos pos, const char *check,
			   const char *function, const char *reason, const char *msg)
{
	if (!out)
		return;
	fprintf(out, "%s\t", kind);
	field(ir_file_name(pos));
	fprintf(out, "\t%d\t%d\t%s\t%s\t", pos.line, pos.col, check, function);
	if (reason) {
		field(reason);
		fputc('\t', out);
	}
	field(msg);
	fputc('\n', out);
}

void facts_finding(struct ir_pos pos, const char *check,
		   const char *function, const char *msg)
{
	finding_record("finding", pos, check, function, NULL, msg);
}

/* A finding in a function the spec exempts: not printed, not a finding,
 * but the audit shows it with the spec's reason (docs/audit.md). */
void facts_exempt(struct ir_pos pos, const char *check, const char *function,
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

/* Every file the unit read, that exists: what an incremental audit
 * compares (the frontend's own buffers have no file). */
void facts_dep(const char *path)
{
	if (!out || !path || access(path, F_OK))
		return;
	fputs("dep\t", out);
	field(path);
	fputc('\n', out);
}

/* The frontend reported an error: the unit's facts may be partial. */
void facts_unit_end(bool error)
{
	if (!out)
		return;
	fprintf(out, "status\t%s\nend\n", error ? "error" : "ok");
	fflush(out);
}
