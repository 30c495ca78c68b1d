// SPDX-License-Identifier: GPL-2.0
/*
 * Arch backends for `ioguard gen`: one directory per backend under
 * src/backends/, holding backend.conf (data: arch, ABI numbers, Kconfig
 * symbol, which files each patch creates or edits) and the templates
 * those edits insert. docs/gen.md describes the format.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>

#include "gen.h"
#include "ioguard.h"

static void errf(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t n = 0, cap = 65536, got;
	char *buf;

	if (!f)
		return NULL;
	buf = malloc(cap + 1);
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap + 1);
		}
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

/* Write through a temporary file and rename, so that a hard link to a
 * pristine tree is replaced rather than written through. */
int write_file(const char *path, const char *text, size_t len)
{
	char tmp[PATH_MAX];
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s.ioguard-tmp", path);
	f = fopen(tmp, "wb");
	if (!f)
		return -1;
	if (fwrite(text, 1, len, f) != len) {
		fclose(f);
		unlink(tmp);
		return -1;
	}
	if (fclose(f) || rename(tmp, path)) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

int mkdirs(const char *path)
{
	char buf[PATH_MAX];
	char *p;

	snprintf(buf, sizeof(buf), "%s", path);
	for (p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0777) && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(buf, 0777) && errno != EEXIST)
		return -1;
	return 0;
}

const char *q(const char *s)
{
	static char ring[8][PATH_MAX * 2];
	static int next;
	char *out = ring[next++ % 8], *o = out;

	*o++ = '\'';
	for (; *s && o < out + sizeof(ring[0]) - 6; s++) {
		if (*s == '\'') {
			memcpy(o, "'\\''", 4);
			o += 4;
		} else {
			*o++ = *s;
		}
	}
	*o++ = '\'';
	*o = '\0';
	return out;
}

static char *vformat(const char *fmt, va_list ap)
{
	va_list ap2;
	int n;
	char *buf;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	buf = malloc(n + 1);
	vsnprintf(buf, n + 1, fmt, ap);
	return buf;
}

int sh(const char *fmt, ...)
{
	va_list ap;
	char *cmd;
	int rc;

	va_start(ap, fmt);
	cmd = vformat(fmt, ap);
	va_end(ap);
	{
		char *argv[] = { "sh", "-c", cmd, NULL };

		rc = run_command(argv);
	}
	free(cmd);
	return rc;
}

char *sh_output(const char *fmt, ...)
{
	va_list ap;
	char *cmd, *out;
	size_t n = 0, cap = 4096, got;
	FILE *p;

	va_start(ap, fmt);
	cmd = vformat(fmt, ap);
	va_end(ap);
	p = popen(cmd, "r");
	free(cmd);
	if (!p)
		return NULL;
	out = malloc(cap + 1);
	while ((got = fread(out + n, 1, cap - n, p)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			out = realloc(out, cap + 1);
		}
	}
	out[n] = '\0';
	if (pclose(p)) {
		free(out);
		return NULL;
	}
	while (n && out[n - 1] == '\n')
		out[--n] = '\0';
	return out;
}

/* Split a line into words; "..." quotes a word (with \" and \\). */
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
		if (*p == '"') {
			words[n++] = o = ++p;
			while (*p && *p != '"') {
				if (*p == '\\' && p[1]) {
					p++;
					*o++ = *p == 'n' ? '\n' :
					       *p == 't' ? '\t' : *p;
					p++;
					continue;
				}
				*o++ = *p++;
			}
			if (*p != '"')
				return -1;
			p++;
			*o = '\0';
		} else {
			words[n++] = p;
			while (*p && !isspace((unsigned char)*p))
				p++;
			if (*p)
				*p++ = '\0';
		}
	}
	return n;
}

const char *gen_var(const struct gen_backend *b, const char *name)
{
	int i;

	for (i = 0; i < b->nvars; i++)
		if (!strcmp(b->vars[i].name, name))
			return b->vars[i].value;
	return NULL;
}

int gen_set_var(struct gen_backend *b, const char *name, const char *value)
{
	int i;

	for (i = 0; i < b->nvars; i++) {
		if (!strcmp(b->vars[i].name, name)) {
			free(b->vars[i].value);
			b->vars[i].value = strdup(value);
			return 0;
		}
	}
	if (b->nvars == GEN_MAX_VARS)
		return -1;
	b->vars[b->nvars].name = strdup(name);
	b->vars[b->nvars].value = strdup(value);
	b->nvars++;
	return 0;
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
 * Every "#define PREFIXsuffix NUMBER" in FILE: calls fn for each. The
 * number may be decimal or hex, optionally in parentheses.
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
	const char *clash;	/* set when another name holds it */
	char clash_buf[256];
};

