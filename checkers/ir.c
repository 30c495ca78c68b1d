// SPDX-License-Identifier: GPL-2.0
/*
 * Call classification and value reasoning on sparse's SSA IR.
 */
#include <string.h>

#include "ir.h"

struct fn *tu_find(struct tu *tu, const struct ident *id)
{
	int i;

	for (i = 0; id && i < tu->nr; i++)
		if (tu->fns[i].sym->ident == id)
			return &tu->fns[i];
	return NULL;
}

char *ident_str(const struct ident *id)
{
	return strndup(id->name, id->len);
}

struct ident *callee_ident(struct instruction *insn)
{
	pseudo_t f = insn->func;

	if (!f || f->type != PSEUDO_SYM || !f->sym)
		return NULL;
	return f->sym->ident;
}

const struct spec_entry *tu_spec(struct tu *tu, const struct ident *id)
{
	int i;

	for (i = 0; id && i < tu->spec->nr; i++)
		if (tu->spec_idents[i] == id)
			return &tu->spec->entries[i];
	return NULL;
}

pseudo_t call_arg(struct instruction *insn, int idx)
{
	pseudo_t arg;
	int i = 0;

	FOR_EACH_PTR(insn->arguments, arg) {
		if (i++ == idx)
			return arg;
	} END_FOR_EACH_PTR(arg);
	return NULL;
}

/*
 * Do a and b compute the same value the same way? Used to recognise a
 * non-constant protection macro at a call site by the shape of its
 * evaluation in the probe function (see tu.c).
 */
static int asm_output(struct instruction *insn, pseudo_t p)
{
	struct asm_constraint *c;
	int i = 0;

	if (!insn->asm_rules)
		return -1;
	FOR_EACH_PTR(insn->asm_rules->outputs, c) {
		if (c->pseudo == p)
			return i;
		i++;
	} END_FOR_EACH_PTR(c);
	return -1;
}

static bool same_shape(pseudo_t a, pseudo_t b, int depth)
{
	struct instruction *da, *db;

	if (a == b)
		return true;
	if (!a || !b || depth > 24 || a->type != b->type)
		return false;
	switch (a->type) {
	case PSEUDO_VAL:
		return a->value == b->value;
	case PSEUDO_SYM:
		return a->sym == b->sym;
	case PSEUDO_REG:
		break;
	default:
		return false;
	}
	da = a->def;
	db = b->def;
	if (!da || !db || !da->bb || !db->bb || da->opcode != db->opcode ||
	    da->size != db->size)
		return false;
	switch (da->opcode) {
	case OP_LOAD:
		return da->offset == db->offset &&
		       same_shape(da->src, db->src, depth + 1);
	case OP_ASM:
		/* arm64 6.12 reads TCR_EL1 to build device protections */
		return !strcmp(da->string, db->string) &&
		       asm_output(da, a) == asm_output(db, b) &&
		       asm_output(da, a) >= 0;
	case OP_COPY: case OP_PTRCAST: case OP_UTPTR: case OP_PTRTU:
	case OP_ZEXT: case OP_SEXT: case OP_TRUNC: case OP_NOT: case OP_NEG:
		return same_shape(da->src, db->src, depth + 1);
	case OP_SEL:
		return same_shape(da->src1, db->src1, depth + 1) &&
		       same_shape(da->src2, db->src2, depth + 1) &&
		       same_shape(da->src3, db->src3, depth + 1);
	default:
		break;
	}
	if ((da->opcode >= OP_BINARY && da->opcode <= OP_BINARY_END) ||
	    (da->opcode >= OP_BINCMP && da->opcode <= OP_BINCMP_END))
		return same_shape(da->src1, db->src1, depth + 1) &&
		       same_shape(da->src2, db->src2, depth + 1);
	return false;
}

static bool is_io_prot(struct tu *tu, const struct spec_entry *e,
		       struct instruction *insn)
{
	int i = e - tu->spec->entries;
	unsigned long long v;
	pseudo_t prot;

	if (!e->io_prot)
		return true;	/* set_fixmap_io() and the like */
	prot = call_arg(insn, spec_arg(e, ROLE_PROT));
	if (!prot)
		return false;
	if (tu->io_known[i])
		return eval_pseudo(prot, NULL, 0, &v) && v == tu->io_value[i];
	/* not a constant (arm64's PTE_MAYBE_NG reads a variable): the
	 * same computation as the probe's */
	return tu->io_pseudo[i] && same_shape(prot, tu->io_pseudo[i], 0);
}

