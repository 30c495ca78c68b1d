// SPDX-License-Identifier: GPL-2.0
/*
 * The SARIF 2.1.0 report, for GitHub code scanning and other SARIF
 * viewers (what each field is for: docs/audit-reports.md). One run; a
 * rule per check with docs/checker.md's words; a result per finding
 * with the stable fingerprint, and a code flow per chain from its root
 * down to the finding. Keys in a fixed order, no time stamps: equal
 * models give equal bytes.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "audit_report.h"
#include "check_docs.h"
#include "ioguard.h"
#include "report_source.h"

#define FP_KEY "ioguard/fingerprint/v1"

/* A path in a URI: what is not plain is %-escaped (JSON needs nothing). */
static void uri_path(FILE *f, const char *s)
{
	for (; *s; s++) {
		unsigned char c = *s;

		if (isalnum(c) || strchr("-._~/+,", c))
			fputc(c, f);
		else
			fprintf(f, "%%%02X", c);
	}
}

static void uri_string(FILE *f, const char *s)
{
	fputc('"', f);
	uri_path(f, s);
	fputc('"', f);
}

/* Markdown (backticks) to plain text. */
static void text_of(FILE *f, const char *md)
{
	for (; *md; md++)
		if (*md != '`')
			fputc(*md, f);
}

/* The docs' clause as a sentence: capitalised, a full stop. */
static char *sentence(const char *md, bool plain)
{
	char *s = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&s, &n);

	if (plain)
		text_of(m, md);
	else
		fputs(md, m);
	fputc('.', m);
	fclose(m);
	if (s[0] == '`' && s[1])
		s[1] = toupper((unsigned char)s[1]);
	else
		s[0] = toupper((unsigned char)s[0]);
	return s;
}

static void text_prop(FILE *f, const char *key, const char *s)
{
	fprintf(f, "\"%s\": {\"text\": ", key);
	json_string(f, s);
	fputc('}', f);
}

/* unhooked-map -> UnhookedMap (SARIF's rule name: an identifier) */
static void rule_name(FILE *f, const char *check)
{
	bool up = true;

	fputc('"', f);
	for (; *check; check++) {
		if (*check == '-') {
			up = true;
			continue;
		}
		fputc(up ? toupper((unsigned char)*check) : *check, f);
		up = false;
	}
	fputc('"', f);
}

static void rule(FILE *f, const struct check_doc *d)
{
	char *when = sentence(d->when, true), *when_md = sentence(d->when, false);
	char *full = NULL, *help = NULL, *md = NULL, *where = NULL;
	size_t n;
	FILE *m;

	m = open_memstream(&where, &n);
	text_of(m, d->where);
	fclose(m);
	m = open_memstream(&full, &n);
	fprintf(m, "%s The finding is at %s.", when, where);
	fclose(m);
	m = open_memstream(&help, &n);
	fprintf(m, "%s\nThe finding is at %s.\n\nEvery MMIO mapping must be announced to the "
		"hypervisor through the spec's hooks (pKVM MMIO guard). The code flows show who "
		"reaches the function: exported symbols, initcalls, probe functions and callbacks, "
		"down to the finding.\n\nReference: docs/checker.md, \"Checks\", in ioguard (%s).",
		when, where, IOGUARD_URL);
	fclose(m);
	m = open_memstream(&md, &n);
	fprintf(m, "**ioguard-%s**: %s\n\nThe finding is at %s.\n\nEvery MMIO mapping must be "
		"announced to the hypervisor through the spec's hooks (pKVM MMIO guard). The code "
		"flows show who reaches the function: exported symbols, initcalls, probe functions "
		"and callbacks, down to the finding.\n\nReference: `docs/checker.md`, \"Checks\", "
		"in [ioguard](%s).", d->name, when_md, d->where, IOGUARD_URL);
	fclose(m);
	fputs("          {\"id\": \"ioguard-", f);
	fputs(d->name, f);
	fputs("\", \"name\": ", f);
	rule_name(f, d->name);
	fputs(",\n           ", f);
	text_prop(f, "shortDescription", when);
	fputs(",\n           ", f);
	text_prop(f, "fullDescription", full);
	fputs(",\n           \"help\": {\"text\": ", f);
	json_string(f, help);
	fputs(", \"markdown\": ", f);
	json_string(f, md);
	fputs("},\n           \"defaultConfiguration\": {\"level\": \"warning\"},\n"
	      "           \"properties\": {\"tags\": [\"security\", \"mmio\"]}}", f);
	free(when);
	free(where);
	free(when_md);
	free(full);
	free(help);
	free(md);
}