static int id_fn(const char *name, long value, void *arg)
{
	struct id_check *c = arg;

	if (value != c->value)
		return 0;
	if (!strcmp(name, c->want) || strstr(name, "RESV"))
		return 0;
	snprintf(c->clash_buf, sizeof(c->clash_buf), "%s", name);
	c->clash = c->clash_buf;
	return 1;
}

static int op_verb_ok(const char *v)
{
	return !strcmp(v, "create") || !strcmp(v, "after") ||
	       !strcmp(v, "before") || !strcmp(v, "replace") ||
	       !strcmp(v, "append") || !strcmp(v, "replace-block");
}

int gen_backend_load(struct gen_backend *b, const char *dir, const char *tree,
		     char *err, size_t errlen)
{
	char path[PATH_MAX];
	char *text, *line, *words[GEN_MAX_WORDS + 4];
	int lineno = 0, n, i;
	/* Deferred: variants are chosen after the whole file is read. */
	struct { char *name, *cond, *file, *needle; } variants[8];
	int nvariants = 0;
	struct { char *variant, *a, *b; } tagged[2 * GEN_MAX_WORDS];
	int nrtag = 0;

	memset(b, 0, sizeof(*b));
	b->dir = strdup(dir);
	snprintf(path, sizeof(path), "%s/backend.conf", dir);
	text = read_file(path, NULL);
	if (!text) {
		errf(err, errlen, "cannot read %s", path);
		return -1;
	}
	for (line = text; line && *line; ) {
		char *nl = strchr(line, '\n');
		char *variant = NULL;

		if (nl)
			*nl = '\0';
		lineno++;
		n = split(line, words, GEN_MAX_WORDS + 4);
		line = nl ? nl + 1 : NULL;
		if (n < 0) {
			errf(err, errlen, "%s:%d: bad quoting or too many words",
			     path, lineno);
			return -1;
		}
		if (n == 0)
			continue;
		if (words[0][0] == '[') {
			size_t l = strlen(words[0]);

			if (l < 3 || words[0][l - 1] != ']') {
				errf(err, errlen, "%s:%d: bad variant tag", path,
				     lineno);
				return -1;
			}
			words[0][l - 1] = '\0';
			variant = words[0] + 1;
			for (i = 1; i < n; i++)
				words[i - 1] = words[i];
			n--;
			if (!n)
				continue;
		}
#define NEED(k) do { if (n != (k)) { errf(err, errlen, \
	"%s:%d: '%s' takes %d words", path, lineno, words[0], (k) - 1); \
	return -1; } } while (0)
		if (!strcmp(words[0], "name")) {
			NEED(2);
			b->name = strdup(words[1]);
		} else if (!strcmp(words[0], "arch")) {
			NEED(2);
			b->arch = strdup(words[1]);
		} else if (!strcmp(words[0], "abi")) {
			NEED(2);
			b->abi = strdup(words[1]);
		} else if (!strcmp(words[0], "default")) {
			NEED(1);
		} else if (!strcmp(words[0], "config") ||
			   !strcmp(words[0], "marker")) {
			int is_config = words[0][0] == 'c';

			NEED(is_config ? 2 : 3);
			if (nrtag == 2 * GEN_MAX_WORDS) {
				errf(err, errlen, "%s:%d: too many", path,
				     lineno);
				return -1;
			}
			tagged[nrtag].variant = variant ? strdup(variant) : NULL;
			tagged[nrtag].a = strdup(words[1]);
			tagged[nrtag].b = is_config ? NULL : strdup(words[2]);
			nrtag++;
		} else if (!strcmp(words[0], "var")) {
			NEED(3);
			gen_set_var(b, words[1], words[2]);
		} else if (!strcmp(words[0], "var-next")) {
			/* var-next NAME FILE PREFIX [below N]: 1 + the largest
			 * PREFIX* number under N (a range that ends where
			 * something else starts, e.g. x86's KVM feature bits
			 * below KVM_FEATURE_CLOCKSOURCE_STABLE_BIT). */
			struct max_below m = { -1, LONG_MAX };
			char buf[32], last[128];

			if (n == 6 && !strcmp(words[4], "below"))
				m.below = strtol(words[5], NULL, 0);
			else
				NEED(4);
			if (scan_defines(tree, words[2], words[3], max_fn,
					 &m) || m.max < 0) {
				errf(err, errlen,
				     "%s:%d: no '#define %s* N' in %s/%s", path,
				     lineno, words[3], tree, words[2]);
				return -1;
			}
			if (m.max + 1 >= m.below) {
				errf(err, errlen,
				     "%s:%d: no free %s* number below %ld in %s/%s",
				     path, lineno, words[3], m.below, tree,
				     words[2]);
				return -1;
			}
			snprintf(buf, sizeof(buf), "%ld", m.max + 1);
			gen_set_var(b, words[1], buf);
			snprintf(buf, sizeof(buf), "%ld", m.max);
			snprintf(last, sizeof(last), "%s_LAST", words[1]);
			gen_set_var(b, last, buf);
		} else if (!strcmp(words[0], "var-after")) {
			/* var-after NAME BASE K: BASE's value plus K */
			const char *base;
			char buf[32];

			NEED(4);
			base = gen_var(b, words[2]);
			if (!base) {
				errf(err, errlen, "%s:%d: unknown variable %s",
				     path, lineno, words[2]);
				return -1;
			}
			snprintf(buf, sizeof(buf), "%ld",
				 strtol(base, NULL, 0) + strtol(words[3], NULL, 0));
			gen_set_var(b, words[1], buf);
		} else if (!strcmp(words[0], "id")) {
			/* id FILE PREFIX NAME NUMBER: the number must be free,
			 * reserved, or already ours. */
			struct id_check c = { 0 };
			char full[256];

			NEED(5);
			snprintf(full, sizeof(full), "%s%s", words[2], words[3]);
			c.want = full;
			c.value = strtol(words[4], NULL, 0);
			if (scan_defines(tree, words[1], words[2], id_fn, &c)) {
				errf(err, errlen, "%s:%d: cannot read %s/%s",
				     path, lineno, tree, words[1]);
				return -1;
			}
			if (c.clash) {
				errf(err, errlen,
				     "%s/%s already defines %s as %ld; backend %s would reuse it for %s",
				     tree, words[1], c.clash, c.value, dir, full);
				return -1;
			}
		} else if (!strcmp(words[0], "variant")) {
			if (nvariants == 8 || (n != 2 && n != 5)) {
				errf(err, errlen,
				     "%s:%d: variant NAME [if|unless FILE STRING]",
				     path, lineno);
				return -1;
			}
			variants[nvariants].name = words[1];
			variants[nvariants].cond = n == 5 ? words[2] : NULL;
			variants[nvariants].file = n == 5 ? words[3] : NULL;
			variants[nvariants].needle = n == 5 ? words[4] : NULL;
			nvariants++;
		} else if (!strcmp(words[0], "patch")) {
			struct gen_patch *p = &b->patches[b->npatches];

			NEED(3);
			if (b->npatches == GEN_MAX_PATCHES) {
				errf(err, errlen, "%s:%d: too many patches",
				     path, lineno);
				return -1;
			}
			p->number = atoi(words[1]);
			p->variant = variant ? strdup(variant) : NULL;
			p->message = strdup(words[2]);
			b->npatches++;
		} else if (op_verb_ok(words[0])) {
			struct gen_op *o = &b->ops[b->nops];
			int want = !strcmp(words[0], "create") ||
				   !strcmp(words[0], "append") ? 4 : 5;

			NEED(want);
			if (b->nops == GEN_MAX_OPS || !b->npatches) {
				errf(err, errlen,
				     "%s:%d: edit outside a patch, or too many",
				     path, lineno);
				return -1;
			}
			o->patch = atoi(words[1]);
			o->variant = variant ? strdup(variant) : NULL;
			o->verb = strdup(words[0]);
			o->path = strdup(words[2]);
			o->anchor = want == 5 ? strdup(words[3]) : NULL;
			o->template = strdup(words[want - 1]);
			o->line = lineno;
			b->nops++;
		} else {
			errf(err, errlen, "%s:%d: unknown keyword '%s'", path,
			     lineno, words[0]);
			return -1;
		}
