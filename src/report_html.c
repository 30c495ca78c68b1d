// SPDX-License-Identifier: GPL-2.0
/* HTML report: not written yet. */
#include "audit_report.h"

void report_html(FILE *f, const struct report *r, const char *tree)
{
	report_json(f, r);
}