static int rule_index(const char *check)
{
	int i;

	for (i = 0; check_docs[i].name; i++)
		if (!strcmp(check_docs[i].name, check))
			return i;
	return -1;
}

/* Where a finding is, as SARIF wants it: a character column, and the
 * line and its neighbours as snippets (sparse's columns are display
 * columns: the tree converts). Nothing but the line without the tree. */
struct place {
	int line, col;
	char *snippet, *context;	/* from col to the end of the line; 2 lines around */
	int first, last;		/* the context's lines */
};

static void place_read(struct place *p, const char *tree, const struct finding *x)
{
	struct source s;
	const char *text;
	size_t len, skip;
	int n;
	FILE *m;

	memset(p, 0, sizeof(*p));
	p->line = x->line;
	if (source_open(&s, tree, x->file))
		return;
	text = source_line(&s, x->line, &len);
	skip = text ? source_offset(text, len, x->col) : 0;
	if (text && skip < len) {
		p->col = source_chars(text, skip) + 1;
		p->snippet = strndup(text + skip, len - skip);
		p->first = x->line > 2 ? x->line - 2 : 1;
		p->last = x->line + 2 <= s.nlines ? x->line + 2 : s.nlines;
		m = open_memstream(&p->context, &len);
		for (n = p->first; n <= p->last; n++) {
			text = source_line(&s, n, &skip);
			fprintf(m, "%.*s\n", (int)skip, text);
		}
		fclose(m);
	}
	source_close(&s);
}

static void place_free(struct place *p)
{
	free(p->snippet);
	free(p->context);
}

static void physical(FILE *f, const char *file, int line, int col)
{
	fputs("{\"artifactLocation\": {\"uri\": ", f);
	uri_string(f, file);
	fputs(", \"uriBaseId\": \"SRCROOT\"}", f);
	if (line > 0) {
		fprintf(f, ", \"region\": {\"startLine\": %d", line);
		if (col > 0)
			fprintf(f, ", \"startColumn\": %d", col);
		fputc('}', f);
	}
	fputc('}', f);
}

/* The finding's own location, snippets included when the tree has them. */
static void finding_physical(FILE *f, const char *file, const struct place *p)
{
	if (!p->snippet) {
		physical(f, file, p->line, 0);
		return;
	}
	fputs("{\"artifactLocation\": {\"uri\": ", f);
	uri_string(f, file);
	fprintf(f, ", \"uriBaseId\": \"SRCROOT\"},\n         \"region\": {\"startLine\": %d, "
		"\"startColumn\": %d, \"snippet\": {\"text\": ", p->line, p->col);
	json_string(f, p->snippet);
	fprintf(f, "}},\n         \"contextRegion\": {\"startLine\": %d, \"endLine\": %d, "
		"\"snippet\": {\"text\": ", p->first, p->last);
	json_string(f, p->context);
	fputs("}}}", f);
}

