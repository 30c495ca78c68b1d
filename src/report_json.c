// SPDX-License-Identifier: GPL-2.0
/*
 * The JSON report (schema: docs/audit.md, "JSON"). Keys are written in a
 * fixed order and lists in the model's order, so equal models give
 * equal bytes.
 */
#include "audit_report.h"

void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void chain(FILE *f, const struct chain *c)
{
	int i;

	fputs("{\"kind\": ", f);
	json_string(f, c->kind);
	fputs(", \"steps\": [", f);
	for (i = 0; i < c->nsteps; i++) {
		fputs(i ? ", {\"function\": " : "{\"function\": ", f);
		json_string(f, c->steps[i].fn);
		fputs(", \"file\": ", f);
		json_string(f, c->steps[i].file);
		fprintf(f, ", \"line\": %d}", c->steps[i].line);
	}
	fputs("]}", f);
}

static void finding(FILE *f, const struct finding *x)
{
	int i;

	fputs("    {\"check\": ", f);
	json_string(f, x->check);
	fputs(", \"file\": ", f);
	json_string(f, x->file);
	fprintf(f, ", \"line\": %d, \"column\": %d, \"function\": ", x->line, x->col);
	json_string(f, x->fn);
	fputs(", \"message\": ", f);
	json_string(f, x->message);
	fputs(", \"subsystem\": ", f);
	json_string(f, x->subsystem);
	fputs(", \"unit\": ", f);
	json_string(f, x->unit);
	fprintf(f, ", \"fingerprint\": \"%s\", \"baseline\": %s, \"callers\": %d, \"chains\": [",
		x->fingerprint, x->in_baseline ? "true" : "false", x->ncallers);
	for (i = 0; i < x->nchains; i++) {
		if (i)
			fputs(", ", f);
		chain(f, &x->chains[i]);
	}
	fputs("]}", f);
}

void report_json(FILE *f, const struct report *r)
{
	int i;

	fputs("{\n  \"ioguard_audit\": 1,\n  \"tree\": ", f);
	json_string(f, r->tree);
	fputs(",\n  \"arch\": ", f);
	json_string(f, r->arch);
	fprintf(f, ",\n  \"depth\": %d,\n", r->depth);
	fprintf(f, "  \"units\": {\"listed\": %d, \"checked\": %d, \"skipped\": %d, "
		"\"errors\": %d, \"not_checked\": %d},\n",
		r->listed, r->checked, r->skipped, r->errors, r->failed);
	fputs("  \"findings\": [\n", f);
	for (i = 0; i < r->nfindings; i++) {
		finding(f, &r->findings[i]);
		fputs(i + 1 < r->nfindings ? ",\n" : "\n", f);
	}
	fputs("  ],\n  \"exempt\": [\n", f);
	for (i = 0; i < r->nexempt; i++) {
		const struct exemption *e = &r->exempt[i];

		fputs("    {\"file\": ", f);
		json_string(f, e->file);
		fprintf(f, ", \"line\": %d, \"col\": %d, \"check\": ", e->line, e->col);
		json_string(f, e->check);
		fputs(", \"function\": ", f);
		json_string(f, e->fn);
		fputs(", \"message\": ", f);
		json_string(f, e->message);
		fputs(", \"reason\": ", f);
		json_string(f, e->reason);
		fputs(i + 1 < r->nexempt ? "},\n" : "}\n", f);
	}
	fputs("  ],\n  \"units_not_fully_checked\": [\n", f);
	for (i = 0; i < r->nnotes; i++) {
		fputs("    {\"unit\": ", f);
		json_string(f, r->notes[i].path);
		fputs(", \"state\": ", f);
		json_string(f, r->notes[i].state);
		fputs(", \"reason\": ", f);
		json_string(f, r->notes[i].reason);
		fputs(i + 1 < r->nnotes ? "},\n" : "}\n", f);
	}
	fputs("  ]\n}\n", f);
}
