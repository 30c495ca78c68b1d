/* SPDX-License-Identifier: GPL-2.0 */
/* facts.c: per-unit facts for the audit's index (docs/audit.md). */
#ifndef IOGUARD_FACTS_H
#define IOGUARD_FACTS_H

#include "tu.h"
#include "unit.h"

void facts_open(const char *path);
void facts_close(void);
void facts_unit(const char *file);
void facts_data(struct symbol_list *list);
void facts_functions(struct tu *tu);
void facts_finding(struct position pos, const char *check,
		   const char *function, const char *msg);
void facts_unit_end(void);
bool facts_on(void);		/* a facts file is being written */
/* devfacts.c's records (docs/audit.md, "Facts") */
void facts_flow(const char *fn, bool is_static, const char *file, int line,
		const char *src, const char *dst, const char *cond);
void facts_announce(const char *fn, bool is_static);

#endif
