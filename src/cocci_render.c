// SPDX-License-Identifier: GPL-2.0
/*
 * cocci_render: write the Coccinelle scripts of cocci/ for one spec.
 *
 * The templates name no function; the spec's names reach them here, as
 * literal identifiers, because spatch skips a file without parsing it only
 * when a rule spells the tokens it needs. A set constraint such as
 * `identifier P = {...}` or a Python predicate makes it parse every file
 * (measured with Coccinelle 1.1.1: 8 s against 0.24 s on one driver
 * directory; 26 minutes and a crash over a whole tree). Markers:
 *
 *	{{hook-map}} {{hook-unmap}}	the hooks' names
 *	{{weak-default hook-map}}	+ lines: the hook's definition, calling
 *					the registered ops (hook_render.c)
 *	{{io-prot}}			the first fixmap io-prot macro
 *	{{or SET}} {{or SET @p}}	\(a\|b\), or \(a@p\|b@p\)
 *	{{calls fixmap-prot @p}}	\(F@p(idx, ph, MACRO)\|...\)
 *	{{set SET}}			{a, b}, for constraints
 *	{{py SET}}			["a", "b"], for Python rules
 *	{{include FILE}}		FILE from the template directory
 *
 * An empty set renders as an identifier no kernel has, so the rules that
 * use it never match and the script stays valid SmPL.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cocci.h"
#include "ioguard.h"

#define NO_NAME "ioguard_spec_names_none"
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The scripts, in the order insert runs them. */
static const char *const scripts[] = { "hook_decls", "map_hook", "unmap_hook", NULL };

static const enum spec_role map_hook_roles[] = { ROLE_ADDR, ROLE_END, ROLE_PHYS, ROLE_PROT };
static const enum spec_role unmap_hook_roles[] = { ROLE_PHYS, ROLE_SIZE };
static const enum spec_role fixmap_prot_roles[] = { ROLE_IDX, ROLE_PHYS, ROLE_PROT };
static const enum spec_role fixmap_io_roles[] = { ROLE_IDX, ROLE_PHYS };

/* The first N parameters of E have roles R (exactly N when exact). */
static int roles_are(const struct spec_entry *e, const enum spec_role *r,
		     int n, int exact)
{
	int i;

	if (e->nargs < n || (exact && e->nargs != n))
		return 0;
	for (i = 0; i < n; i++)
		if (e->roles[i] != r[i])
			return 0;
	return 1;
}

/* The sets a template can name, beyond the spec's kinds. */
static const struct derived_set {
	const char *name;
	int (*has)(const struct spec_entry *e);
} derived_sets[];

static int map_primitive(const struct spec_entry *e)
{	/* the call shape the map rules rewrite: P(addr, end, phys, prot, ...) == 0 */
	return e->kind == SPEC_PRIMITIVE && e->success == SUCCESS_ZERO &&
	       roles_are(e, map_hook_roles, N(map_hook_roles), 0);
}

static int fixmap_io(const struct spec_entry *e)
{	/* always IO: set_fixmap_io() */
	return e->kind == SPEC_FIXMAP && !e->io_prot;
}

static int fixmap_prot(const struct spec_entry *e)
{	/* IO when its prot argument is the io-prot macro */
	return e->kind == SPEC_FIXMAP && e->io_prot;
}

static int entry_unmap_addr(const struct spec_entry *e)
{
	return e->kind == SPEC_ENTRY_UNMAP && e->nargs && e->roles[0] == ROLE_ADDR;
}

static int entry_unmap_res(const struct spec_entry *e)
{
	return e->kind == SPEC_ENTRY_UNMAP && e->nargs && e->roles[0] == ROLE_RES;
}

static int not_mapper(const struct spec_entry *e)
{	/* never announces its own mappings: primitives, exempt, hooks */
	return e->kind == SPEC_PRIMITIVE || e->kind == SPEC_EXEMPT ||
	       e->kind == SPEC_HOOK_MAP || e->kind == SPEC_HOOK_UNMAP;
}

static const struct derived_set derived_sets[] = {
	{ "map-primitive", map_primitive },
	{ "fixmap-io", fixmap_io },
	{ "fixmap-prot", fixmap_prot },
	{ "entry-unmap-addr", entry_unmap_addr },
	{ "entry-unmap-res", entry_unmap_res },
	{ "not-mapper", not_mapper },
	{ NULL },
};

/* Whether SET names a set; then *has or *kind says which. */
static int find_set(const char *set, int (**has)(const struct spec_entry *),
		    int *kind)
{
	const struct derived_set *d;

	*has = NULL;
	for (d = derived_sets; d->name; d++)
		if (!strcmp(set, d->name)) {
			*has = d->has;
			return 1;
		}
	for (*kind = 0; *kind <= SPEC_EXEMPT; (*kind)++)
		if (!strcmp(set, spec_kind_name(*kind)))
			return 1;
	return 0;
}

/* Whether SPEC fits the call shapes the templates rewrite; -1 and
 * "PATH:LINE: message" in err when it does not. */
