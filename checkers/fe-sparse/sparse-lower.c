// SPDX-License-Identifier: GPL-2.0
/*
 * sparse's linearized IR, copied into ioguard's (core/ioir.h) one
 * object for one: a block per basic block in sparse's order with its
 * children in their order, an instruction per live instruction, a value
 * per pseudo. Nothing is simplified or reordered: the core then reads
 * exactly what it read of sparse's IR, and reports exactly the same.
 *
 * Instructions sparse killed (insn->bb NULL) stay out of the blocks but
 * are still copied when a value refers to them, since the core reads a
 * dead phi source and a dead definition's opcode as it did; the
 * inlined-call markers stay in place even when dead, since the core
 * finds a call site through them as it did (core/report.c).
 */
#include <stdlib.h>
#include <string.h>

#include "symbol.h"
#include "token.h"

#include "sparse-unit.h"

/* sparse's objects to ours, for the unit being lowered */
static struct ir_map syms, values, insns, blocks;
static struct ir_file **files;
static int nfiles;
/* instructions created as values' definitions, to be filled */
static struct instruction **todo;
static int ntodo, captodo;
static struct ir_fn *cur_fn;
static struct entrypoint *cur_ep;

void lower_reset(void)
{
	ir_map_free(&syms);
	ir_map_free(&values);
	ir_map_free(&insns);
	ir_map_free(&blocks);
	free(files);
	files = NULL;
	nfiles = 0;
}

struct ir_pos lower_pos(struct position pos)
{
	struct ir_pos p = { NULL, pos.line, pos.pos };
	int s = pos.stream;

	if (s < 0 || s >= input_stream_nr)
		return p;
	if (s >= nfiles) {
		files = realloc(files, (s + 1) * sizeof(*files));
		memset(files + nfiles, 0, (s + 1 - nfiles) * sizeof(*files));
		nfiles = s + 1;
	}
	if (!files[s]) {
		files[s] = ir_alloc(sizeof(*files[s]));
		files[s]->name = ir_intern(stream_name(s));
	}
	p.file = files[s];
	return p;
}

static bool is_fn_symbol(struct symbol *sym)
{
	return sym && sym->ident && sym->ctype.base_type &&
	       sym->ctype.base_type->type == SYM_FN;
}

struct ir_sym *lower_sym(struct symbol *sym)
{
	struct ir_sym *s;

	if (!sym)
		return NULL;
	s = ir_map_get(&syms, sym);
	if (s)
		return s;
	s = ir_alloc(sizeof(*s));
	s->name = sym->ident ? ir_intern_n(sym->ident->name, sym->ident->len) : NULL;
	s->pos = lower_pos(sym->pos);
	s->is_fn = is_fn_symbol(sym);
	s->is_static = !!(sym->ctype.modifiers & MOD_STATIC);
	ir_map_put(&syms, sym, s);
	return s;
}

/* A struct of one member named pgprot, pte, pmd, pud or p4d. */
static bool prot_type(struct symbol *t)
{
	struct symbol *m, *only = NULL;
	int n = 0;

	while (t && t->type == SYM_NODE)
		t = t->ctype.base_type;
	if (!t || t->type != SYM_STRUCT)
		return false;
	FOR_EACH_PTR(t->symbol_list, m) {
		only = m;
		n++;
	} END_FOR_EACH_PTR(m);
	return n == 1 && only->ident &&
	       ir_prot_member_name(ir_intern_n(only->ident->name, only->ident->len));
}

static struct ir_block *block_of(struct basic_block *bb)
{
	struct ir_block *b = ir_map_get(&blocks, bb);

	if (!b) {
		b = ir_new_block(bb->ep == cur_ep ? cur_fn : NULL);
		ir_map_put(&blocks, bb, b);
	}
	return b;
}

/* The instruction for insn, created empty when first seen. */
static struct ir_insn *insn_of(struct instruction *insn)
{
	struct ir_insn *i = ir_map_get(&insns, insn);

	if (!i) {
		i = ir_new_insn(IR_OTHER);
		i->size = -1;		/* not filled yet */
		ir_map_put(&insns, insn, i);
		if (ntodo == captodo) {
			captodo = captodo ? captodo * 2 : 64;
			todo = realloc(todo, captodo * sizeof(*todo));
		}
		todo[ntodo++] = insn;
	}
	return i;
}

static struct ir_value *value_of(pseudo_t p)
{
	struct ir_value *v;

