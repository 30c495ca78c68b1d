/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device memory across units (docs/devmem.md): the flow facts of every
 * unit in the index (checkers/core/devfacts.c), combined to a fixed point
 * over the call graph. What it derives is output: the functions that
 * can write device attributes into page tables, and the device flows no
 * sanitizer covers that no unit could see alone.
 */
#ifndef IOGUARD_AUDIT_DERIVE_H
#define IOGUARD_AUDIT_DERIVE_H

#include <stdio.h>

struct sqlite3;

/*
 * Fill temp.derived_findings (the columns of findings) with the flows
 * found only across units: bypass and user-map. 0, or -1 on an index
 * error; an index without flow facts derives nothing.
 */
int derive_findings(struct sqlite3 *db);

/* `ioguard audit --derive`: every function that can write device
 * attributes into page tables, the spec's names marked. */
int derive_list(struct sqlite3 *db, FILE *out);
/* The same to stdout or OUTPUT; an exit status (0, or 2). */
struct outfile;
int audit_derive_output(struct sqlite3 *db, struct outfile *out, const char *output);

#endif
