/* SPDX-License-Identifier: GPL-2.0 */
#ifndef IOGUARD_H
#define IOGUARD_H

#include <stddef.h>

/* What reports say of the tool (SARIF's driver); bumped by hand. The
 * URL is the placeholder the ci/ jobs clone from: set the real one. */
#define IOGUARD_VERSION "0.1.0"
#define IOGUARD_URL "https://example.org/ioguard"

/* Subcommands: argv[0] is the subcommand's name. Exit codes: 0 clean,
 * 1 findings, 2 usage or input error. */
int cmd_fetch_kernel(int argc, char **argv);
int cmd_prepare_kernel(int argc, char **argv);
int cmd_insert(int argc, char **argv);
int cmd_spec(int argc, char **argv);
int cmd_gen(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_arch(int argc, char **argv);
int cmd_cocci(int argc, char **argv);

struct spec;
/* cmd_spec.c: load --spec FILE, or the built-in spec when PATH is NULL;
 * -1 after "ioguard: CMD: PATH:LINE: message". */
int load_spec(const char *cmd, struct spec *spec, const char *path);

int cmd_check(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_derive(int argc, char **argv);
/* cmd_check.c: the checker binary ($IOGUARD_SPARSE, else the one built
 * beside this binary), or NULL after a one-line "ioguard: CMD: ...". */
const char *checker_path(const char *cmd);

/* util.c */
/* Path of a helper script in src/sh/ (or $IOGUARD_LIBEXEC). */
const char *libexec(const char *script);
/* Path of a data file of ours (cocci/, spec/ioguard.spec), or NULL. */
const char *datadir(const char *relative);
/* The cache directory (src/sh/lib.sh's rule), or NULL. */
const char *cache_dir(void);
/* A file's contents, NUL-terminated (malloc'd), or NULL. */
char *read_file(const char *path, size_t *len);
/* Replace path with text (through a rename: hard links are broken). */
int write_file(const char *path, const char *text, size_t len);
/* mkdir -p */
int mkdirs(const char *path);

/* run.c: other programs, from an argv (no shell). */
/* Run argv, return its exit status (127 when it cannot start). */
int run_command(char *const argv[]);
/* Run argv and return its stdout without trailing newlines (malloc'd),
 * or NULL unless it exits 0. */
char *run_capture(char *const argv[]);

/* A command-line option: NAME VALUE when value is set, a flag NAME
 * (which sets *flag to 1) when flag is. Tables end with { NULL }. */
struct cli_opt {
	const char *name;
	const char **value;
	int *flag;
};
/* Parse argv[1..] against opts. Returns the index of the first argument
 * that is none of them (or an option missing its value), argc if all are. */
int parse_options(int argc, char **argv, const struct cli_opt *opts);
#endif