static int spec_fits(const struct spec *spec, char *err, size_t len)
{
	const struct spec_entry *hm = spec_hook(spec, SPEC_HOOK_MAP);
	const struct spec_entry *hu = spec_hook(spec, SPEC_HOOK_UNMAP);
	const struct spec_entry *bad = NULL;
	const char *want = NULL;
	int i;

	if (!roles_are(hm, map_hook_roles, N(map_hook_roles), 1))
		bad = hm, want = "the map hook must take addr end phys prot";
	else if (hu && !roles_are(hu, unmap_hook_roles, N(unmap_hook_roles), 1))
		bad = hu, want = "the unmap hook must take phys size";
	for (i = 0; !bad && i < spec->nr; i++) {
		const struct spec_entry *e = &spec->entries[i];

		if (fixmap_prot(e) && !roles_are(e, fixmap_prot_roles, N(fixmap_prot_roles), 1))
			bad = e, want = "a fixmap with io-prot must take idx phys prot";
		else if (fixmap_io(e) && !roles_are(e, fixmap_io_roles, N(fixmap_io_roles), 1))
			bad = e, want = "a fixmap without io-prot must take idx phys";
	}
	if (!bad)
		return 0;
	snprintf(err, len, "%s:%d: %s (the shape the Coccinelle scripts rewrite)",
		 spec->path ? spec->path : "spec", bad->line, want);
	return -1;
}

/* How one name of a list is written: as an identifier (with a position),
 * as a fixmap IO call, or as a Python string. */
enum item { ITEM_IDENT, ITEM_CALL, ITEM_STRING };

static void item(FILE *f, const char *name, const struct spec_entry *e,
		 enum item how, const char *pos)
{
	if (how == ITEM_STRING)
		fprintf(f, "\"%s\"", name);
	else if (how == ITEM_CALL && e)
		fprintf(f, "%s%s(idx, ph, %s)", name, pos, e->io_prot);
	else
		fprintf(f, "%s%s", name, pos);
}

/* The set's names between OPEN and CLOSE (left out for one name). */
static void list(FILE *f, const struct spec *spec, const char *set,
		 const char *open, const char *sep, const char *close,
		 enum item how, const char *pos)
{
	int (*has)(const struct spec_entry *);
	int i, kind, n = 0;

	find_set(set, &has, &kind);
	for (i = 0; i < spec->nr; i++)
		n += has ? has(&spec->entries[i]) : (int)spec->entries[i].kind == kind;
	/* a disjunction of one is just the name; sets and lists keep brackets */
	if (n > 1 || strcmp(open, "\\("))
		fputs(open, f);
	if (n == 0)
		item(f, NO_NAME, NULL, how, pos);
	for (i = 0, n = 0; i < spec->nr; i++) {
		const struct spec_entry *e = &spec->entries[i];

		if (has ? !has(e) : (int)e->kind != kind)
			continue;
		fputs(n++ ? sep : "", f);
		item(f, e->name, e, how, pos);
	}
	if (n > 1 || strcmp(open, "\\("))
		fputs(close, f);
}

static const char *first_io_prot(const struct spec *spec)
{
	int i;

	for (i = 0; i < spec->nr; i++)
		if (spec->entries[i].io_prot)
			return spec->entries[i].io_prot;
	return "FIXMAP_PAGE_IO";
}

/* Expand one marker of words w[0..nw-1]; -1 when it names nothing. */
static int expand(FILE *f, const struct spec *spec, const char *dir,
		  char w[3][64], int nw)
{
	const struct spec_entry *hm = spec_hook(spec, SPEC_HOOK_MAP);
	const struct spec_entry *hu = spec_hook(spec, SPEC_HOOK_UNMAP);
	const char *pos = nw == 3 ? w[2] : "";
	int (*has)(const struct spec_entry *), kind;
	char path[4096], *text;

	if (nw == 1 && !strcmp(w[0], "hook-map"))
		fputs(hm->name, f);
	else if (nw == 1 && !strcmp(w[0], "hook-unmap") && hu)
		fputs(hu->name, f);
	else if (nw == 1 && !strcmp(w[0], "io-prot"))
		fputs(first_io_prot(spec), f);
	else if (nw == 2 && !strcmp(w[0], "weak-default") && !strcmp(w[1], "hook-map"))
		hook_map_default(f, spec);
	else if (nw == 2 && !strcmp(w[0], "weak-default") && !strcmp(w[1], "hook-unmap") && hu)
		hook_unmap_default(f, spec);
	else if (nw >= 2 && !strcmp(w[0], "or") && find_set(w[1], &has, &kind))
		list(f, spec, w[1], "\\(", "\\|", "\\)", ITEM_IDENT, pos);
	else if (nw >= 2 && !strcmp(w[0], "calls") && !strcmp(w[1], "fixmap-prot"))
		list(f, spec, w[1], "\\(", "\\|", "\\)", ITEM_CALL, pos);
	else if (nw == 2 && !strcmp(w[0], "set") && find_set(w[1], &has, &kind))
		list(f, spec, w[1], "{", ", ", "}", ITEM_IDENT, "");
	else if (nw == 2 && !strcmp(w[0], "py") && find_set(w[1], &has, &kind))
		list(f, spec, w[1], "[", ", ", "]", ITEM_STRING, "");
	else if (nw == 2 && !strcmp(w[0], "include")) {
		snprintf(path, sizeof(path), "%s/%s", dir, w[1]);
		if (!(text = read_file(path, NULL)))
			return -1;
		fputs(text, f);
		free(text);
	} else {
		return -1;
	}
	return 0;
}

