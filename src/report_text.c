// SPDX-License-Identifier: GPL-2.0
/*
 * The text report: a summary table, then the findings grouped by check
 * and subsystem, each a gcc-style line (what editors and CI logs parse)
 * followed by the chains that reach it.
 */
#include <string.h>

#include "audit_report.h"

static void chain(FILE *f, const struct chain *c, const char *fn)
{
	int i;

	fprintf(f, "      %-9s ", c->kind);
	for (i = 0; i < c->nsteps; i++)
		fprintf(f, "%s (%s:%d) -> ", c->steps[i].fn, c->steps[i].file, c->steps[i].line);
	fprintf(f, "%s\n", fn);
}

static void finding(FILE *f, const struct finding *x)
{
	int i;

	fprintf(f, "%s:%d:%d: warning: %s [ioguard-%s]\n", x->file, x->line, x->col,
		x->message, x->check);
	if (!x->nchains && !x->ncallers)
		return;
	fprintf(f, "    reached through %d caller%s", x->ncallers, x->ncallers == 1 ? "" : "s");
	fprintf(f, x->nchains ? ", from:\n" : "\n");
	for (i = 0; i < x->nchains; i++)
		chain(f, &x->chains[i], x->fn);
}

/* Exempt by the spec: notes, not warnings, so CI log parsers skip them. */
static void exemptions(FILE *f, const struct report *r)
{
	int i;

	if (!r->nexempt)
		return;
	fprintf(f, "\n== exempt by the spec (%d, not findings) ==\n", r->nexempt);
	for (i = 0; i < r->nexempt; i++) {
		const struct exemption *e = &r->exempt[i];

		fprintf(f, "%s:%d:%d: note: %s [ioguard-%s]\n    exempt: %s\n", e->file,
			e->line, e->col, e->message, e->check, e->reason);
	}
}

static bool shown(const struct finding *x)
{
	return !x->in_baseline;
}

void report_text(FILE *f, const struct report *r)
{
	const char *checks[64];
	int counts[64], nchecks = 0, i, j, inbase = 0;

	for (i = 0; i < r->nfindings; i++) {
		inbase += r->findings[i].in_baseline;
		for (j = 0; j < nchecks && strcmp(checks[j], r->findings[i].check); j++)
			;
		if (j == nchecks && nchecks < 64) {
			checks[nchecks] = r->findings[i].check;
			counts[nchecks++] = 0;
		}
		if (j < 64)
			counts[j] += shown(&r->findings[i]);
	}
	/* checks in name order */
	for (i = 1; i < nchecks; i++)
		for (j = i; j > 0 && strcmp(checks[j - 1], checks[j]) > 0; j--) {
			const char *t = checks[j]; int c = counts[j];

			checks[j] = checks[j - 1]; counts[j] = counts[j - 1];
			checks[j - 1] = t; counts[j - 1] = c;
		}
	fprintf(f, "ioguard audit of %s for %s (callers followed %d levels up)\n",
		r->tree, r->arch, r->depth);
	fprintf(f, "units: %d listed, %d checked, %d skipped by the prefilter, "
		"%d with sparse errors, %d not checked\n\n",
		r->listed, r->checked, r->skipped, r->errors, r->failed);
	fprintf(f, "%-20s %s\n", "check", "findings");
	for (i = 0; i < nchecks; i++)
		fprintf(f, "%-20s %d\n", checks[i], counts[i]);
	fprintf(f, "%-20s %d\n", "total", r->nfindings - inbase);
	if (inbase)
		fprintf(f, "(and %d in the baseline, not shown)\n", inbase);
	for (i = 0; i < nchecks; i++) {
		const char *sub = NULL;

		if (!counts[i])
			continue;
		fprintf(f, "\n== %s ==\n", checks[i]);
		/* by subsystem, then by place */
		for (;;) {
			const char *next = NULL;

			for (j = 0; j < r->nfindings; j++) {
				const struct finding *x = &r->findings[j];

				if (!shown(x) || strcmp(x->check, checks[i]))
					continue;
				if ((!sub || strcmp(x->subsystem, sub) > 0) &&
				    (!next || strcmp(x->subsystem, next) < 0))
					next = x->subsystem;
			}
			if (!next)
				break;
			fprintf(f, "\n-- %s --\n", next);
			for (j = 0; j < r->nfindings; j++) {
				const struct finding *x = &r->findings[j];

				if (shown(x) && !strcmp(x->check, checks[i]) &&
				    !strcmp(x->subsystem, next))
					finding(f, x);
			}
			sub = next;
		}
	}
	exemptions(f, r);
	if (r->nnotes) {
		fprintf(f, "\n== units not fully checked ==\n");
		for (i = 0; i < r->nnotes; i++)
			fprintf(f, "%s: %s: %s\n", r->notes[i].path, r->notes[i].state,
				r->notes[i].reason);
	}
}
