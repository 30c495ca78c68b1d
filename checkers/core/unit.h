/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the checker knows about one translation unit: its functions in
 * the IR (ioir.h), how each call relates to the spec, and the small
 * value reasoning (evaluation, derivation) the engine and the checks
 * share. Frontend-neutral: either frontend fills it.
 */
#ifndef IOGUARD_UNIT_H
#define IOGUARD_UNIT_H

#include <stdbool.h>

#include "ioir.h"
#include "spec.h"

#define UNKNOWN_PARAMS (~0ULL)

struct alts;
struct devattr;

struct fn {
	struct ir_fn *ir;
	const char *name;		/* interned */
	const struct spec_entry *spec;	/* what the spec says it is, if anything */
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
	const char **spec_names;	/* interned, parallel to spec->entries */
	struct fn *fns;
	int nr;
	/* io-prot values evaluated in this file, parallel to spec->entries */
	bool *io_known;
	unsigned long long *io_value;
	struct ir_value **io_pseudo;	/* when not a constant */
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
	struct ir_insn *choice;		/* the branch that chose it, if one did */
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
 * casts, extensions, truncation, ~ and unary minus (ioir.h). Evaluation
 * computes through them; derivation and shape comparison look through
 * them.
 */
#define is_pass_through ir_is_pass_through
#define is_binop ir_is_binop
#define is_compare ir_is_compare

/* classify.c: names are interned (ir_intern()), compared by pointer */
struct fn *tu_find(struct tu *tu, const char *name);
const struct spec_entry *tu_spec(struct tu *tu, const char *name);
const char *callee_name(const struct ir_insn *insn);
void classify_call(struct tu *tu, struct ir_insn *insn, struct call *out);
struct ir_value *call_arg(const struct ir_insn *insn, int idx);

/* value.c */
/* Value of p when pseudo t holds tv; false when it cannot be known. */
bool eval_pseudo(struct ir_value *p, struct ir_value *t, unsigned long long tv,
		 unsigned long long *out);
/* Representative return values of a call for success and failure. */
unsigned long long status_value(enum spec_success s, enum status st);

/* derive.c */
/* Does a derive from b (copies, casts, simple arithmetic, phi)? */
enum derived { DERIVED_YES, DERIVED_NO, DERIVED_UNSURE };
enum derived pseudo_derived(struct ir_value *a, struct ir_value *b);
/* Bit mask of fn parameters that p derives from, or UNKNOWN_PARAMS. */
unsigned long long param_mask(struct ir_value *p);
/* Do a and b compute the same value the same way? */
bool same_computation(struct ir_value *a, struct ir_value *b);

/* summary.c */
void compute_summaries(struct tu *tu);

/* devflow.c: a call that maps device memory by its attributes */
bool devflow_classify(struct tu *tu, struct ir_insn *insn, struct call *out);
void devflow_facts(struct tu *tu);
void devflow_free(struct tu *tu);

#endif