void classify_call(struct tu *tu, struct instruction *insn, struct call *out)
{
	struct ident *id = callee_ident(insn);
	const struct spec_entry *e;
	struct fn *helper;

	memset(out, 0, sizeof(*out));
	if (!id)
		return;
	e = tu_spec(tu, id);
	if (e) {
		out->spec = e;
		switch (e->kind) {
		case SPEC_HOOK_MAP:
			out->kind = CALL_MAP_HOOK;
			return;
		case SPEC_HOOK_UNMAP:
			out->kind = CALL_UNMAP_HOOK;
			return;
		case SPEC_PRIMITIVE:
			out->kind = CALL_MAP;
			return;
		case SPEC_FIXMAP:
			if (is_io_prot(tu, e, insn))
				out->kind = CALL_MAP;
			return;
		case SPEC_TEARDOWN:
			out->kind = CALL_TEARDOWN;
			return;
		default:
			return;
		}
	}
	helper = tu_find(tu, id);
	if (!helper)
		return;
	if (helper->always_map_hook > 0) {
		out->kind = CALL_MAP_HOOK;
		out->spec = tu->map_hook;
		out->helper = helper;
	} else if (helper->always_unmap_hook > 0) {
		out->kind = CALL_UNMAP_HOOK;
		out->spec = tu->unmap_hook;
		out->helper = helper;
	}
}

static unsigned long long mask_bits(unsigned long long v, unsigned bits)
{
	return bits >= 64 || bits == 0 ? v : v & ((1ULL << bits) - 1);
}

static long long sext_bits(unsigned long long v, unsigned bits)
{
	if (bits == 0 || bits >= 64)
		return (long long)v;
	v = mask_bits(v, bits);
	if (v & (1ULL << (bits - 1)))
		v |= ~0ULL << bits;
	return (long long)v;
}

static bool eval_depth(pseudo_t p, pseudo_t t, unsigned long long tv,
		       unsigned long long *out, int depth)
{
	unsigned long long a, b, c;
	struct instruction *d;
	unsigned bits;

	if (!p || depth > 24)
		return false;
	if (t && p == t) {
		*out = tv;
		return true;
	}
	if (p->type == PSEUDO_VAL) {
		*out = p->value;
		return true;
	}
	if (p->type != PSEUDO_REG || !(d = p->def) || !d->bb)
		return false;

	switch (d->opcode) {
	case OP_COPY:
	case OP_PTRCAST:
	case OP_UTPTR:
	case OP_PTRTU:
	case OP_ZEXT:
	case OP_TRUNC:
		if (!eval_depth(d->src, t, tv, &a, depth + 1))
			return false;
		if (d->opcode == OP_ZEXT && d->orig_type)
			a = mask_bits(a, d->orig_type->bit_size);
		*out = mask_bits(a, d->size);
		return true;
	case OP_SEXT:
		if (!eval_depth(d->src, t, tv, &a, depth + 1))
			return false;
		bits = d->orig_type ? d->orig_type->bit_size : d->size;
		*out = mask_bits(sext_bits(a, bits), d->size);
		return true;
	case OP_NOT:
	case OP_NEG:
		if (!eval_depth(d->src, t, tv, &a, depth + 1))
			return false;
		*out = mask_bits(d->opcode == OP_NOT ? ~a : -a, d->size);
		return true;
	case OP_SEL:
		if (!eval_depth(d->src1, t, tv, &c, depth + 1))
			return false;
		return eval_depth(c ? d->src2 : d->src3, t, tv, out, depth + 1);
	default:
		break;
	}

	if (d->opcode >= OP_BINARY && d->opcode <= OP_BINARY_END) {
		if (!eval_depth(d->src1, t, tv, &a, depth + 1) ||
		    !eval_depth(d->src2, t, tv, &b, depth + 1))
			return false;
		switch (d->opcode) {
		case OP_ADD: c = a + b; break;
		case OP_SUB: c = a - b; break;
		case OP_MUL: c = a * b; break;
		case OP_AND: c = a & b; break;
		case OP_OR: c = a | b; break;
		case OP_XOR: c = a ^ b; break;
		case OP_SHL: c = b < 64 ? a << b : 0; break;
		case OP_LSR: c = b < 64 ? mask_bits(a, d->size) >> b : 0; break;
		default: return false;
		}
		*out = mask_bits(c, d->size);
		return true;
	}
	if (d->opcode >= OP_BINCMP && d->opcode <= OP_BINCMP_END) {
		long long sa, sb;

		if (!eval_depth(d->src1, t, tv, &a, depth + 1) ||
		    !eval_depth(d->src2, t, tv, &b, depth + 1))
			return false;
		bits = d->itype ? d->itype->bit_size : 64;
		a = mask_bits(a, bits);
		b = mask_bits(b, bits);
		sa = sext_bits(a, bits);
		sb = sext_bits(b, bits);
		switch (d->opcode) {
		case OP_SET_EQ: c = a == b; break;
		case OP_SET_NE: c = a != b; break;
		case OP_SET_LT: c = sa < sb; break;
		case OP_SET_LE: c = sa <= sb; break;
		case OP_SET_GT: c = sa > sb; break;
		case OP_SET_GE: c = sa >= sb; break;
		case OP_SET_B: c = a < b; break;
		case OP_SET_BE: c = a <= b; break;
		case OP_SET_A: c = a > b; break;
		case OP_SET_AE: c = a >= b; break;
		default: return false;
		}
		*out = c;
		return true;
	}
	return false;
}

