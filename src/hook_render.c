// SPDX-License-Identifier: GPL-2.0
/*
 * hook_render: the C text of the MMIO guard hooks that patch 1 adds,
 * for the spec's hook names: the declarations in <linux/io.h> and the
 * hooks' definitions beside the map entry point.
 *
 * The hooks are not __weak functions an architecture overrides (the 2021
 * review's objection to new hooks in core code): they call the ops one
 * architecture registers with ioremap_guard_register(), or do nothing.
 * The map hook returns int: a mapping the hypervisor refused fails, and
 * the entry point that called the hook unwinds it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cocci.h"
#include "ioguard.h"

static const char *param_decl(enum spec_role role)
{
	switch (role) {
	case ROLE_ADDR: return "unsigned long addr";
	case ROLE_END: return "unsigned long end";
	case ROLE_PHYS: return "phys_addr_t phys_addr";
	case ROLE_PROT: return "pgprot_t prot";
	case ROLE_SIZE: return "size_t size";
	default: return "unsigned long unused";
	}
}

/* The parameter's name: the last word of its declaration. */
static const char *param_name(enum spec_role role)
{
	return strrchr(param_decl(role), ' ') + 1;
}

/*
 * "LEAD(params)" after what f already has on the line (col columns),
 * wrapped at 80 columns with continuation lines aligned with the open
 * parenthesis (tabs, then spaces), as checkpatch wants; then TAIL.
 */
static void params(FILE *f, const struct spec_entry *hook, int col,
		   const char *tail)
{
	int i, indent = col;

	for (i = 0; i < hook->nargs; i++) {
		const char *p = param_decl(hook->roles[i]);

		if (i && col + 2 + (int)strlen(p) + 2 > 80) {
			fprintf(f, ",\n%.*s%*s", indent / 8, "\t\t\t\t\t\t\t\t",
				indent % 8, "");
			col = indent;
		} else if (i) {
			col += fprintf(f, ", ");
		}
		col += fprintf(f, "%s", p);
	}
	fprintf(f, ")%s", tail);
}

/* "TYPE NAME(params)TAIL", starting at column lead. */
static void proto(FILE *f, const char *type, const struct spec_entry *hook,
		  int lead, const char *tail)
{
	params(f, hook, lead + fprintf(f, "%s%s(", type, hook->name), tail);
}

static void args(FILE *f, const struct spec_entry *hook)
{
	int i;

	for (i = 0; i < hook->nargs; i++)
		fprintf(f, "%s%s", i ? ", " : "", param_name(hook->roles[i]));
}

void hook_decls(FILE *f, const struct spec *spec)
{
	const struct spec_entry *hm = spec_hook(spec, SPEC_HOOK_MAP);
	const struct spec_entry *hu = spec_hook(spec, SPEC_HOOK_UNMAP);

	fputs("\n/* The MMIO guard an architecture registers (mm/vmalloc.c). */\n"
	      "struct ioremap_guard_ops {\n", f);
	params(f, hm, 8 + fprintf(f, "\tint (*map)(") - 1, ";\n");
	if (hu)
		params(f, hu, 8 + fprintf(f, "\tvoid (*unmap)(") - 1, ";\n");
	fputs("};\n\n", f);
	fputs("int ioremap_guard_register(const struct ioremap_guard_ops *ops);\n", f);
	proto(f, "int ", hm, 0, ";\n");
	if (hu)
		proto(f, "void ", hu, 0, ";\n");
	fputs("\n", f);
}

/* The text of the map hook's definition, and the registration. */
static void map_default(FILE *f, const struct spec *spec)
{
	const struct spec_entry *hm = spec_hook(spec, SPEC_HOOK_MAP);

	fputs("static const struct ioremap_guard_ops *ioremap_guard __ro_after_init;\n"
	      "\n"
	      "/*\n"
	      " * An architecture that announces its MMIO mappings to a hypervisor\n"
	      " * registers its ops once, during boot, before its first MMIO mapping.\n"
	      " */\n"
	      "int __init ioremap_guard_register(const struct ioremap_guard_ops *ops)\n"
	      "{\n"
	      "\tif (ioremap_guard)\n"
	      "\t\treturn -EBUSY;\n"
	      "\tioremap_guard = ops;\n"
	      "\treturn 0;\n"
	      "}\n"
	      "\n"
	      "/* After a mapping succeeded: nonzero, the entry point unwinds it. */\n", f);
	proto(f, "int ", hm, 0, "\n{\n");
	fputs("\tif (!ioremap_guard)\n\t\treturn 0;\n\treturn ioremap_guard->map(", f);
	args(f, hm);
	fputs(");\n}", f);
}

static void unmap_default(FILE *f, const struct spec *spec)
{
	const struct spec_entry *hu = spec_hook(spec, SPEC_HOOK_UNMAP);

	proto(f, "void ", hu, 0, "\n{\n");
	fputs("\tif (ioremap_guard)\n\t\tioremap_guard->unmap(", f);
	args(f, hu);
	fputs(");\n}", f);
}

/* Lines for a semantic patch: each prefixed with "+". */
static void plus_lines(FILE *f, const struct spec *spec,
		       void (*text)(FILE *, const struct spec *))
{
	char *buf = NULL, *line, *nl;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);

	if (!m)
		return;
	text(m, spec);
	fclose(m);
	for (line = buf; line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		fprintf(f, "+%.*s%s", nl ? (int)(nl - line) : (int)strlen(line),
			line, nl ? "\n" : "");
	}
	free(buf);
}

void hook_map_default(FILE *f, const struct spec *spec)
{
	plus_lines(f, spec, map_default);
}

void hook_unmap_default(FILE *f, const struct spec *spec)
{
	plus_lines(f, spec, unmap_default);
}
