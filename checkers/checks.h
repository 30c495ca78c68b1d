/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The check interface. The path engine (engine.c) walks each function once
 * per mapping or teardown and tells every check what it found; a check
 * is one file that decides which of these events are findings.
 */
#ifndef IOGUARD_CHECKS_H
#define IOGUARD_CHECKS_H

#include "unit.h"

/* A mapping made in a function: a primitive or fixmap IO call. */
struct map_site {
	struct tu *tu;
	struct fn *fn;
	struct instruction *insn;
	struct call call;
	bool in_entry;		/* fn is a map entry point */
};

/* The map hook, reached on a path from a mapping. */
struct hook_site {
	const struct map_site *map;
	struct instruction *insn;
	struct call call;
	enum status status;	/* what the path knows of the mapping */
};

/* A teardown in an unmap entry point, reached without the unmap hook. */
struct teardown_site {
	struct tu *tu;
	struct fn *fn;
	struct instruction *insn;
	const struct spec_entry *spec;
};

struct check {
	const char *name;
	/* a success path of the mapping returns without the hook */
	void (*unannounced)(const struct map_site *m);
	void (*hooked)(const struct hook_site *h);
	void (*unhooked_teardown)(const struct teardown_site *t);
};

#define CHECK(id) extern const struct check check_##id;
#include "checks.def"
#undef CHECK

extern const struct check *const all_checks[];

/* engine.c */
void check_function(struct tu *tu, struct fn *fn);

/* diag.c */
void diag(struct position pos, const char *check, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int diag_count(void);

#endif
