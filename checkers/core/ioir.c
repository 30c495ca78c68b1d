// SPDX-License-Identifier: GPL-2.0
/*
 * The IR's storage (ioir.h): one arena per unit, freed at once when the
 * unit's checks are done; interned names, kept for the process (the
 * spec's names are looked up by pointer in every unit); a pointer map
 * for the lowerings.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ioir.h"

struct ir_value ir_void = { .kind = IRV_VOID };

/* The arena: chunks of at least CHUNK bytes, bump-allocated. */
#define CHUNK (256 * 1024)

struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[];
};

static struct chunk *chunks;

static void *die_oom(void)
{
	fputs("ioguard: out of memory\n", stderr);
	exit(2);
}

void *ir_alloc(size_t size)
{
	struct chunk *c = chunks;
	void *p;

	size = (size + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	if (!c || c->used + size > c->size) {
		size_t want = size > CHUNK ? size : CHUNK;

		c = malloc(sizeof(*c) + want);
		if (!c)
			return die_oom();
		c->next = chunks;
		c->used = 0;
		c->size = want;
		chunks = c;
	}
	p = (char *)c->data + c->used;
	c->used += size;
	memset(p, 0, size);
	return p;
}

void ir_free_all(void)
{
	while (chunks) {
		struct chunk *next = chunks->next;

		free(chunks);
		chunks = next;
	}
}

/* Interned strings: an open-addressing set, FNV-1a. */
static char **strs;
static size_t nstrs, capstrs;

static size_t hash_str(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ULL;

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return (size_t)h;
}

static char **str_slot(char **tab, size_t cap, const char *s, size_t n)
{
	size_t i = hash_str(s, n) & (cap - 1);

	while (tab[i] && (strncmp(tab[i], s, n) || tab[i][n]))
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

const char *ir_intern_n(const char *s, size_t n)
{
	char **slot;

	if (!s)
		return NULL;
	if (2 * (nstrs + 1) > capstrs) {
		size_t cap = capstrs ? capstrs * 2 : 1024, i;
		char **tab = calloc(cap, sizeof(*tab));

		if (!tab)
			return die_oom();
		for (i = 0; i < capstrs; i++)
			if (strs[i])
				*str_slot(tab, cap, strs[i], strlen(strs[i])) = strs[i];
		free(strs);
		strs = tab;
		capstrs = cap;
	}
	slot = str_slot(strs, capstrs, s, n);
	if (!*slot) {
		*slot = strndup(s, n);
		if (!*slot)
			return die_oom();
		nstrs++;
	}
	return *slot;
}

const char *ir_intern(const char *s)
{
	return s ? ir_intern_n(s, strlen(s)) : NULL;
}

bool ir_prot_member_name(const char *name)
{
	static const char *const names[] = { "pgprot", "pte", "pmd", "pud", "p4d" };
	size_t i;

	for (i = 0; name && i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

struct ir_value *ir_new_value(enum ir_vkind kind)
{
	struct ir_value *v = ir_alloc(sizeof(*v));

	v->kind = kind;
	return v;
}

struct ir_value *ir_const(unsigned long long value)
{
	struct ir_value *v = ir_new_value(IRV_CONST);

	v->value = value;
	return v;
}

struct ir_insn *ir_new_insn(enum ir_op op)
{
	struct ir_insn *insn = ir_alloc(sizeof(*insn));

	insn->op = op;
	return insn;
}

struct ir_fn *ir_new_fn(struct ir_sym *sym)
{
	struct ir_fn *fn = ir_alloc(sizeof(*fn));

	fn->sym = sym;
	return fn;
}

struct ir_block *ir_new_block(struct ir_fn *fn)
{
	struct ir_block *bb = ir_alloc(sizeof(*bb));

	bb->fn = fn;
	bb->index = -1;
	return bb;
}

/* Arrays in the arena grow by doubling (the old copy is not reused). */
static void *grow(void *old, int n, int *cap, size_t elem)
{
	void *p;

	if (n < *cap)
		return old;
	*cap = *cap ? *cap * 2 : 4;
	p = ir_alloc(*cap * elem);
	if (n)
		memcpy(p, old, n * elem);
	return p;
}

void ir_list_block(struct ir_fn *fn, struct ir_block *bb)
{
	fn->blocks = grow(fn->blocks, fn->nblocks, &fn->cap, sizeof(*fn->blocks));
	bb->index = fn->nblocks;
	fn->blocks[fn->nblocks++] = bb;
}

void ir_append(struct ir_block *bb, struct ir_insn *insn)
{
	bb->insns = grow(bb->insns, bb->ninsns, &bb->cap, sizeof(*bb->insns));
	bb->insns[bb->ninsns++] = insn;
	insn->bb = bb;
}

void ir_add_succ(struct ir_block *bb, struct ir_block *to)
{
	bb->succ = grow(bb->succ, bb->nsucc, &bb->succ_cap, sizeof(*bb->succ));
	bb->succ[bb->nsucc++] = to;
}

/* Call arguments and phi ways: counted arrays, capacity in a power of 2. */
static int pow2_cap(int n)
{
	int cap = 4;

	while (cap < n)
		cap *= 2;
	return n <= 4 ? (n ? 4 : 0) : cap;
}

void ir_push_arg(struct ir_insn *call, struct ir_value *v)
{
	int cap = pow2_cap(call->nargs);

	call->args = grow(call->args, call->nargs, &cap, sizeof(*call->args));
	call->args[call->nargs++] = v;
}

void ir_push_phi(struct ir_insn *phi, struct ir_value *v)
{
	int cap = pow2_cap(phi->nphis);

	phi->phis = grow(phi->phis, phi->nphis, &cap, sizeof(*phi->phis));
	phi->phis[phi->nphis++] = v;
}

/* The pointer map: open addressing, keys never removed. */
static size_t hash_ptr(const void *p)
{
	uint64_t h = (uint64_t)(uintptr_t)p;

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return (size_t)h;
}

void *ir_map_get(const struct ir_map *m, const void *key)
{
	size_t i;

	if (!m->cap)
		return NULL;
	for (i = hash_ptr(key) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
		if (m->keys[i] == key)
			return m->vals[i];
	return NULL;
}

static void map_insert(struct ir_map *m, const void *key, void *val)
{
	size_t i = hash_ptr(key) & (m->cap - 1);

	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	if (!m->keys[i])
		m->n++;
	m->keys[i] = key;
	m->vals[i] = val;
}

void ir_map_put(struct ir_map *m, const void *key, void *val)
{
	if (2 * (m->n + 1) > m->cap) {
		struct ir_map big = { 0 };
		size_t i;

		big.cap = m->cap ? m->cap * 2 : 64;
		big.keys = calloc(big.cap, sizeof(*big.keys));
		big.vals = calloc(big.cap, sizeof(*big.vals));
		if (!big.keys || !big.vals)
			die_oom();
		for (i = 0; i < m->cap; i++)
			if (m->keys[i])
				map_insert(&big, m->keys[i], m->vals[i]);
		ir_map_free(m);
		*m = big;
	}
	map_insert(m, key, val);
}

void ir_map_free(struct ir_map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}
