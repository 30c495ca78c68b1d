/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ioguard's IR: what the analysis core reads of a function, whichever
 * frontend parsed it (docs/frontends.md). A function is basic blocks of
 * instructions in SSA form; values are constants, parameters, addresses
 * of symbols, results of instructions, and ways into a phi. Memory the
 * frontend cannot follow stays loads and stores.
 *
 * The shape is close to sparse's linearized IR on purpose: the sparse
 * frontend is a one-to-one copy (fe-sparse/lower.c), and the clang
 * frontend builds the same shape from the AST (fe-clang/). Nothing here
 * includes a frontend's headers; core/ is compiled without them.
 */
#ifndef IOGUARD_IOIR_H
#define IOGUARD_IOIR_H

#include <stdbool.h>
#include <stddef.h>

/* A source file; one record per file a frontend read, so that two
 * positions are in the same file when their file pointers are equal. */
struct ir_file {
	const char *name;
};

struct ir_pos {
	const struct ir_file *file;	/* NULL: no position */
	int line, col;			/* col: 1-based, tabs to the next multiple of 8 */
};

static inline const char *ir_file_name(struct ir_pos p)
{
	return p.file ? p.file->name : "<bad stream>";
}

/* A named thing whose address a value can be (functions, variables). */
struct ir_sym {
	const char *name;		/* ir_intern()ed, or NULL */
	struct ir_pos pos;		/* its declaration (a function: its definition's name) */
	bool is_fn, is_static;
	bool is_local;			/* a function's own variable (calls do not write it) */
};

enum ir_vkind {
	IRV_CONST,	/* value */
	IRV_PARAM,	/* nr: 1-based */
	IRV_SYM,	/* the address of sym */
	IRV_REG,	/* what def computes (def NULL: not known) */
	IRV_PHI,	/* one way into a phi: def is the IR_PHISRC */
	IRV_VOID,	/* no value (ir_void) */
	IRV_UNDEF,	/* a value never set */
};

struct ir_insn;

struct ir_value {
	enum ir_vkind kind;
	int nr;
	unsigned long long value;
	struct ir_sym *sym;
	struct ir_insn *def;
};

extern struct ir_value ir_void;

enum ir_op {
	IR_OTHER,	/* computes something the core does not follow */
	/* control */
	IR_RET,		/* src: the value returned, or NULL */
	IR_BR,		/* to bb_true */
	IR_CBR,		/* cond: to bb_true when non-zero, else bb_false */
	IR_SWITCH,	/* to every successor (switch, computed goto) */
	IR_UNREACH,
	/* calls */
	IR_CALL,	/* func(args) -> target */
	IR_INLINED,	/* marker after a body inlined from callee, written at pos */
	/* pass-through: a function of src alone */
	IR_COPY, IR_PTRCAST, IR_UTPTR, IR_PTRTU, IR_ZEXT, IR_SEXT, IR_TRUNC,
	IR_NOT, IR_NEG,
	/* two operands, src1 and src2 */
	IR_ADD, IR_MUL, IR_SUB, IR_DIVU, IR_DIVS, IR_MODU, IR_MODS, IR_LSR,
	IR_ASR, IR_SHL, IR_FADD, IR_FSUB, IR_FMUL, IR_FDIV, IR_AND, IR_OR,
	IR_XOR,
	/* comparisons, at src_size bits */
	IR_SET_EQ, IR_SET_LT, IR_SET_LE, IR_SET_GE, IR_SET_GT, IR_SET_B,
	IR_SET_BE, IR_SET_AE, IR_SET_A, IR_SET_NE,
	/* choices */
	IR_SEL,		/* src1 ? src2 : src3 */
	IR_PHI,		/* one of phis (IRV_PHI values) */
	IR_PHISRC,	/* in a predecessor: src is what the phi gets from here */
	/* memory */
	IR_LOAD,	/* target = *(addr + offset) */
	IR_STORE,	/* *(addr + offset) = target */
	IR_ASM,		/* text; outputs */
};

