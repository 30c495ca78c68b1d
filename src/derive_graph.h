/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The flow graph audit_derive.c builds from the index and the two
 * reports read: a node per function (per unit for static ones), its
 * flow facts, and what the fixed point found.
 */
#ifndef IOGUARD_DERIVE_GRAPH_H
#define IOGUARD_DERIVE_GRAPH_H

#include <stdbool.h>

#include "intern.h"
#include "spec.h"

struct sqlite3;

enum src_kind { SRC_PARAM, SRC_DEVICE, SRC_RET };
enum dst_kind { DST_SINK, DST_ARG, DST_RETURN };

struct dflow {
	int unit;		/* names id */
	int line;
	char *file, *cond;	/* cond: "-" or FILE:LINE of the choice */
	enum src_kind src;
	int param;		/* SRC_PARAM */
	char *label;		/* SRC_DEVICE: the device value */
	int callee;		/* SRC_RET: names id */
	enum dst_kind dst;
	int dst_fn, arg;	/* DST_SINK: the sink; DST_ARG: callee, argument */
};

/* How a parameter bit (or a device return) was established. */
struct hop {
	int flow;		/* index into the node's flows */
	int next;		/* the node the flow goes on to, or -1 */
};

struct dnode {
	int name, unit;		/* unit -1: not static */
	char *file;
	int line;		/* the definition, where the index has it */
	struct dflow *flows;
	int nflows;
	bool announces, boundary;
	const struct spec_entry *spec;
	unsigned long long reach, ureach;	/* parameters reaching a sink */
	struct hop *reach_hop, *ureach_hop;	/* [64], when a bit is set */
	struct hop ret;		/* returns device attributes: ret.flow >= 0 */
};

struct dgraph {
	struct spec spec;
	bool have_spec;
	struct intern names, keys;	/* keys: "unit\tfn", "\tfn" */
	struct dnode *nodes;		/* by key id */
	int nnodes;
	const char *hook;		/* the map hook's name */
};

/* audit_derive.c */
int dgraph_load(struct sqlite3 *db, struct dgraph *g);
void dgraph_solve(struct dgraph *g);
void dgraph_free(struct dgraph *g);
/* The node a call from unit goes to, or -1. */
int dgraph_resolve(struct dgraph *g, int unit, int fn);
/* Does this flow carry device attributes (its own, or a callee's return)? */
bool dflow_device(struct dgraph *g, const struct dflow *f, const char **label,
		  const char **cond, int *from);
/* Does it end in a page-table write (uncovered: through no sanitizer)? */
bool dflow_reaches(struct dgraph *g, const struct dflow *f, bool uncovered);
/* "'a' -> 'b' -> 'sink'": the chain from flow f down to its sink. */
void dflow_chain(struct dgraph *g, const struct dflow *f, bool uncovered,
		 char *buf, size_t len);

#endif