	if (!p)
		return NULL;
	if (p->type == PSEUDO_VOID)
		return &ir_void;
	v = ir_map_get(&values, p);
	if (v)
		return v;
	switch (p->type) {
	case PSEUDO_VAL:
		v = ir_const((unsigned long long)p->value);
		break;
	case PSEUDO_ARG:
		v = ir_new_value(IRV_PARAM);
		v->nr = p->nr;
		break;
	case PSEUDO_SYM:
		v = ir_new_value(IRV_SYM);
		v->sym = lower_sym(p->sym);
		break;
	case PSEUDO_REG:
	case PSEUDO_PHI:
		v = ir_new_value(p->type == PSEUDO_REG ? IRV_REG : IRV_PHI);
		if (p->def)
			v->def = insn_of(p->def);
		break;
	default:
		v = ir_new_value(IRV_UNDEF);
		break;
	}
	ir_map_put(&values, p, v);
	return v;
}

static enum ir_op op_of(int opcode)
{
	switch (opcode) {
	case OP_RET: return IR_RET;
	case OP_BR: return IR_BR;
	case OP_CBR: return IR_CBR;
	case OP_SWITCH: case OP_COMPUTEDGOTO: return IR_SWITCH;
	case OP_UNREACH: return IR_UNREACH;
	case OP_CALL: return IR_CALL;
	case OP_INLINED_CALL: return IR_INLINED;
	case OP_COPY: return IR_COPY;
	case OP_PTRCAST: return IR_PTRCAST;
	case OP_UTPTR: return IR_UTPTR;
	case OP_PTRTU: return IR_PTRTU;
	case OP_ZEXT: return IR_ZEXT;
	case OP_SEXT: return IR_SEXT;
	case OP_TRUNC: return IR_TRUNC;
	case OP_NOT: return IR_NOT;
	case OP_NEG: return IR_NEG;
	case OP_ADD: return IR_ADD;
	case OP_MUL: return IR_MUL;
	case OP_SUB: return IR_SUB;
	case OP_DIVU: return IR_DIVU;
	case OP_DIVS: return IR_DIVS;
	case OP_MODU: return IR_MODU;
	case OP_MODS: return IR_MODS;
	case OP_LSR: return IR_LSR;
	case OP_ASR: return IR_ASR;
	case OP_SHL: return IR_SHL;
	case OP_FADD: return IR_FADD;
	case OP_FSUB: return IR_FSUB;
	case OP_FMUL: return IR_FMUL;
	case OP_FDIV: return IR_FDIV;
	case OP_AND: return IR_AND;
	case OP_OR: return IR_OR;
	case OP_XOR: return IR_XOR;
	case OP_SET_EQ: return IR_SET_EQ;
	case OP_SET_LT: return IR_SET_LT;
	case OP_SET_LE: return IR_SET_LE;
	case OP_SET_GE: return IR_SET_GE;
	case OP_SET_GT: return IR_SET_GT;
	case OP_SET_B: return IR_SET_B;
	case OP_SET_BE: return IR_SET_BE;
	case OP_SET_AE: return IR_SET_AE;
	case OP_SET_A: return IR_SET_A;
	case OP_SET_NE: return IR_SET_NE;
	case OP_SEL: return IR_SEL;
	case OP_PHI: return IR_PHI;
	case OP_PHISOURCE: return IR_PHISRC;
	case OP_LOAD: return IR_LOAD;
	case OP_STORE: return IR_STORE;
	case OP_ASM: return IR_ASM;
	default: return IR_OTHER;
	}
}

/* The types of a call's arguments follow the function's in fntypes. */
static unsigned long long prot_args(struct instruction *call)
{
	unsigned long long mask = 0;
	struct symbol *t;
	int i = -1;

	FOR_EACH_PTR(call->fntypes, t) {
		if (i >= 0 && i < 64 && prot_type(t))
			mask |= 1ULL << i;
		i++;
	} END_FOR_EACH_PTR(t);
	return mask;
}

static void fill_call(struct ir_insn *i, struct instruction *insn)
{
	pseudo_t arg;

	i->func = value_of(insn->func);
	FOR_EACH_PTR(insn->arguments, arg) {
		ir_push_arg(i, value_of(arg));
	} END_FOR_EACH_PTR(arg);
	i->prot_args = prot_args(insn);
}

