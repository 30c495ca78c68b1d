/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The prefilter's text graph (audit_prefilter.c), shared with the part
 * that selects units for device-memory flows (audit_prefilter_devmem.c).
 */
#ifndef IOGUARD_PREFILTER_GRAPH_H
#define IOGUARD_PREFILTER_GRAPH_H

#include <stdbool.h>

#include "audit_text.h"

struct audit;

struct node {
	int name;
	enum def_kind kind;
	int unit;		/* -1: a header's */
	bool root;		/* or an entry point: chains end there */
	int *mentions;
	int nmentions;
	int *sig;		/* a function's signature (audit_text.h) */
	int nsig;
	bool arch;		/* defined in a header of the arch's */
};

struct graph {
	struct intern *names;
	struct node *nodes;
	int nr, alloc;
	struct intern seen;	/* files scanned, by path */
};

/* name -> the nodes that mention it */
struct bucket { int *defs; int nr; };
struct bucket *mentioners(struct graph *g);

/* audit_prefilter_devmem.c */
bool devmem_select(struct audit *a, struct graph *g, struct bucket *b, int *depth);

#endif
