// SPDX-License-Identifier: GPL-2.0
/*
 * Parser for the ioguard spec. One record per line:
 *
 *	KIND NAME [ROLE...] [key=value...]
 *
 * except 'exempt', whose words after NAME are the reason. '#' starts a
 * comment. Errors name the file and line.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

static const char *const kind_names[] = {
	[SPEC_HOOK_MAP] = "hook-map",
	[SPEC_HOOK_UNMAP] = "hook-unmap",
	[SPEC_ENTRY_MAP] = "entry-map",
	[SPEC_ENTRY_UNMAP] = "entry-unmap",
	[SPEC_PRIMITIVE] = "primitive",
	[SPEC_FIXMAP] = "fixmap",
	[SPEC_TEARDOWN] = "teardown",
	[SPEC_EXEMPT] = "exempt",
	[SPEC_SINK] = "sink",
	[SPEC_SANITIZER] = "sanitizer",
	[SPEC_USER_MAP] = "user-map",
	[SPEC_DEVICE_ATTR] = "device-attr",
};

static const char *const role_names[] = {
	[ROLE_NONE] = "-",
	[ROLE_ADDR] = "addr",
	[ROLE_END] = "end",
	[ROLE_PHYS] = "phys",
	[ROLE_PROT] = "prot",
	[ROLE_SIZE] = "size",
	[ROLE_IDX] = "idx",
	[ROLE_AREA] = "area",
	[ROLE_RES] = "res",
	[ROLE_PTE] = "pte",
};

static const char *const success_names[] = {
	[SUCCESS_ZERO] = "zero",
	[SUCCESS_NONNULL] = "nonnull",
	[SUCCESS_VOID] = "void",
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

const char *spec_kind_name(enum spec_kind kind)
{
	return kind_names[kind];
}

const char *spec_role_name(enum spec_role role)
{
	return role_names[role];
}

static int lookup(const char *const *names, size_t n, const char *word)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (names[i] && !strcmp(names[i], word))
			return (int)i;
	return -1;
}

/* msg with control and non-ASCII bytes as \xNN: a binary spec's words
 * must not reach a terminal raw. */
static void escape(char *out, size_t len, const char *msg)
{
	size_t n = 0;

	for (; *msg && n + 5 < len; msg++) {
		unsigned char c = *msg;

		if (c >= 0x20 && c < 0x7f)
			out[n++] = c;
		else
			n += snprintf(out + n, len - n, "\\x%02x", c);
	}
	out[n] = '\0';
}

