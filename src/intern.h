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

int intern(struct intern *t, const char *s);
int intern_n(struct intern *t, const char *s, size_t n);
int intern_lookup(struct intern *t, const char *s);	/* -1 if never seen */
void intern_free(struct intern *t);

#endif
