// SPDX-License-Identifier: GPL-2.0
/*
 * GitLab's Code Quality report (a subset of Code Climate's issue
 * format): a JSON list, one issue per finding, which a job names under
 * artifacts:reports:codequality. GitLab compares a merge request's list
 * with its target branch's by fingerprint, so ours (stable across line
 * shifts) is the one given; baselines are GitLab's business there, so
 * every finding is listed.
 */
#include "audit_report.h"

void report_codequality(FILE *f, const struct report *r)
{
	int i;

	fputs("[", f);
	for (i = 0; i < r->nfindings; i++) {
		const struct finding *x = &r->findings[i];

		fputs(i ? ",\n  " : "\n  ", f);
		fputs("{\"type\": \"issue\", \"check_name\": \"ioguard-", f);
		fputs(x->check, f);
		fputs("\", \"description\": ", f);
		json_string(f, x->message);
		fprintf(f, ", \"categories\": [\"Security\"], \"severity\": \"major\", "
			"\"fingerprint\": \"%s\",\n   \"location\": {\"path\": ", x->fingerprint);
		json_string(f, x->file);
		fprintf(f, ", \"lines\": {\"begin\": %d}}}", x->line);
	}
	fputs(r->nfindings ? "\n]\n" : "]\n", f);
}