static int fail(char *err, size_t errlen, const char *path, int line,
		const char *fmt, ...)
{
	char msg[256], safe[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	escape(safe, sizeof(safe), msg);
	snprintf(err, errlen, "%s:%d: %s", path, line, safe);
	return -1;
}

static int is_ident(const char *s)
{
	if (!*s || (*s >= '0' && *s <= '9'))
		return 0;
	for (; *s; s++)
		if (!(*s == '_' || (*s >= 'a' && *s <= 'z') ||
		      (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
			return 0;
	return 1;
}

static char *next_word(char **cursor)
{
	char *s = *cursor, *w;

	s += strspn(s, " \t\r");
	if (!*s)
		return NULL;
	w = s;
	s += strcspn(s, " \t\r");
	if (*s)
		*s++ = '\0';
	*cursor = s;
	return w;
}

/* The rest of an exempt line, trimmed: why the function is exempt. */
static char *parse_reason(char *s)
{
	s += strspn(s, " \t");
	s[strcspn(s, "\r\n")] = '\0';
	while (*s && strchr(" \t", s[strlen(s) - 1]))
		s[strlen(s) - 1] = '\0';
	return *s ? strdup(s) : NULL;
}

/* A C expression without blanks: identifiers, numbers, ( ) | & ~ << >>. */
static int is_expr(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!strchr("_()|&~<>+-", *s) && !(*s >= 'a' && *s <= 'z') &&
		    !(*s >= 'A' && *s <= 'Z') && !(*s >= '0' && *s <= '9'))
			return 0;
	return 1;
}

/* device-attr's keys: mask=MACRO, values=EXPR[,EXPR...], present=MACRO,
 * when=MACRO */
static const char *parse_device_attr(struct spec_entry *e, const char *key,
				     char *val, char *msg, size_t len)
{
	char *v, *save;

	if (!strcmp(key, "mask")) {
		if (!is_ident(val))
			return "mask= needs a macro name";
		free(e->mask);	/* a repeated key: the last one counts */
		e->mask = strdup(val);
		return NULL;
	}
	if (!strcmp(key, "when") || !strcmp(key, "present")) {
		if (!is_ident(val)) {
			snprintf(msg, len, "%s= needs a macro name", key);
			return msg;
		}
		free(key[0] == 'w' ? e->when : e->present);
		*(key[0] == 'w' ? &e->when : &e->present) = strdup(val);
		return NULL;
	}
	if (strcmp(key, "values")) {
		snprintf(msg, len, "unknown key '%s' for device-attr", key);
		return msg;
	}
	for (v = strtok_r(val, ",", &save); v; v = strtok_r(NULL, ",", &save)) {
		if (!is_expr(v)) {
			snprintf(msg, len, "values=: '%s' is not an expression", v);
			return msg;
		}
		e->values = realloc(e->values, (e->nvalues + 1) * sizeof(*e->values));
		e->values[e->nvalues++] = strdup(v);
	}
	return NULL;
}

/* One word after the name: a role, or KEY=VALUE. NULL, or what is wrong
 * (in msg). */
static const char *parse_word(struct spec_entry *e, char *word, char *msg,
			      size_t len)
{
	char *eq = strchr(word, '=');
	int v;

	if (!eq) {
		v = lookup(role_names, ARRAY_SIZE(role_names), word);
		if (e->kind == SPEC_DEVICE_ATTR) {
			snprintf(msg, len, "device-attr takes mask= and values=, not '%s'", word);
			return msg;
		}
		if (v < 0) {
			snprintf(msg, len, "unknown role '%s' (addr, end, phys, prot, size, idx, area, res, pte, -)", word);
			return msg;
		}
		if (e->nargs == SPEC_MAX_ARGS) {
			snprintf(msg, len, "more than %d parameters", SPEC_MAX_ARGS);
			return msg;
		}
		e->roles[e->nargs++] = v;
		return NULL;
	}
	*eq++ = '\0';
	if (!strcmp(word, "success")) {
		v = lookup(success_names, ARRAY_SIZE(success_names), eq);
		if (v < 0)
			snprintf(msg, len, "success=%s: expected zero, nonnull or void", eq);
		else
			e->success = v;
		return v < 0 ? msg : NULL;
	}
	if (!strcmp(word, "io-prot") && e->kind == SPEC_FIXMAP) {
		if (!is_ident(eq)) {
			snprintf(msg, len, "io-prot needs a macro name");
			return msg;
		}
		free(e->io_prot);	/* the last io-prot= wins */
		e->io_prot = strdup(eq);
		return NULL;
	}
	if (e->kind == SPEC_DEVICE_ATTR)
		return parse_device_attr(e, word, eq, msg, len);
	snprintf(msg, len, "unknown key '%s' for %s", word, kind_names[e->kind]);
	return msg;
}

/* After the words: what a whole record must satisfy. */
static const char *check_entry(const struct spec *spec, const struct spec_entry *e,
			       char *msg, size_t len)
{
	if (e->io_prot && spec_arg(e, ROLE_PROT) < 0)
		return "io-prot needs a parameter with role prot";
	if (e->kind == SPEC_SINK && spec_arg(e, ROLE_PROT) < 0 &&
	    spec_arg(e, ROLE_PTE) < 0)
		return "a sink needs a parameter with role prot or pte";
	if (e->kind == SPEC_DEVICE_ATTR && (!e->mask || !e->nvalues))
		return "device-attr needs mask= and values=";
	if ((e->kind == SPEC_HOOK_MAP || e->kind == SPEC_HOOK_UNMAP) &&
	    spec_hook(spec, e->kind)) {
		snprintf(msg, len, "a second %s (first on line %d)",
			 kind_names[e->kind], spec_hook(spec, e->kind)->line);
		return msg;
	}
	return NULL;
}

static void free_entry(struct spec_entry *e)
{
	int i;

	free(e->name);
	free(e->io_prot);
	free(e->reason);
	free(e->mask);
	free(e->when);
	free(e->present);
	for (i = 0; i < e->nvalues; i++)
		free(e->values[i]);
	free(e->values);
}

static int parse_line(struct spec *spec, char *s, int line, char *err,
		      size_t errlen)
{
	struct spec_entry e = { .line = line }, *entries;
	char *word, *hash = strchr(s, '#'), msg[256];
	const char *bad = NULL;
	int k;

	if (hash)
		*hash = '\0';
	word = next_word(&s);
	if (!word)
		return 0;
	k = lookup(kind_names, ARRAY_SIZE(kind_names), word);
	if (k < 0)
		return fail(err, errlen, spec->path, line,
			    "unknown kind '%s' (hook-map, hook-unmap, entry-map, entry-unmap, primitive, fixmap, teardown, exempt, sink, sanitizer, user-map, device-attr)",
			    word);
	e.kind = k;
	word = next_word(&s);
	if (!word || !is_ident(word))
		return fail(err, errlen, spec->path, line,
			    "%s needs %s name", kind_names[k],
			    k == SPEC_DEVICE_ATTR ? "an arch" : "a function");
	if (spec_find(spec, word))
		return fail(err, errlen, spec->path, line,
			    "'%s' is already named by line %d", word,
			    spec_find(spec, word)->line);
	if (spec->nr == SPEC_MAX_ENTRIES)
		return fail(err, errlen, spec->path, line,
			    "more than %d records", SPEC_MAX_ENTRIES);
	e.name = strdup(word);
	e.success = e.kind == SPEC_FIXMAP || e.kind == SPEC_SINK ||
		    e.kind == SPEC_DEVICE_ATTR ? SUCCESS_VOID : SUCCESS_ZERO;
	if (e.kind == SPEC_EXEMPT) {
		e.reason = parse_reason(s);
		if (!e.reason) {
			snprintf(msg, sizeof(msg), "exempt '%s' needs a reason", e.name);
			bad = msg;
		}
	} else {
		while (!bad && (word = next_word(&s)))
			bad = parse_word(&e, word, msg, sizeof(msg));
		if (!bad)
			bad = check_entry(spec, &e, msg, sizeof(msg));
	}
	if (!bad && !(entries = realloc(spec->entries,
					(spec->nr + 1) * sizeof(*entries))))
		bad = "out of memory";
	if (bad) {
		free_entry(&e);
		return fail(err, errlen, spec->path, line, "%s", bad);
	}
	spec->entries = entries;
	spec->entries[spec->nr++] = e;
	return 0;
}

int spec_parse(struct spec *spec, const char *path, const char *text,
	       char *err, size_t errlen)
{
	char *copy = strdup(text), *line = copy, *nl;
	int nr = 0, ret = 0;

	memset(spec, 0, sizeof(*spec));
	spec->path = strdup(path);
	if (!copy || !spec->path) {
		free(copy);
		return fail(err, errlen, path, 0, "out of memory");
	}
	while (line && ret == 0) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		ret = parse_line(spec, line, ++nr, err, errlen);
		line = nl ? nl + 1 : NULL;
	}
	free(copy);
	if (ret == 0 && !spec_hook(spec, SPEC_HOOK_MAP))
		return fail(err, errlen, path, nr, "no hook-map line");
	return ret;
}

int spec_load(struct spec *spec, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char *text;
	long len;
	int ret;

	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	if (len > SPEC_MAX_BYTES) {
		fclose(f);
		snprintf(err, errlen, "%s: %ld bytes; a spec is at most %d",
			 path, len, SPEC_MAX_BYTES);
		return -1;
	}
	if (len < 0 || !(text = malloc(len + 1))) {
		fclose(f);
		snprintf(err, errlen, "%s: cannot read", path);
		return -1;
	}
	if (fread(text, 1, len, f) != (size_t)len) {
		fclose(f);
		free(text);
		snprintf(err, errlen, "%s: cannot read", path);
		return -1;
	}
	fclose(f);
	text[len] = '\0';
	if (strlen(text) != (size_t)len) {
		free(text);
		snprintf(err, errlen, "%s: not a text file", path);
		return -1;
	}
	ret = spec_parse(spec, path, text, err, errlen);
	free(text);
	return ret;
}

int spec_load_default(struct spec *spec, char *err, size_t errlen)
{
	return spec_parse(spec, "<built-in spec>", ioguard_default_spec, err,
			  errlen);
}

void spec_free(struct spec *spec)
{
	int i;

	for (i = 0; i < spec->nr; i++)
		free_entry(&spec->entries[i]);
	free(spec->entries);
	free(spec->path);
	memset(spec, 0, sizeof(*spec));
}

const struct spec_entry *spec_find(const struct spec *spec, const char *name)
{
	int i;

	for (i = 0; i < spec->nr; i++)
		if (!strcmp(spec->entries[i].name, name))
			return &spec->entries[i];
	return NULL;
}

const struct spec_entry *spec_hook(const struct spec *spec, enum spec_kind kind)
{
	int i;

	for (i = 0; i < spec->nr; i++)
		if (spec->entries[i].kind == kind)
			return &spec->entries[i];
	return NULL;
}

const char *spec_success_name(enum spec_success success)
{
	return success_names[success];
}

void spec_print(FILE *f, const struct spec *spec)
{
	int i, j;

	for (i = 0; i < spec->nr; i++) {
		const struct spec_entry *e = &spec->entries[i];

		fprintf(f, "%s %s", spec_kind_name(e->kind), e->name);
		if (e->kind == SPEC_EXEMPT) {
			fprintf(f, " %s\n", e->reason);
			continue;
		}
		if (e->kind == SPEC_DEVICE_ATTR) {
			fprintf(f, " mask=%s values=", e->mask);
			for (j = 0; j < e->nvalues; j++)
				fprintf(f, "%s%s", j ? "," : "", e->values[j]);
			if (e->present)
				fprintf(f, " present=%s", e->present);
			if (e->when)
				fprintf(f, " when=%s", e->when);
			fputc('\n', f);
			continue;
		}
		for (j = 0; j < e->nargs; j++)
			fprintf(f, " %s", spec_role_name(e->roles[j]));
		fprintf(f, " success=%s", success_names[e->success]);
		if (e->io_prot)
			fprintf(f, " io-prot=%s", e->io_prot);
		fputc('\n', f);
	}
}

int spec_arg(const struct spec_entry *e, enum spec_role role)
{
	int i;

	for (i = 0; i < e->nargs; i++)
		if (e->roles[i] == role)
			return i;
	return -1;
}
