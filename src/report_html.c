// SPDX-License-Identifier: GPL-2.0
/*
 * The HTML report: one page that needs nothing but itself (styles
 * inline, pictures as inline SVG, no script, nothing fetched), so that
 * it can be archived by CI and opened offline. A summary (units, and
 * findings per check), then the findings by check, each with its source
 * excerpt read from the tree and a picture of who reaches it, then the
 * units not fully checked. Nothing in it depends on time or machine:
 * equal models and trees give equal bytes (dot's output included).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "audit_report.h"
#include "check_docs.h"
#include "ioguard.h"
#include "report_graph.h"
#include "report_source.h"

#define CONTEXT 3	/* source lines shown above and below */

static void esc_n(FILE *f, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i]; i++)
		switch (s[i]) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		case '\r': break;
		default: fputc(s[i], f);
		}
}

static void esc(FILE *f, const char *s)
{
	esc_n(f, s, strlen(s));
}

static const char style[] =
	"body{font-family:'DejaVu Sans',sans-serif;margin:1.5em auto;max-width:72em;padding:0 1em;"
	"color:#1d1d1d;background:#fff;line-height:1.4}\n"
	"h1{font-size:1.6em;margin:0 0 .2em}h2{border-bottom:2px solid #5a7394;padding-bottom:.1em;"
	"margin-top:1.6em}h3{font-size:1.05em;margin:0 0 .4em}\n"
	"code,pre{font-family:'DejaVu Sans Mono',monospace;font-size:.9em}\n"
	"table{border-collapse:collapse;margin:.5em 1.5em .5em 0;display:inline-table;"
	"vertical-align:top}\n"
	"th,td{border:1px solid #c9d2de;padding:.2em .7em;text-align:left}td.n{text-align:right}\n"
	"th{background:#eef2f7}tr.total td{font-weight:bold}\n"
	".finding{border:1px solid #c9d2de;border-left:5px solid #a02c2c;border-radius:4px;"
	"padding:.8em 1em;margin:1em 0}\n"
	".finding.known{border-left-color:#8a8a8a}\n"
	".badge{display:inline-block;padding:0 .5em;border-radius:3px;background:#a02c2c;"
	"color:#fff;font-size:.85em;margin-right:.4em}.known .badge{background:#8a8a8a}\n"
	".msg{margin:.3em 0}.facts{color:#4a4a4a;font-size:.9em;margin:.3em 0}\n"
	"pre.src{background:#f7f7f4;border:1px solid #e0e0d8;padding:.4em 0;overflow-x:auto;"
	"tab-size:8;-moz-tab-size:8}\n"
	"pre.src span{display:block;padding:0 .6em}pre.src .hit{background:#fbe3a8}\n"
	"pre.src .ln{display:inline;color:#8a8a8a;padding:0 .8em 0 0;user-select:none}\n"
	"figure.graph{margin:.5em 0}figure.graph svg{max-width:100%;height:auto}\n"
	"figcaption{font-size:.85em;color:#4a4a4a}\n"
	"ol.chains{font-size:.9em;padding-left:1.6em}ol.chains .kind{font-weight:bold}\n"
	".empty{color:#3d7a3d;font-weight:bold}\n"
	"footer{margin-top:2em;color:#8a8a8a;font-size:.85em}\n";

static int count(const struct report *r, const char *check, int known)
{
	int i, n = 0;

	for (i = 0; i < r->nfindings; i++)
		if ((!check || !strcmp(r->findings[i].check, check)) &&
		    (known < 0 || r->findings[i].in_baseline == known))
			n++;
	return n;
}

static void unit_row(FILE *f, const char *id, const char *what, int n)
{
	fprintf(f, "<tr><th>%s</th><td class=\"n\" id=\"units-%s\">%d</td></tr>\n", what, id, n);
}

static void check_row(FILE *f, const struct report *r, const char *check)
{
	fputs("<tr><td>", f);
	if (count(r, check, -1)) {
		fputs("<a href=\"#check-", f);
		esc(f, check);
		fputs("\">", f);
		esc(f, check);
		fputs("</a>", f);
	} else {
		esc(f, check);
	}
	fputs("</td><td class=\"n\" id=\"count-", f);
	esc(f, check);
	fprintf(f, "\">%d</td>", count(r, check, -1));
	if (r->baseline)
		fprintf(f, "<td class=\"n\">%d</td><td class=\"n\">%d</td>", count(r, check, 0),
			count(r, check, 1));
	fputs("</tr>\n", f);
}

static bool documented(const char *check)
{
	int i;

	for (i = 0; check_docs[i].name; i++)
		if (!strcmp(check_docs[i].name, check))
			return true;
	return false;
}

