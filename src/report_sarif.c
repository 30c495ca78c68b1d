// SPDX-License-Identifier: GPL-2.0
/* SARIF 2.1.0 report: not written yet. */
#include "audit_report.h"

void report_sarif(FILE *f, const struct report *r)
{
	report_json(f, r);
}
