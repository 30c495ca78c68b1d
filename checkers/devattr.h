/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device memory by value (docs/devmem.md): the bits of a protection that
 * select the memory type, followed through sparse's IR. devattr.c reads
 * the spec's device-attr probes and says what a value's memory-type bits
 * are made of; devflow.c turns that into per-function summaries, the
 * mapping calls the engine checks, and the audit's flow facts.
 */
#ifndef IOGUARD_DEVATTR_H
#define IOGUARD_DEVATTR_H

#include "unit.h"

/*
 * One way a value's memory-type bits can be made. Several contributions
 * can be ORed together (a constant and a parameter); a value chosen by a
 * branch (a phi or a select) has one alternative per choice.
 */
struct alt {
	unsigned long long bits;	/* bits constants set */
	unsigned long long smask;	/* bits the sources below may set */
	unsigned long long params;	/* bit i: parameter i contributes */
	struct instruction *call;	/* a call whose result contributes */
	int device;			/* 1 + the device value matched by shape */
	bool unknown;			/* a load, an asm, something else */
	struct instruction *choice;	/* the phi or select that chose it */
};

#define MAX_ALTS 8

struct alts {
	int n;
	struct alt v[MAX_ALTS];
};

/* The device-attr record that applies in this unit, evaluated. */
struct devattr {
	const struct spec_entry *e;
	unsigned long long mask;
	unsigned long long present;	/* the bits that make an entry map */
	bool *known;			/* per value: folded to a constant */
	unsigned long long *value;
	pseudo_t *pseudo;		/* per value, when not a constant */
	int found;			/* probes read: mask and values */
};

#define DEVATTR_PREFIX "__ioguard_devattr_"

/* Probe text for every device-attr record, appended after the unit. */
int devattr_probe_text(const struct spec *spec, char *buf, int len);
/* A probe function sparse linearized: its value. */
void devattr_read_probe(struct tu *tu, const char *name, struct entrypoint *ep);

/* The memory-type bits of p, as alternatives (none when no record applies). */
void attr_alts(struct tu *tu, pseudo_t p, struct alts *out);
/* Add every alternative of b to a (a union); false if a overflowed. */
bool alts_union(struct alts *a, const struct alts *b);
/* a | b, alternative by alternative. */
void alts_or(struct alts *out, const struct alts *a, const struct alts *b);
/* Which device value an alternative is (0-based), or -1. */
int alt_device(struct tu *tu, const struct alt *a);
/* Do a's sources reach its memory-type bits (not replaced by a constant)? */
bool alt_carries(struct tu *tu, const struct alt *a);
/* Does anything besides constants contribute to a? */
static inline bool alt_pure(const struct alt *a)
{
	return !a->params && !a->call && !a->device && !a->unknown;
}

/* devflow.c: a value's alternatives with this unit's helpers' returns
 * put in for their calls; the arguments of a call that reach a
 * page-table write (a bit each), and the spec function writing them. */
void devflow_value(struct tu *tu, pseudo_t p, struct alts *out);
unsigned long long call_reach(struct tu *tu, struct instruction *call,
			      const struct spec_entry **writer, struct fn **via);

#endif