bool eval_pseudo(pseudo_t p, pseudo_t t, unsigned long long tv,
		 unsigned long long *out)
{
	return eval_depth(p, t, tv, out, 0);
}

unsigned long long status_value(enum spec_success s, enum status st)
{
	if (s == SUCCESS_NONNULL)
		/* a plausible kernel virtual address, and NULL */
		return st == ST_SUCCESS ? 0xffff800010000000ULL : 0;
	/* 0, and -EINVAL */
	return st == ST_SUCCESS ? 0 : (unsigned long long)-22LL;
}

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

/*
 * Derivation: the roots a value is computed from, through copies,
 * casts, arithmetic and phi nodes. Roots are arguments, symbols, loads
 * (by address and offset), call results, and constants.
 */
enum root_kind { R_VAL, R_ARG, R_SYM, R_LOAD, R_OTHER };

struct root {
	enum root_kind kind;
	const void *key;
	long long value;
};

#define MAX_ROOTS 32

struct roots {
	int n;
	bool overflow;
	struct root v[MAX_ROOTS];
	int nseen;
	pseudo_t seen[64];
};

static void add_root(struct roots *r, enum root_kind kind, const void *key,
		     long long value)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (r->v[i].kind == kind && r->v[i].key == key &&
		    r->v[i].value == value)
			return;
	if (r->n == MAX_ROOTS) {
		r->overflow = true;
		return;
	}
	r->v[r->n++] = (struct root){ kind, key, value };
}

static void collect(pseudo_t p, struct roots *r, int depth);

/*
 * A local whose address is taken (earlycon_map()'s paddr, printed with
 * %pa) lives in memory: sparse forwards the first load to the stored value
 * but keeps later loads. Both are the same value when every store to that
 * slot stores it, so a load also derives from what the function stores
 * there.
 */
static void collect_stored(struct instruction *load, const void *sym,
			   struct roots *r, int depth)
{
	struct basic_block *bb;
	struct instruction *insn;