struct ir_block;

struct ir_insn {
	enum ir_op op;
	struct ir_block *bb;		/* NULL: dead, only still read as an operand */
	struct ir_pos pos;
	int size;			/* bits of the result */
	int src_size;			/* bits of the operand: ZEXT (0: not known), SEXT, compares */
	struct ir_value *target;	/* the result; for IR_STORE the value stored */
	union {
		struct ir_value *src;
		struct ir_value *src1;
		struct ir_value *cond;
		struct ir_value *addr;
	};
	struct ir_value *src2, *src3;
	long long offset;		/* IR_LOAD, IR_STORE */
	struct ir_block *bb_true, *bb_false;
	/* IR_CALL */
	struct ir_value *func;		/* IRV_SYM for a direct call */
	struct ir_value **args;
	int nargs;
	unsigned long long prot_args;	/* bit k: argument k's type is a protection */
	/* IR_PHI */
	struct ir_value **phis;
	int nphis;
	/* IR_ASM */
	const char *text;
	struct ir_value **outputs;	/* an entry may be NULL */
	int noutputs;
	/* IR_INLINED */
	struct ir_sym *callee;
};

struct ir_fn;

struct ir_block {
	struct ir_fn *fn;
	int index;			/* 0..fn->nblocks-1 when listed, else -1 */
	struct ir_insn **insns;
	int ninsns, cap;
	struct ir_block **succ;		/* in the order walks visit them */
	int nsucc, succ_cap;
};

struct ir_fn {
	struct ir_sym *sym;		/* name, position, static */
	bool returns_prot;		/* its return type is a protection */
	struct ir_block **blocks;
	int nblocks, cap;
	struct ir_block *entry;
};

/* A protection type: a struct of one member named pgprot, pte, pmd, pud
 * or p4d (pgprot_t, pte_t, ... on every arch). */
bool ir_prot_member_name(const char *name);

/* Instructions whose result is a function of src alone. */
static inline bool ir_is_pass_through(enum ir_op op)
{
	return op >= IR_COPY && op <= IR_NEG;
}

static inline bool ir_is_binop(enum ir_op op)
{
	return op >= IR_ADD && op <= IR_XOR;
}

static inline bool ir_is_compare(enum ir_op op)
{
	return op >= IR_SET_EQ && op <= IR_SET_NE;
}

/* The arena: everything below lives until ir_free_all(). */
void *ir_alloc(size_t size);
void ir_free_all(void);
/* Equal strings give the same pointer (for the process's life). */
const char *ir_intern(const char *s);
const char *ir_intern_n(const char *s, size_t n);

struct ir_value *ir_new_value(enum ir_vkind kind);
struct ir_value *ir_const(unsigned long long v);
struct ir_insn *ir_new_insn(enum ir_op op);
struct ir_block *ir_new_block(struct ir_fn *fn);
struct ir_fn *ir_new_fn(struct ir_sym *sym);
void ir_list_block(struct ir_fn *fn, struct ir_block *bb);	/* sets its index */
void ir_append(struct ir_block *bb, struct ir_insn *insn);	/* sets insn->bb */
void ir_add_succ(struct ir_block *bb, struct ir_block *to);
void ir_push_arg(struct ir_insn *call, struct ir_value *v);
void ir_push_phi(struct ir_insn *phi, struct ir_value *v);

/* A pointer-keyed map, for the lowerings (frontend object -> IR object). */
struct ir_map {
	const void **keys;
	void **vals;
	size_t n, cap;
};
void *ir_map_get(const struct ir_map *m, const void *key);
void ir_map_put(struct ir_map *m, const void *key, void *val);
void ir_map_free(struct ir_map *m);

/* A function's blocks and instructions, as text (for debugging). */
struct ir_fn;
void ir_dump(const struct ir_fn *fn, void *file);

#endif
