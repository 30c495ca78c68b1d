// SPDX-License-Identifier: GPL-2.0
/*
 * ioguard-clang: the same checks as ioguard-sparse, on what libclang
 * parses (docs/frontends.md). It takes what ioguard-sparse takes, so
 * that kbuild's checker command line and `ioguard audit` can run either:
 *
 *	ioguard-clang [--ioguard-*] [compiler options] FILE...
 *	ioguard-clang --ioguard-compile-db=DIR [FILE...]
 *
 * With a compile database (compile_commands.json in DIR, as the kernel's
 * scripts/clang-tools/gen_compile_commands.py writes it), each FILE is
 * checked with its own command, in its directory (a file the database
 * does not list gets the command of its nearest neighbour there:
 * libclang's interpolation); without FILE, every file of the database.
 *
 * Diagnostics and exit status are ioguard-sparse's: findings as
 * "file:line:col: warning: ... [ioguard-CHECK]" on stderr; 0 clean,
 * 1 findings, 2 usage or input error (clang's errors included);
 * with --ioguard-warn-only, 0 unless a file cannot be read.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <clang-c/CXCompilationDatabase.h>

#include "clang-unit.h"
#include "../core/facts.h"
#include "../core/frontend.h"

static const char usage[] =
	"usage: ioguard-clang [--ioguard-spec=FILE] [--ioguard-warn-only] [--ioguard-facts=FILE]\n"
	"                     [--ioguard-user-map] [compiler options] FILE...\n"
	"       ioguard-clang [--ioguard-*] --ioguard-compile-db=DIR [FILE...]\n"
	"Checks with libclang that ioremap-style mappings call the MMIO guard hooks.\n"
	"  --ioguard-spec=FILE        read entry points, primitives and hooks from FILE\n"
	"                             (default: the built-in spec)\n"
	"  --ioguard-warn-only        exit 0 whatever is found (1 if a file cannot be read)\n"
	"  --ioguard-facts=FILE       also write each unit's facts to FILE (ioguard audit)\n"
	"  --ioguard-user-map         also report user mappings of device memory (user-map)\n"
	"  --ioguard-compile-db=DIR   take each file's command from DIR/compile_commands.json\n"
	"Compiler options: -D, -U, -I, -include, -std=, -O, --arch= (sparse's) or\n"
	"--target=; the rest of a gcc or sparse command line is accepted and ignored.\n";

struct run {
	CXIndex index;
	const struct spec *spec;
	bool warn_only;
	bool error;		/* an input error: exit 2 */
	bool missing;		/* a file could not be read */
};

static void check(struct run *r, const char *file, struct cargs *a)
{
	bool has_error;

	if (clang_unit_check(r->index, r->spec, file, a->argv, a->argc, &has_error) < 0) {
		fprintf(stderr, r->warn_only ? "%s: No such file: %s\n" :
			"%s: cannot read '%s'\n", ioguard_prog, file);
		r->missing = true;
		r->error = true;
		return;
	}
	r->error |= has_error;
}

/* One file of a compile database, with its command, in its directory. */
static void check_command(struct run *r, CXCompileCommand cmd)
{
	CXString dir = clang_CompileCommand_getDirectory(cmd);
	CXString file = clang_CompileCommand_getFilename(cmd);
	unsigned n = clang_CompileCommand_getNumArgs(cmd), i;
	const char **argv = calloc(n + 1, sizeof(*argv));
	CXString *strs = calloc(n + 1, sizeof(*strs));
	char cwd[PATH_MAX];
	struct cargs a;
	int argc = 0;

	for (i = 0; i < n; i++)
		strs[i] = clang_CompileCommand_getArg(cmd, i);
	/* the compiler, then its options; not -c, -o FILE, the file itself */
	for (i = 1; i < n; i++) {
		const char *s = clang_getCString(strs[i]);

		if (!strcmp(s, "-c") || !strcmp(s, clang_getCString(file)))
			continue;
		if (!strcmp(s, "-o")) {
			i++;
			continue;
		}
		argv[argc++] = s;
	}
	cargs_translate(&a, argc, argv, n ? clang_getCString(strs[0]) : NULL);
	if (getcwd(cwd, sizeof(cwd)) && !chdir(clang_getCString(dir))) {
		check(r, clang_getCString(file), &a);
		if (chdir(cwd))
			ioguard_die("cannot return to '%s'", cwd);
	} else {
		fprintf(stderr, "%s: cannot enter '%s'\n", ioguard_prog, clang_getCString(dir));
		r->error = true;
	}
	cargs_free(&a);
	for (i = 0; i < n; i++)
		clang_disposeString(strs[i]);
	clang_disposeString(dir);
	clang_disposeString(file);
	free(strs);
	free(argv);
}