static void summary(FILE *f, const struct report *r)
{
	int i, j;

	fputs("<section id=\"summary\">\n<h2>Summary</h2>\n<table id=\"units\">\n", f);
	unit_row(f, "listed", "units the config builds", r->listed);
	unit_row(f, "checked", "checked", r->checked);
	unit_row(f, "skipped", "skipped by the prefilter", r->skipped);
	unit_row(f, "errors", "with sparse errors", r->errors);
	unit_row(f, "not-checked", "not checked", r->failed);
	fputs("</table>\n<table id=\"checks\">\n<tr><th>check</th><th>findings</th>", f);
	if (r->baseline)
		fputs("<th>new</th><th>in the baseline</th>", f);
	fputs("</tr>\n", f);
	for (i = 0; check_docs[i].name; i++)
		check_row(f, r, check_docs[i].name);
	/* a check the index knows but this build does not document */
	for (i = 0; i < r->nfindings; i++) {
		for (j = 0; j < i && strcmp(r->findings[j].check, r->findings[i].check); j++)
			;
		if (j == i && !documented(r->findings[i].check))
			check_row(f, r, r->findings[i].check);
	}
	fprintf(f, "<tr class=\"total\"><td>total</td><td class=\"n\" id=\"count-total\">%d</td>",
		r->nfindings);
	if (r->baseline)
		fprintf(f, "<td class=\"n\" id=\"count-new\">%d</td><td class=\"n\">%d</td>",
			r->nnew, r->nfindings - r->nnew);
	fputs("</tr>\n</table>\n</section>\n", f);
}

/* A source line, tabs expanded as sparse counts them (to 8): the line
 * numbers in front would shift the browser's own tab stops. */
static void source_text(FILE *f, const char *line, size_t len)
{
	int display = 1;
	size_t i;

	for (i = 0; i < len; i++) {
		if (line[i] == '\t') {
			do
				fputc(' ', f);
			while (display++ % 8);
			continue;
		}
		esc_n(f, line + i, 1);
		display++;
	}
}

static void excerpt(FILE *f, const char *tree, const struct finding *x)
{
	struct source s;
	const char *line;
	size_t len;
	int n;

	if (source_open(&s, tree, x->file)) {
		fputs("<p class=\"facts\">(the source is not in the tree this page was written from)</p>\n", f);
		return;
	}
	fputs("<pre class=\"src\">", f);
	for (n = x->line - CONTEXT; n <= x->line + CONTEXT; n++) {
		if (!(line = source_line(&s, n, &len)))
			continue;
		fprintf(f, "<span%s><span class=\"ln\">%5d</span>", n == x->line ? " class=\"hit\"" : "", n);
		source_text(f, line, len);
		fputs("\n</span>", f);
	}
	fputs("</pre>\n", f);
	source_close(&s);
}

static void chains(FILE *f, const struct finding *x)
{
	int i, j;

	fputs("<ol class=\"chains\">\n", f);
	for (i = 0; i < x->nchains; i++) {
		const struct chain *c = &x->chains[i];

		fputs("<li><span class=\"kind\">", f);
		esc(f, c->kind);
		fputs("</span> ", f);
		for (j = 0; j < c->nsteps; j++) {
			esc(f, c->steps[j].fn);
			fputs(" <code>(", f);
			esc(f, c->steps[j].file);
			fprintf(f, ":%d)</code> &rarr; ", c->steps[j].line);
		}
		esc(f, x->fn);
		fputs("</li>\n", f);
	}
	fputs("</ol>\n", f);
}

static void finding(FILE *f, const struct finding *x, const char *tree, bool dot)
{
	char *svg;

	fprintf(f, "<article class=\"finding%s\" id=\"f-%s\" data-fingerprint=\"%s\">\n<h3>",
		x->in_baseline ? " known" : "", x->fingerprint, x->fingerprint);
	fputs("<span class=\"badge\">", f);
	esc(f, x->check);
	fputs("</span> <code class=\"loc\">", f);
	esc(f, x->file);
	fprintf(f, ":%d:%d</code> in <code>", x->line, x->col);
	esc(f, x->fn);
	fputs("</code></h3>\n<p class=\"msg\">", f);
	esc(f, x->message);
	fputs("</p>\n<p class=\"facts\">subsystem <code>", f);
	esc(f, x->subsystem);
	fputs("</code>, unit <code>", f);
	esc(f, x->unit);
	fprintf(f, "</code>, reached through %d caller%s, fingerprint <code>%s</code>%s</p>\n",
		x->ncallers, x->ncallers == 1 ? "" : "s", x->fingerprint,
		x->in_baseline ? ", in the baseline" : "");
	excerpt(f, tree, x);
	if (x->nchains) {
		svg = dot ? graph_svg(x) : NULL;
		if (svg) {
			fputs("<figure class=\"graph\">\n", f);
			fputs(svg, f);
			fputs("\n<figcaption>Who reaches it: roots (green) through their callees to ", f);
			esc(f, x->fn);
			fputs(" (amber) and its finding (red); edges are labelled with the line of the "
			      "call.</figcaption>\n</figure>\n", f);
			free(svg);
		} else {
			fputs("<p class=\"facts\">(no picture: graphviz's dot was not available when this "
			      "page was written)</p>\n", f);
		}
		chains(f, x);
	}
	fputs("</article>\n", f);
}

