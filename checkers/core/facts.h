/* SPDX-License-Identifier: GPL-2.0 */
/* facts.c: per-unit facts for the audit's index (docs/audit.md). */
#ifndef IOGUARD_FACTS_H
#define IOGUARD_FACTS_H

#include "unit.h"

void facts_open(const char *path);
void facts_close(void);
bool facts_on(void);		/* a facts file is being written */
/* the frontend's records, in this order: the unit, functions named
 * outside code (initializers), then after tu_run() every file read and
 * whether the frontend reported an error */
void facts_unit(const char *file);
void facts_ref(const struct ir_sym *sym, struct ir_pos pos, const char *in);
void facts_dep(const char *path);
void facts_unit_end(bool error);
/* the core's */
void facts_functions(struct tu *tu);
void facts_finding(struct ir_pos pos, const char *check,
		   const char *function, const char *msg);
void facts_exempt(struct ir_pos pos, const char *check, const char *function,
		  const char *reason, const char *msg);
/* devfacts.c's records (docs/audit.md, "Facts") */
void facts_flow(const char *fn, bool is_static, const char *file, int line,
		const char *src, const char *dst, const char *cond);
void facts_announce(const char *fn, bool is_static);

#endif
