/* SPDX-License-Identifier: GPL-2.0 */
/* The arches ioguard knows: spec/arches, one parser for C and shell. */
#ifndef IOGUARD_ARCH_H
#define IOGUARD_ARCH_H

struct arch {
	char name[16];		/* ioguard's name: arm64, x86_64, riscv */
	char karch[16];		/* kbuild's ARCH= */
	char srcarch[16];	/* directory under arch/ */
	char cross[32];		/* Debian cross-compiler prefix */
	char uname[16];		/* uname -m of a native host */
	char aliases[64];	/* " alias alias ": other names users type */
};

/* The arch NAME names (its own name or an alias), or NULL after printing
 * "ioguard: CMD: unknown arch 'NAME' (arm64, x86_64, riscv)". */
const struct arch *arch_lookup(const char *cmd, const char *name);
/* The cross prefix to use on this host: "" when native. */
const char *arch_cross(const struct arch *a);
/* A kernel source tree: has a top Makefile and include/linux/io.h. */
int is_kernel_tree(const char *dir);
/* The checks every tree-and-arch command makes: TREE is a kernel tree and
 * NAME a known arch. Returns the arch's own name, or NULL after a one-line
 * "ioguard: CMD: ..." message. */
const char *tree_arch_name(const char *cmd, const char *tree, const char *name);
#endif