/* DIR/NAME.cocci with its markers expanded for SPEC, into OUT. */
static int render_script(const struct spec *spec, const char *dir,
			 const char *name, FILE *out, char *err, size_t len)
{
	char path[4096], marker[200], w[3][64];
	char *text, *p, *open, *close;
	int nw, ret = 0;

	snprintf(path, sizeof(path), "%s/%s.cocci", dir, name);
	text = read_file(path, NULL);
	if (!text) {
		snprintf(err, len, "cannot read %s", path);
		return -1;
	}
	for (p = text; (open = strstr(p, "{{")); p = close + 2) {
		close = strstr(open, "}}");
		fwrite(p, 1, open - p, out);
		if (!close || close - open - 2 >= (long)sizeof(marker)) {
			snprintf(err, len, "%s: a {{ without }}", path);
			ret = -1;
			break;
		}
		memcpy(marker, open + 2, close - open - 2);
		marker[close - open - 2] = '\0';
		nw = sscanf(marker, "%63s %63s %63s", w[0], w[1], w[2]);
		if (nw < 1 || expand(out, spec, dir, w, nw)) {
			snprintf(err, len, "%s: cannot expand {{%s}}", path, marker);
			ret = -1;
			break;
		}
	}
	if (!ret)
		fputs(p, out);
	free(text);
	return ret;
}

/* The three kinds of output; each writes one file's text into f. */
static int write_spec(FILE *f, const struct spec *spec, const char *name,
		      char *err, size_t len)
{
	spec_print(f, spec);
	return 0;
}

static int write_decls(FILE *f, const struct spec *spec, const char *name,
		       char *err, size_t len)
{
	hook_decls(f, spec);
	return 0;
}

static int write_script(FILE *f, const struct spec *spec, const char *name,
			char *err, size_t len)
{
	const char *dir = datadir("cocci");

	if (!dir) {
		snprintf(err, len, "cocci/ is not beside the binary");
		return -1;
	}
	return render_script(spec, dir, name, f, err, len);
}

typedef int writer(FILE *f, const struct spec *spec, const char *name,
		   char *err, size_t len);

/* OUTDIR/FILE from WRITE, through write_file() (a temporary, renamed). */
static int render_to(const char *cmd, const char *outdir, const char *file,
		     writer *write, const struct spec *spec, const char *name)
{
	char err[1024] = "out of memory", path[4096], *text = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);
	int ret = -1;

	snprintf(path, sizeof(path), "%s/%s", outdir, file);
	if (f) {
		ret = write(f, spec, name, err, sizeof(err));
		ret = fclose(f) || ret;	/* the text is complete only now */
	}
	if (ret)
		fprintf(stderr, "ioguard: %s: %s\n", cmd, err);
	else if ((ret = write_file(path, text, n)))
		fprintf(stderr, "ioguard: %s: cannot write %s: %s\n", cmd, path,
			strerror(errno));
	free(text);
	return ret ? -1 : 0;
}

int cocci_output_name(const char *name)
{
	size_t n = strlen(name);
	int i;

	if (!strcmp(name, "spec") || !strcmp(name, "hook-decls.h"))
		return 1;
	for (i = 0; scripts[i]; i++)
		if (n == strlen(scripts[i]) + 6 && !strncmp(name, scripts[i], n - 6) &&
		    !strcmp(name + n - 6, ".cocci"))
			return 1;
	return 0;
}

int cocci_render_all(const char *cmd, const struct spec *spec,
		     const char *outdir)
{
	char err[512], file[64];
	int i;

	if (spec_fits(spec, err, sizeof(err))) {
		fprintf(stderr, "ioguard: %s: %s\n", cmd, err);
		return -1;
	}
	if (mkdirs(outdir)) {
		fprintf(stderr, "ioguard: %s: cannot create %s\n", cmd, outdir);
		return -1;
	}
	if (render_to(cmd, outdir, "spec", write_spec, spec, NULL) ||
	    render_to(cmd, outdir, "hook-decls.h", write_decls, spec, NULL))
		return -1;
	for (i = 0; scripts[i]; i++) {
		snprintf(file, sizeof(file), "%s.cocci", scripts[i]);
		/* unmap_hook.cocci is about the unmap hook: none, no script */
		if (!strcmp(scripts[i], "unmap_hook") &&
		    !spec_hook(spec, SPEC_HOOK_UNMAP))
			continue;
		if (render_to(cmd, outdir, file, write_script, spec, scripts[i]))
			return -1;
	}
	return 0;
}
