/* SPDX-License-Identifier: GPL-2.0 */
/* report_graph.c: a finding's chains drawn by graphviz, for the HTML report. */
#ifndef IOGUARD_REPORT_GRAPH_H
#define IOGUARD_REPORT_GRAPH_H

#include <stdbool.h>

#include "audit_report.h"

/* Is graphviz's dot on PATH? */
bool graph_available(void);
/* The chains, roots to the mapping, as an <svg> element (malloc'd), or
 * NULL if dot failed. */
char *graph_svg(const struct finding *x);

#endif