#undef NEED
	}
	if (!b->name || !b->arch || !b->abi) {
		errf(err, errlen, "%s: name, arch and abi are required", path);
		return -1;
	}
	for (i = 0; i < nvariants; i++) {
		int has;

		if (!variants[i].cond)
			break;
		has = tree_has(tree, variants[i].file, variants[i].needle);
		if (!strcmp(variants[i].cond, "if") ? has : !has)
			break;
	}
	if (nvariants && i == nvariants) {
		errf(err, errlen, "backend %s has no variant for this tree",
		     b->name);
		return -1;
	}
	b->variant = strdup(nvariants ? variants[i].name : "all");
	for (i = 0; i < nrtag; i++) {
		if (tagged[i].variant && strcmp(tagged[i].variant, b->variant))
			continue;
		if (!tagged[i].b && b->nconfigs < GEN_MAX_WORDS)
			b->configs[b->nconfigs++] = tagged[i].a;
		if (tagged[i].b && b->nmarkers < GEN_MAX_WORDS) {
			b->markers[b->nmarkers][0] = tagged[i].a;
			b->markers[b->nmarkers][1] = tagged[i].b;
			b->nmarkers++;
		}
	}
	gen_set_var(b, "VARIANT", b->variant);
	gen_set_var(b, "ARCH", b->arch);
	gen_set_var(b, "ABI", b->abi);
	return 0;
}