static void check_database(struct run *r, const char *dir, struct cargs *rest)
{
	CXCompilationDatabase_Error err;
	CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(dir, &err);
	CXCompileCommands cmds;
	unsigned i, n;
	int f;

	if (err != CXCompilationDatabase_NoError || !db)
		ioguard_die("no compile_commands.json in '%s'", dir);
	for (f = 0; f < (rest->nfiles ? rest->nfiles : 1); f++) {
		if (rest->nfiles) {
			char path[PATH_MAX];

			if (!realpath(rest->files[f], path)) {
				fprintf(stderr, "%s: cannot read '%s'\n", ioguard_prog, rest->files[f]);
				r->error = r->missing = true;
				continue;
			}
			cmds = clang_CompilationDatabase_getCompileCommands(db, path);
		} else {
			cmds = clang_CompilationDatabase_getAllCompileCommands(db);
		}
		n = cmds ? clang_CompileCommands_getSize(cmds) : 0;
		if (!n && rest->nfiles) {
			fprintf(stderr, "%s: '%s' is not in %s/compile_commands.json\n",
				ioguard_prog, rest->files[f], dir);
			r->error = true;
		}
		/* a file compiled twice is checked once, with its first command */
		for (i = 0; i < (rest->nfiles ? (n ? 1 : 0) : n); i++)
			check_command(r, clang_CompileCommands_getCommand(cmds, i));
		if (cmds)
			clang_CompileCommands_dispose(cmds);
	}
	clang_CompilationDatabase_dispose(db);
}

int main(int argc, char **argv)
{
	const char *spec_path = NULL, *facts_path = NULL, *db = NULL;
	static struct spec spec;
	struct run r = { 0 };
	struct cargs a;
	char err[512];
	int i, j;

	ioguard_prog = "ioguard-clang";
	for (i = 1, j = 0; i < argc; i++) {
		if (!strncmp(argv[i], "--ioguard-spec=", 15)) {
			spec_path = argv[i] + 15;
		} else if (!strncmp(argv[i], "--ioguard-facts=", 16)) {
			facts_path = argv[i] + 16;
		} else if (!strncmp(argv[i], "--ioguard-compile-db=", 21)) {
			db = argv[i] + 21;
		} else if (!strcmp(argv[i], "--ioguard-warn-only")) {
			r.warn_only = true;
		} else if (!strcmp(argv[i], "--ioguard-user-map")) {
			ioguard_user_map = true;
		} else if (!strcmp(argv[i], "--help") && argc == 2) {
			fputs(usage, stdout);
			return 0;
		} else if (!strncmp(argv[i], "--ioguard", 9)) {
			ioguard_die("unknown option '%s' (see --help)", argv[i]);
		} else {
			argv[j++] = argv[i];
		}
	}
	cargs_translate(&a, j, (const char *const *)argv, NULL);
	if (!a.nfiles && !db) {
		if (r.warn_only)
			return 0;
		ioguard_die("%s", "no input file (see --help)");
	}
	if (spec_path ? spec_load(&spec, spec_path, err, sizeof(err)) :
			spec_load_default(&spec, err, sizeof(err)))
		ioguard_die("%s", err);
	r.spec = &spec;
	/* a file that cannot be read is a usage error before any output */
	for (i = 0; !db && !r.warn_only && i < a.nfiles; i++)
		if (access(a.files[i], R_OK))
			ioguard_die("cannot read '%s'", a.files[i]);
	r.index = clang_createIndex(0, 0);
	if (!abi_calibrate(r.index, err, sizeof(err))) {
		fprintf(stderr, "%s: this libclang is not the one ioguard reads (%s); "
			"the clang frontend needs libclang 14\n", ioguard_prog, err);
		return 2;
	}
	if (facts_path)
		facts_open(facts_path);
	if (db)
		check_database(&r, db, &a);
	else
		for (i = 0; i < a.nfiles; i++)
			check(&r, a.files[i], &a);
	facts_close();
	clang_disposeIndex(r.index);
	cargs_free(&a);
	if (r.warn_only)
		return r.missing ? 1 : 0;
	if (r.error)
		return 2;
	return diag_count() ? 1 : 0;
}
