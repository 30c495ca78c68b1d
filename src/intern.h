/* SPDX-License-Identifier: GPL-2.0 */
/* intern.c: identifiers as small integers. */
#ifndef IOGUARD_INTERN_H
#define IOGUARD_INTERN_H

#include <stddef.h>

struct intern {
	char **names;		/* id -> name */
	unsigned long *hashes;	/* id -> its hash */
	int nr, alloc;
	int *slots;		/* hash slots -> id, -1 empty */
	size_t cap;
};

/* FNV-1a, 64 bits: continue h over n bytes (start from FNV1A_INIT).
 * Used wherever ioguard needs a hash that is the same on every machine:
 * names, shards, fingerprints, the index's identity. */
#define FNV1A_INIT 1469598103934665603UL
unsigned long fnv1a(unsigned long h, const void *data, size_t n);

int intern(struct intern *t, const char *s);
int intern_n(struct intern *t, const char *s, size_t n);
int intern_lookup(struct intern *t, const char *s);	/* -1 if never seen */
void intern_free(struct intern *t);

#endif
