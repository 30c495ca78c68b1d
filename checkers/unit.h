/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What ioguard-sparse knows about one translation unit: its linearized
 * functions, how each call relates to the spec, and the small value
 * reasoning (evaluation, derivation) the engine and the checks share.
 * Named so that it cannot be taken for one of sparse's own headers.
 */
#ifndef IOGUARD_UNIT_H
#define IOGUARD_UNIT_H

#include <stdbool.h>

#include "lib.h"
#include "symbol.h"
#include "linearize.h"

#include "spec.h"

#define UNKNOWN_PARAMS (~0ULL)

struct alts;
struct devattr;

struct fn {
	struct symbol *sym;
	const char *name;
	struct entrypoint *ep;
	const struct spec_entry *spec;	/* what the spec says it is, if anything */
	int nbbs;			/* bb->priv holds each block's index */
	/* Summaries for same-file helpers: -1 not computed, 0 no, 1 yes. */
	signed char always_map_hook, always_unmap_hook;
	/* Per map-hook parameter: bit mask of this function's parameters it
	 * is derived from, or UNKNOWN_PARAMS. */
	unsigned long long hook_params[SPEC_MAX_ARGS];
	/* devflow.c: parameters whose memory-type bits reach a page-table
	 * write in this unit (and the spec function that writes them);
	 * the memory-type bits it returns. State: -1 not computed, 0 being
	 * computed, 1 known. */
	signed char reach_state, ret_state, announces;
	unsigned long long reach_params;
	const struct spec_entry *reach_entry;
	struct fn *reach_next;		/* through this helper, or directly */
	struct alts *ret;
};

struct tu {
	const struct spec *spec;
	const struct spec_entry *map_hook, *unmap_hook;
	struct ident **spec_idents;	/* parallel to spec->entries */
	struct fn *fns;
	int nr;
	/* io-prot values evaluated in this file, parallel to spec->entries */
	bool *io_known;
	unsigned long long *io_value;
	pseudo_t *io_pseudo;		/* when not a constant */
	struct devattr *attr;		/* the device-attr record here (devattr.c) */
};

enum call_kind {
	CALL_OTHER,
	CALL_MAP_HOOK,		/* the hook, or a helper that always calls it */
	CALL_UNMAP_HOOK,
	CALL_MAP,		/* primitive, or fixmap with IO protection */
	CALL_TEARDOWN,
};

struct call {
	enum call_kind kind;
	const struct spec_entry *spec;	/* the primitive, hook or teardown */
	struct fn *helper;		/* hook reached through this helper */
	/* a mapping recognised by its device attributes (devflow.c) */
	const char *device;		/* the device value, as the spec spells it */
	struct instruction *choice;	/* the branch that chose it, if one did */
	struct fn *via;			/* mapped through this same-unit helper */
};

enum status { ST_UNKNOWN, ST_SUCCESS, ST_FAILURE };

/*
 * How many SSA definitions evaluation, derivation and shape comparison
 * follow back from a value; a longer chain is not known.
 */
#define VALUE_DEPTH_LIMIT 24

/*
 * Instructions whose result is a function of insn->src alone: copies,
 * casts, extensions, truncation, ~ and unary minus. Evaluation computes
 * through them; derivation and shape comparison look through them.
 */
static inline bool is_pass_through(int opcode)
{
	switch (opcode) {
	case OP_COPY: case OP_PTRCAST: case OP_UTPTR: case OP_PTRTU:
	case OP_ZEXT: case OP_SEXT: case OP_TRUNC: case OP_NOT: case OP_NEG:
		return true;
	default:
		return false;
	}
}

/* Two-operand arithmetic and logic (src1, src2), and comparisons. */
static inline bool is_binop(int opcode)
{
	return opcode >= OP_BINARY && opcode <= OP_BINARY_END;
}

static inline bool is_compare(int opcode)
{
	return opcode >= OP_BINCMP && opcode <= OP_BINCMP_END;
}

/* classify.c */
struct fn *tu_find(struct tu *tu, const struct ident *id);
const struct spec_entry *tu_spec(struct tu *tu, const struct ident *id);
struct ident *callee_ident(struct instruction *insn);
char *ident_str(const struct ident *id);
void classify_call(struct tu *tu, struct instruction *insn, struct call *out);
pseudo_t call_arg(struct instruction *insn, int idx);

/* value.c */
/* Value of p when pseudo t holds tv; false when it cannot be known. */
bool eval_pseudo(pseudo_t p, pseudo_t t, unsigned long long tv,
		 unsigned long long *out);
/* Representative return values of a call for success and failure. */
unsigned long long status_value(enum spec_success s, enum status st);

/* derive.c */
/* Does a derive from b (copies, casts, simple arithmetic, phi)? */
enum derived { DERIVED_YES, DERIVED_NO, DERIVED_UNSURE };
enum derived pseudo_derived(pseudo_t a, pseudo_t b);
/* Bit mask of fn parameters that p derives from, or UNKNOWN_PARAMS. */
unsigned long long param_mask(pseudo_t p);
/* Do a and b compute the same value the same way? */
bool same_computation(pseudo_t a, pseudo_t b);

/* summary.c */
void compute_summaries(struct tu *tu);

/* devflow.c: a call that maps device memory by its attributes */
bool devflow_classify(struct tu *tu, struct instruction *insn, struct call *out);
void devflow_facts(struct tu *tu);
void devflow_free(struct tu *tu);

#endif
