// SPDX-License-Identifier: GPL-2.0
/*
 * A compiler's command line as libclang's (clang-unit.h). The clang
 * frontend takes what ioguard-sparse takes: kbuild's checker command
 * line (sparse's -D, -I, -include and --arch=), or a compile command
 * from a compile_commands.json (gcc's flags, a cross compiler's name).
 * What only decides how code is compiled (optimisation, code model,
 * warnings, dependency files) is dropped: clang would refuse some of
 * gcc's, and none of it changes what the code says. -O stays, since it
 * defines __OPTIMIZE__, which kernel headers test.
 */
#include <stdlib.h>
#include <string.h>

#include "clang-unit.h"

static void push(const char ***v, int *n, int *cap, const char *s)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = realloc(*v, *cap * sizeof(**v));
		if (!*v)
			abort();
	}
	(*v)[(*n)++] = s;
}

static void arg(struct cargs *a, const char *s)
{
	push(&a->argv, &a->argc, &a->cap, s);
}

/* Options whose value is the next argument. */
static bool takes_value(const char *s)
{
	static const char *const opts[] = {
		"-I", "-D", "-U", "-include", "-imacros", "-isystem", "-iquote",
		"-idirafter", "-o", "-x", "-MF", "-MT", "-MQ", "--param", "-Xassembler",
		"-Xlinker", "-Xpreprocessor", "-target", "-arch", "-aux-info", "-T",
		"-L", "-l", "-isysroot", "--sysroot", "-G", NULL
	};
	int i;

	for (i = 0; opts[i]; i++)
		if (!strcmp(s, opts[i]))
			return true;
	return false;
}

/* Options kept, with their value when it is separate. */
static bool keep(const char *s)
{
	static const char *const prefixes[] = {
		"-I", "-D", "-U", "-include", "-imacros", "-isystem", "-iquote",
		"-idirafter", "-std=", "--target=", "-target", "-O", NULL
	};
	static const char *const exact[] = {
		"-nostdinc", "-nostdlibinc", "-ffreestanding", "-fshort-wchar",
		"-funsigned-char", "-fsigned-char", "-fms-extensions", "-fno-builtin",
		"-m64", "-m32", "-mlittle-endian", "-mbig-endian", NULL
	};
	int i;

	for (i = 0; exact[i]; i++)
		if (!strcmp(s, exact[i]))
			return true;
	for (i = 0; prefixes[i]; i++)
		if (!strncmp(s, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

/* sparse's --arch= and a cross compiler's prefix, as clang's target. */
static const char *target_of(const char *arch)
{
	static const struct { const char *name, *triple; } arches[] = {
		{ "arm64", "aarch64-linux-gnu" }, { "aarch64", "aarch64-linux-gnu" },
		{ "x86_64", "x86_64-linux-gnu" }, { "x86", "x86_64-linux-gnu" },
		{ "i386", "i386-linux-gnu" }, { "riscv64", "riscv64-linux-gnu" },
		{ "riscv", "riscv64-linux-gnu" }, { "arm", "arm-linux-gnueabi" },
		{ "ppc64", "powerpc64-linux-gnu" }, { "powerpc64", "powerpc64-linux-gnu" },
		{ "s390x", "s390x-linux-gnu" }, { "mips", "mips-linux-gnu" },
		{ "loongarch64", "loongarch64-linux-gnu" },
	};
	size_t i;

	for (i = 0; i < sizeof(arches) / sizeof(*arches); i++)
		if (!strncmp(arch, arches[i].name, strlen(arches[i].name)) &&
		    (!arch[strlen(arches[i].name)] || arch[strlen(arches[i].name)] == '-'))
			return arches[i].triple;
	return NULL;
}

static const char *compiler_target(const char *compiler)
{
	const char *base = compiler ? strrchr(compiler, '/') : NULL;

	base = base ? base + 1 : compiler;
	if (!base || !strchr(base, '-'))
		return NULL;
	return target_of(base);
}

void cargs_translate(struct cargs *a, int argc, const char *const *argv,
		     const char *compiler)
{
	const char *target = compiler_target(compiler);
	static char buf[64][128];
	static int nbuf;
	int i;

	memset(a, 0, sizeof(*a));
	arg(a, "-xc");
	arg(a, "-w");		/* clang's warnings are not ioguard's to print */
	arg(a, "-fno-spell-checking");
	for (i = 0; i < argc; i++) {
		const char *s = argv[i];

		if (s[0] != '-' || !s[1]) {
			push(&a->files, &a->nfiles, &a->capfiles, s);
			continue;
		}
		if (!strncmp(s, "--arch=", 7)) {
			target = target_of(s + 7);
			continue;
		}
		/* sparse's command line names builtins clang defines itself */
		if (!strcmp(s, "-D__STDC__") || !strncmp(s, "-D__STDC__=", 11)) {
			continue;
		}
		if (keep(s)) {
			arg(a, s);
			if (takes_value(s) && i + 1 < argc)
				arg(a, argv[++i]);
			continue;
		}
		if (takes_value(s))
			i++;
	}
	if (target && nbuf < 64) {
		snprintf(buf[nbuf], sizeof(buf[nbuf]), "--target=%s", target);
		arg(a, buf[nbuf++]);
	}
}

void cargs_free(struct cargs *a)
{
	free(a->argv);
	free(a->files);
	memset(a, 0, sizeof(*a));
}