	if (!load->bb || !load->bb->ep)
		return;
	FOR_EACH_PTR(load->bb->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			struct roots addr = { 0 };

			if (!insn->bb || insn->opcode != OP_STORE ||
			    insn->offset != load->offset)
				continue;
			collect(insn->src, &addr, depth + 1);
			if (addr.n == 1 && !addr.overflow &&
			    addr.v[0].kind == R_SYM && addr.v[0].key == sym)
				collect(insn->target, r, depth + 1);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}

static void collect(pseudo_t p, struct roots *r, int depth)
{
	struct instruction *d;
	pseudo_t phi;
	int i;

	if (!p || depth > 24) {
		r->overflow = true;
		return;
	}
	for (i = 0; i < r->nseen; i++)
		if (r->seen[i] == p)
			return;
	if (r->nseen < 64)
		r->seen[r->nseen++] = p;

	switch (p->type) {
	case PSEUDO_VAL:
		add_root(r, R_VAL, NULL, p->value);
		return;
	case PSEUDO_ARG:
		add_root(r, R_ARG, p, 0);
		return;
	case PSEUDO_SYM:
		add_root(r, R_SYM, p->sym, 0);
		return;
	case PSEUDO_PHI:
		if (p->def && p->def->opcode == OP_PHISOURCE)
			collect(p->def->phi_src, r, depth + 1);
		return;
	case PSEUDO_REG:
		break;
	default:
		add_root(r, R_OTHER, p, 0);
		return;
	}
	d = p->def;
	if (d && !d->bb) {
		/* optimised away: an inlined call's stale argument */
		r->overflow = true;
		return;
	}
	if (!d) {
		add_root(r, R_OTHER, p, 0);
		return;
	}
	switch (d->opcode) {
	case OP_COPY: case OP_PTRCAST: case OP_UTPTR: case OP_PTRTU:
	case OP_ZEXT: case OP_SEXT: case OP_TRUNC: case OP_NOT: case OP_NEG:
		collect(d->src, r, depth + 1);
		return;
	case OP_SEL:
		collect(d->src2, r, depth + 1);
		collect(d->src3, r, depth + 1);
		return;
	case OP_PHI:
		FOR_EACH_PTR(d->phi_list, phi) {
			if (phi != VOID)
				collect(phi, r, depth + 1);
		} END_FOR_EACH_PTR(phi);
		return;
	case OP_LOAD: {
		struct roots base = { 0 };

		/* two loads of the same place count as the same value */
		collect(d->src, &base, depth + 1);
		if (base.n == 1 && !base.overflow) {
			add_root(r, R_LOAD, base.v[0].key,
				 base.v[0].value + d->offset);
			if (base.v[0].kind == R_SYM && !base.v[0].value)
				collect_stored(d, base.v[0].key, r, depth);
		} else
			add_root(r, R_OTHER, p, 0);
		return;
	}
	default:
		break;
	}
	if ((d->opcode >= OP_BINARY && d->opcode <= OP_BINARY_END)) {
		collect(d->src1, r, depth + 1);
		collect(d->src2, r, depth + 1);
		return;
	}
	add_root(r, R_OTHER, p, 0);
}

static bool has_variable(const struct roots *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (r->v[i].kind != R_VAL)
			return true;
	return false;
}

enum derived pseudo_derived(pseudo_t a, pseudo_t b)
{
	struct roots ra = { 0 }, rb = { 0 };
	bool va, vb;
	int i, j;

	/* The same expression evaluated twice: riscv's protections read
	 * the page-type mask through an asm alternative each time. */
	if (same_shape(a, b, 0))
		return DERIVED_YES;
	collect(a, &ra, 0);
	collect(b, &rb, 0);
	if (ra.overflow || rb.overflow)
		return DERIVED_UNSURE;
	va = has_variable(&ra);
	vb = has_variable(&rb);
	if (va != vb)
		return DERIVED_NO;
	for (i = 0; i < ra.n; i++) {
		if (va && ra.v[i].kind == R_VAL)
			continue;
		for (j = 0; j < rb.n; j++)
			if (ra.v[i].kind == rb.v[j].kind &&
			    ra.v[i].key == rb.v[j].key &&
			    ra.v[i].value == rb.v[j].value)
				return DERIVED_YES;
	}
	return DERIVED_NO;
}

unsigned long long param_mask(pseudo_t p)
{
	struct roots r = { 0 };
	unsigned long long mask = 0;
	int i;

	collect(p, &r, 0);
	if (r.overflow)
		return UNKNOWN_PARAMS;
	for (i = 0; i < r.n; i++) {
		const struct pseudo *arg = r.v[i].key;

		if (r.v[i].kind == R_VAL)
			continue;
		if (r.v[i].kind != R_ARG || arg->nr < 1 || arg->nr > 64)
			return UNKNOWN_PARAMS;
		mask |= 1ULL << (arg->nr - 1);
	}
	return mask ? mask : UNKNOWN_PARAMS;
}