static void fill_asm(struct ir_insn *i, struct instruction *insn)
{
	struct asm_constraint *c;
	int n = 0;

	i->text = insn->string;
	if (!insn->asm_rules)
		return;
	FOR_EACH_PTR(insn->asm_rules->outputs, c) {
		n++;
	} END_FOR_EACH_PTR(c);
	i->outputs = ir_alloc(n * sizeof(*i->outputs));
	FOR_EACH_PTR(insn->asm_rules->outputs, c) {
		i->outputs[i->noutputs++] = value_of(c->pseudo);
	} END_FOR_EACH_PTR(c);
}

/* Copy what the core reads of insn, by opcode. */
static void fill(struct ir_insn *i, struct instruction *insn)
{
	pseudo_t phi;

	i->op = op_of(insn->opcode);
	i->pos = lower_pos(insn->pos);
	i->size = insn->size;
	i->target = value_of(insn->target);
	if (insn->bb)
		i->bb = block_of(insn->bb);
	if (ir_is_pass_through(i->op)) {
		i->src = value_of(insn->src);
		if (i->op == IR_ZEXT)
			i->src_size = insn->orig_type ? insn->orig_type->bit_size : 0;
		else if (i->op == IR_SEXT)
			i->src_size = insn->orig_type ? insn->orig_type->bit_size : insn->size;
		return;
	}
	if (ir_is_binop(i->op) || ir_is_compare(i->op)) {
		i->src1 = value_of(insn->src1);
		i->src2 = value_of(insn->src2);
		if (ir_is_compare(i->op))
			i->src_size = insn->itype ? insn->itype->bit_size : 64;
		return;
	}
	switch (i->op) {
	case IR_RET:
		i->src = value_of(insn->src);
		break;
	case IR_CBR:
		i->cond = value_of(insn->cond);
		i->bb_false = insn->bb_false ? block_of(insn->bb_false) : NULL;
		/* fall through */
	case IR_BR:
		i->bb_true = insn->bb_true ? block_of(insn->bb_true) : NULL;
		break;
	case IR_CALL:
		fill_call(i, insn);
		break;
	case IR_INLINED:
		if (insn->func && insn->func->type == PSEUDO_SYM)
			i->callee = lower_sym(insn->func->sym);
		break;
	case IR_SEL:
		i->src1 = value_of(insn->src1);
		i->src2 = value_of(insn->src2);
		i->src3 = value_of(insn->src3);
		break;
	case IR_PHI:
		FOR_EACH_PTR(insn->phi_list, phi) {
			ir_push_phi(i, value_of(phi));
		} END_FOR_EACH_PTR(phi);
		break;
	case IR_PHISRC:
		i->src = value_of(insn->phi_src);
		break;
	case IR_LOAD:
	case IR_STORE:
		i->addr = value_of(insn->src);
		i->offset = insn->offset;
		break;
	case IR_ASM:
		fill_asm(i, insn);
		break;
	default:
		break;
	}
}

/* Fill every instruction created so far, and those they refer to. */
static void fill_pending(void)
{
	while (ntodo) {
		struct instruction *insn = todo[--ntodo];
		struct ir_insn *i = ir_map_get(&insns, insn);

		if (i->size == -1)
			fill(i, insn);
	}
}

struct ir_fn *lower_function(struct symbol *sym, struct entrypoint *ep)
{
	struct ir_fn *fn = ir_new_fn(lower_sym(sym));
	struct symbol *type = sym->ctype.base_type;
	struct basic_block *bb, *child;
	struct instruction *insn;

	cur_fn = fn;
	cur_ep = ep;
	fn->returns_prot = type && prot_type(type->ctype.base_type);
	FOR_EACH_PTR(ep->bbs, bb) {
		ir_list_block(fn, block_of(bb));
	} END_FOR_EACH_PTR(bb);
	FOR_EACH_PTR(ep->bbs, bb) {
		struct ir_block *b = block_of(bb);

		FOR_EACH_PTR(bb->children, child) {
			ir_add_succ(b, block_of(child));
		} END_FOR_EACH_PTR(child);
		FOR_EACH_PTR(bb->insns, insn) {
			struct ir_insn *i;

			if (!insn->bb && insn->opcode != OP_INLINED_CALL)
				continue;
			i = insn_of(insn);
			fill_pending();
			ir_append(b, i);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
	fill_pending();
	fn->entry = ep->entry && ep->entry->bb ? block_of(ep->entry->bb) : NULL;
	cur_fn = NULL;
	cur_ep = NULL;
	return fn;
}
