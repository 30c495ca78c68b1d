// SPDX-License-Identifier: GPL-2.0
/*
 * Arch backends for `ioguard gen`: one directory per backend under
 * src/backends/, holding backend.conf (data: arch, ABI numbers, Kconfig
 * symbol, which files each patch creates or edits) and the templates
 * those edits insert. backend.conf is read here, one record a line, each
 * keyword with its handler in keywords[]; docs/gen.md describes them.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"
#include "ioguard.h"

#define MAX_VARIANTS 8

/* backend.conf being read. */
struct loader {
	struct gen_backend *b;
	const char *tree, *path;
	int lineno;
	const char *tag;	/* the line's [VARIANT], or NULL */
	char *err;
	size_t errlen;
	/* Kept until the whole file is read: the variants, in order (the
	 * first whose condition holds is the tree's), and the records that
	 * apply to one variant only. */
	struct { char *name, *cond, *file, *needle; } variants[MAX_VARIANTS];
	int nvariants;
	struct { char *variant, *a, *b; } tagged[2 * GEN_MAX_WORDS];
	int ntagged;
};

static void errf(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* "backend.conf:LINE: message"; returns -1. */
static int fail(struct loader *l, const char *fmt, ...)
{
	size_t n;
	va_list ap;

	snprintf(l->err, l->errlen, "%s:%d: ", l->path, l->lineno);
	n = strlen(l->err);
	va_start(ap, fmt);
	vsnprintf(l->err + n, l->errlen - n, fmt, ap);
	va_end(ap);
	return -1;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* Split a line into words; "..." quotes a word (with \", \\, \n, \t). */
static int split(char *line, char **words, int max)
{
	int n = 0;
	char *p = line, *o;

	while (*p) {
		while (isspace((unsigned char)*p))
			p++;
		if (!*p || *p == '#')
			break;
		if (n == max)
			return -1;
		if (*p != '"') {
			words[n++] = p;
			while (*p && !isspace((unsigned char)*p))
				p++;
			if (*p)
				*p++ = '\0';
			continue;
		}
		words[n++] = o = ++p;
		while (*p && *p != '"') {
			if (*p == '\\' && p[1]) {
				p++;
				*o++ = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p;
				p++;
			} else {
				*o++ = *p++;
			}
		}
		if (*p != '"')
			return -1;
		p++;
		*o = '\0';
	}
	return n;
}

static int tree_has(const char *tree, const char *file, const char *needle)
{
	char path[PATH_MAX];
	char *text;
	int found;

	snprintf(path, sizeof(path), "%s/%s", tree, file);
	text = read_file(path, NULL);
	if (!text)
		return 0;
	found = strstr(text, needle) != NULL;
	free(text);
	return found;
}

/*
 * Every "#define PREFIXsuffix NUMBER" in FILE: calls fn for each until
 * it returns non-zero. The number may be decimal or hex, optionally in
 * parentheses. -1 if FILE cannot be read.
 */
static int scan_defines(const char *tree, const char *file, const char *prefix,
			int (*fn)(const char *name, long value, void *arg),
			void *arg)
{
	char path[PATH_MAX];
	char *text, *line, *save = NULL;
	size_t plen = strlen(prefix);

	snprintf(path, sizeof(path), "%s/%s", tree, file);
	text = read_file(path, NULL);
	if (!text)
		return -1;
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char name[256], *p = line, *end;
		size_t n = 0;
		long v;

		while (isspace((unsigned char)*p))
			p++;
		if (strncmp(p, "#define", 7))
			continue;
		p += 7;
		while (isspace((unsigned char)*p))
			p++;
		if (strncmp(p, prefix, plen))
			continue;
		while ((isalnum((unsigned char)*p) || *p == '_') &&
		       n < sizeof(name) - 1)
			name[n++] = *p++;
		name[n] = '\0';
		while (isspace((unsigned char)*p) || *p == '(')
			p++;
		errno = 0;
		v = strtol(p, &end, 0);
		if (end == p || errno)
			continue;
		if (fn(name, v, arg))
			break;
	}
	free(text);
	return 0;
}

struct max_below {
	long max;	/* largest value seen, -1 if none */
	long below;	/* only values under this count (LONG_MAX: all) */
};

static int max_fn(const char *name, long value, void *arg)
{
	struct max_below *m = arg;

	if (value < m->below && value > m->max)
		m->max = value;
	return 0;
}

struct id_check {
	const char *want;	/* full name we give the number */
	long value;
	char clash[256];	/* set when another name holds it */
};

static int id_fn(const char *name, long value, void *arg)
{
	struct id_check *c = arg;

	if (value != c->value)
		return 0;
	if (!strcmp(name, c->want) || strstr(name, "RESV"))
		return 0;
	snprintf(c->clash, sizeof(c->clash), "%s", name);
	return 1;
}

/* The keywords' handlers: w[0] is the keyword, n counts it. */

static int kw_name(struct loader *l, char **w, int n)
{
	l->b->name = strdup(w[1]);
	return 0;
}

static int kw_arch(struct loader *l, char **w, int n)
{
	l->b->arch = strdup(w[1]);
	return 0;
}

static int kw_abi(struct loader *l, char **w, int n)
{
	l->b->abi = strdup(w[1]);
	return 0;
}

/* "default": read by backend_find(), nothing to keep. */
static int kw_default(struct loader *l, char **w, int n)
{
	return 0;
}

/* config SYM, marker FILE STRING: kept until the variant is known. */
static int kw_tagged(struct loader *l, char **w, int n)
{
	if (l->ntagged == 2 * GEN_MAX_WORDS)
		return fail(l, "too many");
	l->tagged[l->ntagged].variant = dup_or_null(l->tag);
	l->tagged[l->ntagged].a = strdup(w[1]);
	l->tagged[l->ntagged].b = n == 3 ? strdup(w[2]) : NULL;
	l->ntagged++;
	return 0;
}

static int kw_var(struct loader *l, char **w, int n)
{
	return gen_set_var(l->b, w[1], w[2]) ? fail(l, "too many variables") : 0;
}

/* var-next NAME FILE PREFIX [below M]: 1 + the largest PREFIX* number
 * under M (a range that ends where something else starts, e.g. x86's
 * KVM feature bits below KVM_FEATURE_CLOCKSOURCE_STABLE_BIT). */
static int kw_var_next(struct loader *l, char **w, int n)
{
	struct max_below m = { -1, LONG_MAX };
	char buf[32], last[128];

	if (n == 6 && !strcmp(w[4], "below"))
		m.below = strtol(w[5], NULL, 0);
	else if (n != 4)
		return fail(l, "var-next NAME FILE PREFIX [below M]");
	if (scan_defines(l->tree, w[2], w[3], max_fn, &m) || m.max < 0)
		return fail(l, "no '#define %s* N' in %s/%s", w[3], l->tree,
			    w[2]);
	if (m.max + 1 >= m.below)
		return fail(l, "no free %s* number below %ld in %s/%s", w[3],
			    m.below, l->tree, w[2]);
	snprintf(buf, sizeof(buf), "%ld", m.max + 1);
	gen_set_var(l->b, w[1], buf);
	snprintf(buf, sizeof(buf), "%ld", m.max);
	snprintf(last, sizeof(last), "%s_LAST", w[1]);
	gen_set_var(l->b, last, buf);
	return 0;
}

/* var-if NAME FILE STRING THEN ELSE: THEN when the tree's FILE has
 * STRING (a kernel feature the templates use, e.g. KUnit static stubs),
 * else ELSE. */
static int kw_var_if(struct loader *l, char **w, int n)
{
	return gen_set_var(l->b, w[1], tree_has(l->tree, w[2], w[3]) ? w[4] : w[5]) ?
	       fail(l, "too many variables") : 0;
}

/* kunit SYM: an option of the KUnit kernel `verify --run` builds (kept
 * with its [VARIANT]: the variant is picked after the whole file). */
static int kw_kunit(struct loader *l, char **w, int n)
{
	if (l->b->nkunit == 2 * GEN_MAX_WORDS)
		return fail(l, "too many kunit options");
	l->b->kunit_variant[l->b->nkunit] = dup_or_null(l->tag);
	l->b->kunit[l->b->nkunit++] = strdup(w[1]);
	return 0;
}

/* var-after NAME BASE K: BASE's value plus K. */
static int kw_var_after(struct loader *l, char **w, int n)
{
	const char *base = gen_var(l->b, w[2]);
	char buf[32];

	if (!base)
		return fail(l, "unknown variable %s", w[2]);
	snprintf(buf, sizeof(buf), "%ld",
		 strtol(base, NULL, 0) + strtol(w[3], NULL, 0));
	gen_set_var(l->b, w[1], buf);
	return 0;
}

/* id FILE PREFIX NAME N: N must be free, reserved, or already ours. */
static int kw_id(struct loader *l, char **w, int n)
{
	struct id_check c = { 0 };
	char full[256];

	snprintf(full, sizeof(full), "%s%s", w[2], w[3]);
	c.want = full;
	c.value = strtol(w[4], NULL, 0);
	if (scan_defines(l->tree, w[1], w[2], id_fn, &c))
		return fail(l, "cannot read %s/%s", l->tree, w[1]);
	if (c.clash[0]) {
		errf(l->err, l->errlen,
		     "%s/%s already defines %s as %ld; backend %s would reuse it for %s",
		     l->tree, w[1], c.clash, c.value, l->b->dir, full);
		return -1;
	}
	return 0;
}

/* variant NAME [if|unless FILE STRING] */
static int kw_variant(struct loader *l, char **w, int n)
{
	int conditional = n == 5;

	if (l->nvariants == MAX_VARIANTS || (n != 2 && !conditional) ||
	    (conditional && strcmp(w[2], "if") && strcmp(w[2], "unless")))
		return fail(l, "variant NAME [if|unless FILE STRING]");
	l->variants[l->nvariants].name = strdup(w[1]);
	l->variants[l->nvariants].cond = conditional ? strdup(w[2]) : NULL;
	l->variants[l->nvariants].file = conditional ? strdup(w[3]) : NULL;
	l->variants[l->nvariants].needle = conditional ? strdup(w[4]) : NULL;
	l->nvariants++;
	return 0;
}

/* patch N MESSAGE */
static int kw_patch(struct loader *l, char **w, int n)
{
	struct gen_patch *p = &l->b->patches[l->b->npatches];

	if (l->b->npatches == GEN_MAX_PATCHES)
		return fail(l, "too many patches");
	p->number = atoi(w[1]);
	p->variant = dup_or_null(l->tag);
	p->message = strdup(w[2]);
	l->b->npatches++;
	return 0;
}

/* create|append N PATH TEMPLATE, after|before|replace|replace-block N
 * PATH ANCHOR TEMPLATE */
static int kw_edit(struct loader *l, char **w, int n)
{
	struct gen_op *o = &l->b->ops[l->b->nops];

	if (l->b->nops == GEN_MAX_OPS || !l->b->npatches)
		return fail(l, "edit outside a patch, or too many");
	o->patch = atoi(w[1]);
	o->variant = dup_or_null(l->tag);
	o->verb = strdup(w[0]);
	o->path = strdup(w[2]);
	o->anchor = n == 5 ? strdup(w[3]) : NULL;
	o->template = strdup(w[n - 1]);
	o->line = l->lineno;
	l->b->nops++;
	return 0;
}

static const struct keyword {
	const char *name;
	int min, max;		/* words after the keyword */
	int (*parse)(struct loader *l, char **w, int n);
} keywords[] = {
	{ "name", 1, 1, kw_name },
	{ "arch", 1, 1, kw_arch },
	{ "abi", 1, 1, kw_abi },
	{ "default", 0, 0, kw_default },
	{ "config", 1, 1, kw_tagged },
	{ "marker", 2, 2, kw_tagged },
	{ "var", 2, 2, kw_var },
	{ "var-next", 3, 5, kw_var_next },
	{ "var-after", 3, 3, kw_var_after },
	{ "var-if", 5, 5, kw_var_if },
	{ "kunit", 1, 1, kw_kunit },
	{ "id", 4, 4, kw_id },
	{ "variant", 1, 4, kw_variant },
	{ "patch", 2, 2, kw_patch },
	{ "create", 3, 3, kw_edit },
	{ "append", 3, 3, kw_edit },
	{ "after", 4, 4, kw_edit },
	{ "before", 4, 4, kw_edit },
	{ "replace", 4, 4, kw_edit },
	{ "replace-block", 4, 4, kw_edit },
};

/* One line: an optional [VARIANT] tag, a keyword, its words. */
static int parse_line(struct loader *l, char *line)
{
	char *words[GEN_MAX_WORDS + 4];
	int n = split(line, words, GEN_MAX_WORDS + 4);
	size_t i, len;

	if (n < 0)
		return fail(l, "bad quoting or too many words");
	l->tag = NULL;
	if (n && words[0][0] == '[') {
		len = strlen(words[0]);
		if (len < 3 || words[0][len - 1] != ']')
			return fail(l, "bad variant tag");
		words[0][len - 1] = '\0';
		l->tag = words[0] + 1;
		memmove(words, words + 1, --n * sizeof(words[0]));
	}
	if (!n)
		return 0;
	for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
		const struct keyword *k = &keywords[i];

		if (strcmp(words[0], k->name))
			continue;
		if (n - 1 < k->min || n - 1 > k->max)
			return fail(l, k->min == k->max ? "'%s' takes %d words" :
				       "'%s' takes %d to %d words",
				    k->name, k->min, k->max);
		return k->parse(l, words, n);
	}
	return fail(l, "unknown keyword '%s'", words[0]);
}

/* The first variant whose condition holds on the tree, then the tagged
 * records of that variant. */
static int pick_variant(struct loader *l)
{
	struct gen_backend *b = l->b;
	int i;

	for (i = 0; i < l->nvariants; i++) {
		const char *cond = l->variants[i].cond;

		if (!cond)
			break;
		/* "if": the tree has the string; "unless": it has not */
		if (tree_has(l->tree, l->variants[i].file,
			     l->variants[i].needle) == !strcmp(cond, "if"))
			break;
	}
	if (l->nvariants && i == l->nvariants) {
		errf(l->err, l->errlen, "backend %s has no variant for this tree",
		     b->name);
		return -1;
	}
	b->variant = strdup(l->nvariants ? l->variants[i].name : "all");
	for (i = 0; i < l->ntagged; i++) {
		if (!gen_selected(b, l->tagged[i].variant))
			continue;
		if (!l->tagged[i].b && b->nconfigs < GEN_MAX_WORDS)
			b->configs[b->nconfigs++] = l->tagged[i].a;
		if (l->tagged[i].b && b->nmarkers < GEN_MAX_WORDS) {
			b->markers[b->nmarkers][0] = l->tagged[i].a;
			b->markers[b->nmarkers][1] = l->tagged[i].b;
			b->nmarkers++;
		}
	}
	return 0;
}

/* Parse DIR/backend.conf for TREE: variables computed from the tree, the
 * variant picked. 0, or -1 with a message in err. */
static int backend_load(struct gen_backend *b, const char *dir,
			const char *tree, char *err, size_t errlen)
{
	char path[PATH_MAX + 32], *text, *line, *nl;
	struct loader l = { .b = b, .tree = tree, .path = path, .err = err,
			    .errlen = errlen };

	memset(b, 0, sizeof(*b));
	b->dir = strdup(dir);
	snprintf(path, sizeof(path), "%s/backend.conf", dir);
	text = read_file(path, NULL);
	if (!text) {
		errf(err, errlen, "cannot read %s", path);
		return -1;
	}
	for (line = text; line; line = nl) {
		nl = strchr(line, '\n');
		if (nl)
			*nl++ = '\0';
		l.lineno++;
		if (parse_line(&l, line))
			return -1;
	}
	if (!b->name || !b->arch || !b->abi) {
		errf(err, errlen, "%s: name, arch and abi are required", path);
		return -1;
	}
	if (pick_variant(&l))
		return -1;
	gen_set_var(b, "VARIANT", b->variant);
	gen_set_var(b, "ARCH", b->arch);
	gen_set_var(b, "ABI", b->abi);
	return 0;
}

int gen_selected(const struct gen_backend *b, const char *variant)
{
	return !variant || !strcmp(variant, b->variant);
}

/* Is DIR (under root) the backend for arch and abi? Without an abi, the
 * one marked "default" is. */
static int backend_matches(const char *root, const char *dir,
			   const char *arch, const char *abi)
{
	size_t alen = strlen(arch);
	char conf[PATH_MAX], *text;
	int is_default;

	if (strncmp(dir, arch, alen) || dir[alen] != '-')
		return 0;
	if (abi)
		return !strcmp(dir + alen + 1, abi);
	snprintf(conf, sizeof(conf), "%s/%s/backend.conf", root, dir);
	text = read_file(conf, NULL);
	is_default = text && strstr(text, "\ndefault\n");
	free(text);
	return is_default;
}

/* The backend directory for arch (and abi, may be NULL), or NULL with a
 * message in err. */
static const char *backend_find(const char *arch, const char *abi, char *err,
				size_t errlen)
{
	static char found[PATH_MAX];
	const char *root = datadir("src/backends");
	struct dirent *d;
	DIR *dir = root ? opendir(root) : NULL;
	int hits = 0;

	if (!dir) {
		errf(err, errlen, "cannot open %s",
		     root ? root : "the src/backends directory");
		return NULL;
	}
	while ((d = readdir(dir))) {
		if (!backend_matches(root, d->d_name, arch, abi))
			continue;
		snprintf(found, sizeof(found), "%s/%s", root, d->d_name);
		hits++;
	}
	closedir(dir);
	if (hits != 1) {
		errf(err, errlen, hits ? "several backends for arch '%s'" :
			     abi ? "no backend for arch '%s' and abi '%s'" :
				   "no backend for arch '%s'", arch, abi);
		return NULL;
	}
	return found;
}

struct gen_backend *gen_backend_open(const char *cmd, const char *tree,
				     const char *arch, const char *abi)
{
	static struct gen_backend b;
	char err[1024];
	const char *dir = backend_find(arch, abi, err, sizeof(err));

	if (!dir || backend_load(&b, dir, tree, err, sizeof(err))) {
		fprintf(stderr, "ioguard: %s: %s\n", cmd, err);
		return NULL;
	}
	return &b;
}
