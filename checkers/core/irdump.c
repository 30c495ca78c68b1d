// SPDX-License-Identifier: GPL-2.0
/*
 * A function's IR as text, one instruction a line, for reading what a
 * frontend made of a function (IOGUARD_DUMP_IR=1 in either checker).
 */
#include <stdio.h>

#include "ioir.h"

static const char *const op_names[] = {
	[IR_OTHER] = "other", [IR_RET] = "ret", [IR_BR] = "br", [IR_CBR] = "cbr",
	[IR_SWITCH] = "switch", [IR_UNREACH] = "unreachable", [IR_CALL] = "call",
	[IR_INLINED] = "inlined", [IR_COPY] = "copy", [IR_PTRCAST] = "ptrcast",
	[IR_UTPTR] = "utptr", [IR_PTRTU] = "ptrtu", [IR_ZEXT] = "zext",
	[IR_SEXT] = "sext", [IR_TRUNC] = "trunc", [IR_NOT] = "not", [IR_NEG] = "neg",
	[IR_ADD] = "add", [IR_MUL] = "mul", [IR_SUB] = "sub", [IR_DIVU] = "divu",
	[IR_DIVS] = "divs", [IR_MODU] = "modu", [IR_MODS] = "mods", [IR_LSR] = "lsr",
	[IR_ASR] = "asr", [IR_SHL] = "shl", [IR_FADD] = "fadd", [IR_FSUB] = "fsub",
	[IR_FMUL] = "fmul", [IR_FDIV] = "fdiv", [IR_AND] = "and", [IR_OR] = "or",
	[IR_XOR] = "xor", [IR_SET_EQ] = "seteq", [IR_SET_LT] = "setlt",
	[IR_SET_LE] = "setle", [IR_SET_GE] = "setge", [IR_SET_GT] = "setgt",
	[IR_SET_B] = "setb", [IR_SET_BE] = "setbe", [IR_SET_AE] = "setae",
	[IR_SET_A] = "seta", [IR_SET_NE] = "setne", [IR_SEL] = "sel", [IR_PHI] = "phi",
	[IR_PHISRC] = "phisrc", [IR_LOAD] = "load", [IR_STORE] = "store", [IR_ASM] = "asm",
};

static void value(FILE *f, const struct ir_value *v)
{
	if (!v) {
		fputs(" -", f);
		return;
	}
	switch (v->kind) {
	case IRV_CONST: fprintf(f, " $%#llx", v->value); break;
	case IRV_PARAM: fprintf(f, " %%arg%d", v->nr); break;
	case IRV_SYM: fprintf(f, " &%s", v->sym && v->sym->name ? v->sym->name : "?"); break;
	case IRV_REG: fprintf(f, " %%r%p", (void *)v); break;
	case IRV_PHI: fprintf(f, " %%phi%p", (void *)v); break;
	case IRV_VOID: fputs(" void", f); break;
	default: fputs(" undef", f); break;
	}
}

void ir_dump(const struct ir_fn *fn, void *file)
{
	FILE *f = file;
	int b, i, k;

	fprintf(f, "%s:\n", fn->sym && fn->sym->name ? fn->sym->name : "?");
	for (b = 0; b < fn->nblocks; b++) {
		const struct ir_block *bb = fn->blocks[b];

		fprintf(f, ".L%d:%s ->", bb->index, bb == fn->entry ? " (entry)" : "");
		for (k = 0; k < bb->nsucc; k++)
			fprintf(f, " .L%d", bb->succ[k]->index);
		fputc('\n', f);
		for (i = 0; i < bb->ninsns; i++) {
			const struct ir_insn *in = bb->insns[i];

			fprintf(f, "\t%s.%d", op_names[in->op] ? op_names[in->op] : "?", in->size);
			if (in->target)
				value(f, in->target), fputs(" <-", f);
			if (in->op == IR_CALL || in->op == IR_INLINED) {
				if (in->op == IR_CALL)
					value(f, in->func);
				else
					fprintf(f, " %s", in->callee && in->callee->name ? in->callee->name : "?");
				for (k = 0; k < in->nargs; k++)
					value(f, in->args[k]);
			} else if (in->op == IR_PHI) {
				for (k = 0; k < in->nphis; k++)
					value(f, in->phis[k]);
			} else {
				if (in->src)
					value(f, in->src);
				if (in->src2)
					value(f, in->src2);
				if (in->src3)
					value(f, in->src3);
			}
			if (in->op == IR_LOAD || in->op == IR_STORE)
				fprintf(f, " +%lld", in->offset);
			if (in->op == IR_BR || in->op == IR_CBR)
				fprintf(f, " .L%d", in->bb_true ? in->bb_true->index : -1);
			if (in->op == IR_CBR)
				fprintf(f, " .L%d", in->bb_false ? in->bb_false->index : -1);
			if (in->op == IR_ASM)
				fprintf(f, " \"%s\"", in->text ? in->text : "");
			fprintf(f, "\t; %s:%d:%d\n", ir_file_name(in->pos), in->pos.line, in->pos.col);
		}
	}
}