static const char *root_words(const char *kind)
{
	static const char *const words[][2] = {
		{ "export", "an exported symbol" }, { "initcall", "an initcall" },
		{ "probe", "a driver probe function" }, { "callback", "a callback (its address is taken)" },
		{ "entry", "an entry point" }, { "uncalled", "a function no call reaches" },
		{ "depth", "as far up as the audit followed callers" },
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (!strcmp(kind, words[i][0]))
			return words[i][1];
	return kind;
}

/* One chain: a code flow of one thread flow, root first, the finding last. */
static void code_flow(FILE *f, const struct finding *x, const struct chain *c,
		      const struct place *p)
{
	char *msg = NULL;
	size_t n;
	FILE *m;
	int i;

	m = open_memstream(&msg, &n);
	fprintf(m, "%s, %s, reaches %s.", c->steps[0].fn, root_words(c->kind), x->fn);
	fclose(m);
	fputs("        {", f);
	text_prop(f, "message", msg);
	fputs(", \"threadFlows\": [{\"locations\": [\n", f);
	free(msg);
	for (i = 0; i < c->nsteps; i++) {
		const char *callee = i + 1 < c->nsteps ? c->steps[i + 1].fn : x->fn;

		m = open_memstream(&msg, &n);
		fprintf(m, "%s calls %s.", c->steps[i].fn, callee);
		fclose(m);
		fputs("          {\"location\": {\"physicalLocation\": ", f);
		physical(f, c->steps[i].file, c->steps[i].line, 0);
		fputs(", ", f);
		text_prop(f, "message", msg);
		fprintf(f, "}, \"kinds\": [\"call\"], \"nestingLevel\": %d, \"executionOrder\": %d},\n",
			i, i + 1);
		free(msg);
	}
	m = open_memstream(&msg, &n);
	fprintf(m, "In %s: [ioguard-%s].", x->fn, x->check);
	fclose(m);
	fputs("          {\"location\": {\"physicalLocation\": ", f);
	physical(f, x->file, p->line, p->col);
	fputs(", ", f);
	text_prop(f, "message", msg);
	fprintf(f, "}, \"nestingLevel\": %d, \"executionOrder\": %d}\n        ]}]}",
		c->nsteps, c->nsteps + 1);
	free(msg);
}

static void result(FILE *f, const struct report *r, const struct finding *x, const char *tree)
{
	int idx = rule_index(x->check), i;
	size_t len = strlen(x->message);
	struct place p;
	char *msg = NULL;
	size_t n;
	FILE *m = open_memstream(&msg, &n);

	place_read(&p, tree, x);
	fprintf(m, "%s%s", x->message, len && x->message[len - 1] == '.' ? "" : ".");
	fclose(m);
	fprintf(f, "      {\"ruleId\": \"ioguard-%s\", ", x->check);
	if (idx >= 0)
		fprintf(f, "\"ruleIndex\": %d, ", idx);
	fputs("\"level\": \"warning\",\n       ", f);
	text_prop(f, "message", msg);
	free(msg);
	fputs(",\n       \"locations\": [{\"physicalLocation\": ", f);
	finding_physical(f, x->file, &p);
	fputs(",\n        \"logicalLocations\": [{\"name\": ", f);
	json_string(f, x->fn);
	fputs(", \"kind\": \"function\"}]}],\n", f);
	fprintf(f, "       \"partialFingerprints\": {\"" FP_KEY "\": \"%s\"},\n", x->fingerprint);
	if (r->baseline)
		fprintf(f, "       \"baselineState\": \"%s\",\n", x->in_baseline ? "unchanged" : "new");
	if (x->nchains) {
		fputs("       \"codeFlows\": [\n", f);
		for (i = 0; i < x->nchains; i++) {
			code_flow(f, x, &x->chains[i], &p);
			fputs(i + 1 < x->nchains ? ",\n" : "\n", f);
		}
		fputs("       ],\n", f);
	}
	fputs("       \"properties\": {\"function\": ", f);
	json_string(f, x->fn);
	fputs(", \"subsystem\": ", f);
	json_string(f, x->subsystem);
	fputs(", \"unit\": ", f);
	json_string(f, x->unit);
	fprintf(f, ", \"callers\": %d}}", x->ncallers);
	place_free(&p);
}

/* Units not (fully) checked: the tool's notifications, not results. */
static void notification(FILE *f, const struct unit_note *u)
{
	bool failed = !strcmp(u->state, "failed");
	char *msg = NULL;
	size_t n;
	FILE *m = open_memstream(&msg, &n);

	fprintf(m, failed ? "%s was not checked: %s" : "%s was checked, but sparse reported "
		"errors (its findings may be incomplete): %s", u->path, u->reason);
	fclose(m);
	fprintf(f, "        {\"descriptor\": {\"id\": \"%s\", \"index\": %d}, \"level\": \"%s\",\n"
		"         ", failed ? "ioguard-unit-not-checked" : "ioguard-unit-error",
		failed ? 1 : 0, failed ? "warning" : "note");
	text_prop(f, "message", msg);
	fputs(",\n         \"locations\": [{\"physicalLocation\": ", f);
	physical(f, u->path, 0, 0);
	fputs("}]}", f);
	free(msg);
}

/* GitHub wants the full set of texts on these descriptors too. */
static void notification_descriptor(FILE *f, const char *id, const char *name,
				    const char *text, bool last)
{
	fprintf(f, "          {\"id\": \"%s\", \"name\": \"%s\",\n           ", id, name);
	text_prop(f, "shortDescription", text);
	fputs(", ", f);
	text_prop(f, "fullDescription", text);
	fputs(",\n           \"help\": {\"text\": ", f);
	json_string(f, text);
	fputs(", \"markdown\": ", f);
	json_string(f, text);
	fputs(last ? "}}\n" : "}},\n", f);
}

static void notification_descriptors(FILE *f)
{
	fputs("        \"notifications\": [\n", f);
	notification_descriptor(f, "ioguard-unit-error", "UnitError",
		"A unit was checked, but sparse reported errors in it: its findings may be "
		"incomplete. The unit's first error is in the message.", false);
	notification_descriptor(f, "ioguard-unit-not-checked", "UnitNotChecked",
		"A unit could not be checked: sparse failed, printed nothing or timed out on "
		"it. Its findings are missing; the reason is in the message.", true);
	fputs("        ],\n", f);
}

static void src_root(FILE *f, const char *tree)
{
	fputs("      \"originalUriBaseIds\": {\"SRCROOT\": {", f);
	if (tree && tree[0] == '/') {
		/* a directory's URI ends in '/' */
		fputs("\"uri\": \"file://", f);
		uri_path(f, tree);
		fputs(tree[strlen(tree) - 1] == '/' ? "\", " : "/\", ", f);
	}
	fputs("\"description\": {\"text\": \"The kernel tree audited.\"}}},\n", f);
}

void report_sarif(FILE *f, const struct report *r, const char *tree)
{
	int i;

	if (!tree)
		tree = r->tree;
	fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	      "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
	      "      \"tool\": {\n        \"driver\": {\n"
	      "        \"name\": \"ioguard\", \"version\": \"" IOGUARD_VERSION "\", "
	      "\"semanticVersion\": \"" IOGUARD_VERSION "\",\n"
	      "        \"informationUri\": \"" IOGUARD_URL "\",\n", f);
	notification_descriptors(f);
	fputs("        \"rules\": [\n", f);
	for (i = 0; check_docs[i].name; i++) {
		rule(f, &check_docs[i]);
		fputs(check_docs[i + 1].name ? ",\n" : "\n", f);
	}
	fputs("        ]\n      }},\n", f);
	fputs("      \"invocations\": [{\"executionSuccessful\": true, "
	      "\"toolExecutionNotifications\": [\n", f);
	for (i = 0; i < r->nnotes; i++) {
		notification(f, &r->notes[i]);
		fputs(i + 1 < r->nnotes ? ",\n" : "\n", f);
	}
	fputs("      ]}],\n", f);
	src_root(f, r->tree);
	fputs("      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [\n", f);
	for (i = 0; i < r->nfindings; i++) {
		result(f, r, &r->findings[i], tree);
		fputs(i + 1 < r->nfindings ? ",\n" : "\n", f);
	}
	fputs("      ],\n      \"properties\": {\"arch\": ", f);
	json_string(f, r->arch);
	fprintf(f, ", \"callerDepth\": %d, \"units\": {\"listed\": %d, \"checked\": %d, "
		"\"skipped\": %d, \"errors\": %d, \"notChecked\": %d}}\n    }\n  ]\n}\n",
		r->depth, r->listed, r->checked, r->skipped, r->errors, r->failed);
}
