/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The check interface. The path engine (engine.c) walks each function
 * once per mapping or teardown and tells every check what it found; a
 * check is one file that decides which of these events are findings and
 * words them. The engine decides where they are reported and under
 * which name.
 */
#ifndef IOGUARD_CHECKS_H
#define IOGUARD_CHECKS_H

#include "unit.h"

/* A mapping made in a function: a primitive or fixmap IO call. */
struct map_site {
	struct tu *tu;
	struct fn *fn;
	struct ir_insn *insn;
	struct call call;
	bool in_entry;		/* fn is a map entry point */
};

/* The map hook, reached on a path from a mapping. */
struct hook_site {
	const struct map_site *map;
	struct ir_insn *insn;
	struct call call;
	enum status status;	/* what the path knows of the mapping */
};

/* A teardown in an unmap entry point, reached without the unmap hook. */
struct teardown_site {
	struct tu *tu;
	struct fn *fn;
	struct ir_insn *insn;
	const struct spec_entry *spec;
};

/* Any call in a function whose body the checks read. */
struct call_site {
	struct tu *tu;
	struct fn *fn;
	struct ir_insn *insn;
	struct call call;
};

/*
 * Where a check's finding goes, filled in by the engine for each event:
 * the check's name, and the call the event is about (the mapping, the
 * hook, the teardown), reported where it is written in fn.
 */
struct report_at {
	const char *check_id;		/* from checks.def */
	struct tu *tu;
	struct fn *fn;
	struct ir_insn *insn;
};

struct check {
	/* a success path of the mapping returns without the hook */
	void (*unannounced)(const struct map_site *m,
			    const struct report_at *at);
	void (*hooked)(const struct hook_site *h, const struct report_at *at);
	void (*unhooked_teardown)(const struct teardown_site *t,
				  const struct report_at *at);
	void (*called)(const struct call_site *c, const struct report_at *at);
};

#define CHECK(id) extern const struct check check_##id;
#include "checks.def"
#undef CHECK

/* engine.c */
void check_function(struct tu *tu, struct fn *fn);

/* report.c: "[ioguard-NAME]", NAME being the check's id with '-' for '_' */
void report(const struct report_at *at, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* report.c: where insn is written in fn's own file (inlined or not);
 * site_pos_in() with body_end(tu, fn) computed once for many calls */
struct ir_pos site_pos(struct tu *tu, struct fn *fn, struct ir_insn *insn);
unsigned int body_end(struct tu *tu, struct fn *fn);
struct ir_pos site_pos_in(struct tu *tu, struct fn *fn,
			  struct ir_insn *insn, unsigned int end);

/* diag.c: print a finding once, as gcc prints a warning; false if seen */
bool diag(struct ir_pos pos, const char *check, const char *msg);
int diag_count(void);
/* the same, for a finding the spec exempts: never printed or counted */
bool diag_once(struct ir_pos pos, const char *check, const char *msg);

#endif
