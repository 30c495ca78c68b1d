// SPDX-License-Identifier: GPL-2.0
/*
 * A backend's templates: variables (@NAME@, from backend.conf, the spec
 * and the tree) and @@include FILE@@, rendered into the text a patch
 * inserts or a commit message.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"
#include "ioguard.h"

/* Includes deeper than this are a loop. */
#define MAX_DEPTH 4

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

/* A growing output string. */
struct text {
	char *buf;
	size_t len, cap;
};

static void append(struct text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->buf = realloc(t->buf, t->cap);
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

static char *render_file(const struct gen_backend *b, const char *file,
			 int depth, char *err, size_t errlen);

/* "@@include FILE@@" at p: append FILE rendered, return what follows it
 * (and its newline), or NULL with err. FILE may name variables. */
static const char *include(const struct gen_backend *b, const char *p,
			   int depth, struct text *out, char *err, size_t errlen)
{
	const char *name = p + strlen("@@include "), *end = strstr(name, "@@"), *v;
	char file[PATH_MAX], rest[PATH_MAX], *sub, *at, *close;

	if (!end || end - name >= (long)sizeof(file)) {
		snprintf(err, errlen, "bad @@include");
		return NULL;
	}
	snprintf(file, sizeof(file), "%.*s", (int)(end - name), name);
	/* @NAME@ in FILE: a file chosen by a variable (a var-if choice) */
	while ((at = strchr(file, '@')) && (close = strchr(at + 1, '@'))) {
		char var[128];

		snprintf(var, sizeof(var), "%.*s", (int)(close - at - 1), at + 1);
		v = gen_var(b, var);
		if (!v) {
			snprintf(err, errlen, "@@include names unknown @%s@", var);
			return NULL;
		}
		snprintf(rest, sizeof(rest), "%s", close + 1);
		snprintf(at, sizeof(file) - (at - file), "%s%s", v, rest);
	}
	sub = render_file(b, file, depth + 1, err, errlen);
	if (!sub)
		return NULL;
	append(out, sub, strlen(sub));
	free(sub);
	end += 2;
	return *end == '\n' ? end + 1 : end;
}

/* "@NAME@" at p (NAME: capitals, digits, underscores): append its value
 * and return what follows; another '@' is copied as it is. NULL with err
 * for a name no variable has. */
static const char *variable(const struct gen_backend *b, const char *p,
			    struct text *out, char *err, size_t errlen)
{
	const char *end = p + 1, *v;
	char name[128];

	while (isupper((unsigned char)*end) || isdigit((unsigned char)*end) ||
	       *end == '_')
		end++;
	if (*end != '@' || end == p + 1 || !isupper((unsigned char)p[1])) {
		append(out, "@", 1);
		return p + 1;
	}
	snprintf(name, sizeof(name), "%.*s", (int)(end - p - 1), p + 1);
	v = gen_var(b, name);
	if (!v) {
		snprintf(err, errlen, "template uses unknown @%s@", name);
		return NULL;
	}
	append(out, v, strlen(v));
	return end + 1;
}

static char *render(const struct gen_backend *b, const char *p, int depth,
		    char *err, size_t errlen)
{
	struct text out = { NULL, 0, 0 };

	append(&out, "", 0);
	while (p && *p) {
		const char *at = strchr(p, '@');

		if (!at) {
			append(&out, p, strlen(p));
			break;
		}
		append(&out, p, at - p);
		if (!strncmp(at, "@@include ", 10))
			p = include(b, at, depth, &out, err, errlen);
		else
			p = variable(b, at, &out, err, errlen);
	}
	if (!p) {
		free(out.buf);
		return NULL;
	}
	return out.buf;
}

static char *render_file(const struct gen_backend *b, const char *file,
			 int depth, char *err, size_t errlen)
{
	char path[PATH_MAX];
	char *text, *out;

	if (depth > MAX_DEPTH) {
		snprintf(err, errlen, "templates include each other too deeply");
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/%s", b->dir, file);
	text = read_file(path, NULL);
	if (!text) {
		snprintf(err, errlen, "cannot read template %s", path);
		return NULL;
	}
	out = render(b, text, depth, err, errlen);
	free(text);
	return out;
}

char *gen_render(const struct gen_backend *b, const char *file, char *err,
		 size_t errlen)
{
	return render_file(b, file, 0, err, errlen);
}
