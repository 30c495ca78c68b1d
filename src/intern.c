// SPDX-License-Identifier: GPL-2.0
/*
 * Interned names: each distinct identifier gets a small integer once,
 * so that the audit's text graph holds ints and compares them, whatever
 * the size of the tree. Open addressing, FNV-1a.
 */
#include <stdlib.h>
#include <string.h>

#include "intern.h"

unsigned long fnv1a(unsigned long h, const void *data, size_t n)
{
	const unsigned char *s = data;

	while (n--)
		h = (h ^ *s++) * 1099511628211UL;
	return h;
}

static unsigned long hash(const char *s, size_t n)
{
	return fnv1a(FNV1A_INIT, s, n);
}

static void grow(struct intern *t)
{
	size_t cap = t->cap ? t->cap * 2 : 1024, i;
	int *slots = malloc(cap * sizeof(*slots));

	for (i = 0; i < cap; i++)
		slots[i] = -1;
	for (i = 0; i < (size_t)t->nr; i++) {
		size_t h = t->hashes[i] & (cap - 1);

		while (slots[h] >= 0)
			h = (h + 1) & (cap - 1);
		slots[h] = i;
	}
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
}

/* The id of s, or -1 with *slot where it would go (and *full its hash). */
static int find(struct intern *t, const char *s, size_t n, size_t *slot,
		unsigned long *full)
{
	unsigned long fh = hash(s, n);
	size_t h;

	if (!t->cap)
		grow(t);
	*full = fh;
	h = fh & (t->cap - 1);
	for (; t->slots[h] >= 0; h = (h + 1) & (t->cap - 1)) {
		int id = t->slots[h];
		const char *name = t->names[id];

		/* the full hash first: most probes end there */
		if (t->hashes[id] == fh && !strncmp(name, s, n) && !name[n])
			return id;
	}
	*slot = h;
	return -1;
}

int intern_n(struct intern *t, const char *s, size_t n)
{
	unsigned long fh;
	size_t slot;
	int id = find(t, s, n, &slot, &fh);
	char *copy;

	if (id >= 0)
		return id;
	if ((size_t)(t->nr + 1) * 2 > t->cap) {
		grow(t);
		find(t, s, n, &slot, &fh);
	}
	if (t->nr == t->alloc) {
		t->alloc = t->alloc ? t->alloc * 2 : 1024;
		t->names = realloc(t->names, t->alloc * sizeof(*t->names));
		t->hashes = realloc(t->hashes, t->alloc * sizeof(*t->hashes));
	}
	t->hashes[t->nr] = fh;
	copy = malloc(n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	t->names[t->nr] = copy;
	t->slots[slot] = t->nr;
	return t->nr++;
}

int intern(struct intern *t, const char *s)
{
	return intern_n(t, s, strlen(s));
}

int intern_lookup(struct intern *t, const char *s)
{
	unsigned long fh;
	size_t slot;

	return find(t, s, strlen(s), &slot, &fh);
}

void intern_free(struct intern *t)
{
	int i;

	for (i = 0; i < t->nr; i++)
		free(t->names[i]);
	free(t->names);
	free(t->hashes);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}