const char *gen_backend_find(const char *arch, const char *abi, char *err,
			     size_t errlen)
{
	static char found[PATH_MAX];
	const char *root = datadir("src/backends");
	char want[256], conf[PATH_MAX];
	struct dirent *d;
	DIR *dir;
	int hits = 0;

	if (!root) {
		errf(err, errlen, "no src/backends directory");
		return NULL;
	}
	dir = opendir(root);
	if (!dir) {
		errf(err, errlen, "cannot open %s", root);
		return NULL;
	}
	snprintf(want, sizeof(want), "%s-", arch);
	while ((d = readdir(dir))) {
		char *text;

		if (strncmp(d->d_name, want, strlen(want)))
			continue;
		if (abi && strcmp(d->d_name + strlen(want), abi))
			continue;
		snprintf(conf, sizeof(conf), "%s/%s/backend.conf", root,
			 d->d_name);
		text = read_file(conf, NULL);
		if (!text)
			continue;
		/* Without --abi, the backend marked "default" wins. */
		if (!abi && !strstr(text, "\ndefault\n")) {
			free(text);
			continue;
		}
		free(text);
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

static int append(char **buf, size_t *len, size_t *cap, const char *s,
		  size_t n)
{
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*buf = realloc(*buf, *cap);
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
	return 0;
}

static char *render(const struct gen_backend *b, const char *text, int depth,
		    char *err, size_t errlen)
{
	size_t len = 0, cap = strlen(text) + 256;
	char *out = malloc(cap);
	const char *p = text;

	out[0] = '\0';
	if (depth > 4) {
		errf(err, errlen, "templates include each other too deeply");
		free(out);
		return NULL;
	}
	while (*p) {
		const char *at = strchr(p, '@'), *end;

		if (!at) {
			append(&out, &len, &cap, p, strlen(p));
			break;
		}
		append(&out, &len, &cap, p, at - p);
		if (!strncmp(at, "@@include ", 10)) {
			char file[PATH_MAX], *sub;

			end = strstr(at + 10, "@@");
			if (!end || end - at - 10 >= (long)sizeof(file)) {
				errf(err, errlen, "bad @@include");
				free(out);
				return NULL;
			}
			memcpy(file, at + 10, end - at - 10);
			file[end - at - 10] = '\0';
			sub = gen_render(b, file, err, errlen);
			if (!sub) {
				free(out);
				return NULL;
			}
			append(&out, &len, &cap, sub, strlen(sub));
			free(sub);
			p = end + 2;
			if (*p == '\n')
				p++;
			continue;
		}
		end = at + 1;
		while (isupper((unsigned char)*end) || isdigit((unsigned char)*end) ||
		       *end == '_')
			end++;
		if (*end == '@' && end > at + 1 && isupper((unsigned char)at[1])) {
			char name[128];
			const char *v;

			snprintf(name, sizeof(name), "%.*s", (int)(end - at - 1),
				 at + 1);
			v = gen_var(b, name);
			if (!v) {
				errf(err, errlen, "template uses unknown @%s@",
				     name);
				free(out);
				return NULL;
			}
			append(&out, &len, &cap, v, strlen(v));
			p = end + 1;
		} else {
			append(&out, &len, &cap, "@", 1);
			p = at + 1;
		}
	}
	return out;
}

char *gen_render_text(const struct gen_backend *b, const char *text,
		      char *err, size_t errlen)
{
	return render(b, text, 0, err, errlen);
}

char *gen_render(const struct gen_backend *b, const char *file, char *err,
		 size_t errlen)
{
	static int depth;
	char path[PATH_MAX];
	char *text, *out;

	snprintf(path, sizeof(path), "%s/%s", b->dir, file);
	text = read_file(path, NULL);
	if (!text) {
		errf(err, errlen, "cannot read template %s", path);
		return NULL;
	}
	depth++;
	out = render(b, text, depth, err, errlen);
	depth--;
	free(text);
	return out;
}