/* Findings by check, in the order the summary lists the checks. */
static void findings(FILE *f, const struct report *r, const char *tree, bool dot)
{
	const char *done[64];
	int ndone = 0, i, j, k;

	fputs("<section id=\"findings\">\n<h2>Findings</h2>\n", f);
	if (!r->nfindings)
		fputs("<p class=\"empty\">No findings.</p>\n", f);
	for (i = 0; i < r->nfindings; i++) {
		const char *check = r->findings[i].check;

		for (j = 0; j < ndone && strcmp(done[j], check); j++)
			;
		if (j < ndone || ndone == 64)
			continue;
		done[ndone++] = check;
	}
	/* documented checks first, in checks.def's order */
	for (i = 0; i < ndone; i++)
		for (j = i + 1; j < ndone; j++) {
			int a = -1, b = -1;

			for (k = 0; check_docs[k].name; k++) {
				if (!strcmp(check_docs[k].name, done[i]))
					a = k;
				if (!strcmp(check_docs[k].name, done[j]))
					b = k;
			}
			if ((unsigned)b < (unsigned)a) {
				const char *t = done[i];

				done[i] = done[j];
				done[j] = t;
			}
		}
	for (i = 0; i < ndone; i++) {
		fputs("<section class=\"check\" id=\"check-", f);
		esc(f, done[i]);
		fputs("\">\n<h2>", f);
		esc(f, done[i]);
		fputs("</h2>\n", f);
		for (k = 0; check_docs[k].name; k++)
			if (!strcmp(check_docs[k].name, done[i])) {
				fputs("<p>Reported when ", f);
				esc(f, check_docs[k].when);
				fputs("; at ", f);
				esc(f, check_docs[k].where);
				fputs(".</p>\n", f);
			}
		for (j = 0; j < r->nfindings; j++)
			if (!strcmp(r->findings[j].check, done[i]))
				finding(f, &r->findings[j], tree, dot);
		fputs("</section>\n", f);
	}
	fputs("</section>\n", f);
}

static void notes(FILE *f, const struct report *r)
{
	int i;

	if (!r->nnotes)
		return;
	fputs("<section id=\"notes\">\n<h2>Units not fully checked</h2>\n"
	      "<table>\n<tr><th>unit</th><th>state</th><th>reason</th></tr>\n", f);
	for (i = 0; i < r->nnotes; i++) {
		fputs("<tr><td><code>", f);
		esc(f, r->notes[i].path);
		fputs("</code></td><td>", f);
		esc(f, r->notes[i].state);
		fputs("</td><td><code>", f);
		esc(f, r->notes[i].reason);
		fputs("</code></td></tr>\n", f);
	}
	fputs("</table>\n</section>\n", f);
}

void report_html(FILE *f, const struct report *r, const char *tree)
{
	bool dot = graph_available();
	int i, pictures = 0;

	if (!tree)
		tree = r->tree;
	for (i = 0; i < r->nfindings; i++)
		pictures += r->findings[i].nchains > 0;
	if (pictures && !dot)
		fprintf(stderr, "ioguard: audit: graphviz's dot is not installed: the HTML report "
			"has no call graphs (Debian: apt-get install graphviz)\n");
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<title>ioguard audit: ", f);
	esc(f, r->tree);
	fputs(" (", f);
	esc(f, r->arch);
	fprintf(f, ")</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>ioguard audit</h1>\n"
		"<p>Tree <code id=\"tree\">", style);
	esc(f, r->tree);
	fputs("</code>, arch <b id=\"arch\">", f);
	esc(f, r->arch);
	fprintf(f, "</b>; callers followed %d levels up.%s</p>\n</header>\n", r->depth,
		r->baseline ? " Compared with a baseline: findings in it are greyed." : "");
	summary(f, r);
	findings(f, r, tree, dot);
	notes(f, r);
	fputs("<footer>Written by ioguard " IOGUARD_VERSION " (<code>ioguard audit --format html</code>)."
	      "</footer>\n</body>\n</html>\n", f);
}
