/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ioguard spec: one file naming the hooks, the map and unmap entry
 * points, the page-table primitives, the fixmap IO patterns and the
 * teardown functions. Every ioguard tool reads it through this module
 * (the Coccinelle scripts parse the same text in Python). docs/spec.md
 * describes the format.
 */
#ifndef IOGUARD_SPEC_H
#define IOGUARD_SPEC_H

#include <stddef.h>
#include <stdio.h>

enum spec_kind {
	SPEC_HOOK_MAP,
	SPEC_HOOK_UNMAP,
	SPEC_ENTRY_MAP,
	SPEC_ENTRY_UNMAP,
	SPEC_PRIMITIVE,
	SPEC_FIXMAP,
	SPEC_TEARDOWN,
	SPEC_EXEMPT,
	/* device memory as data flow (docs/devmem.md) */
	SPEC_SINK,		/* writes a protection or PTE into a page table */
	SPEC_SANITIZER,		/* announces what it maps, like an entry point */
	SPEC_USER_MAP,		/* maps memory into user space */
	SPEC_DEVICE_ATTR,	/* NAME is an arch: which protections are device */
};

/* What a parameter is; ROLE_NONE ('-') is a parameter no check reads. */
enum spec_role {
	ROLE_NONE,
	ROLE_ADDR,
	ROLE_END,
	ROLE_PHYS,
	ROLE_PROT,
	ROLE_SIZE,
	ROLE_IDX,
	ROLE_AREA,
	ROLE_RES,
	ROLE_PTE,		/* a page-table entry value (any level) */
};

/* What the return value says about success. */
enum spec_success {
	SUCCESS_ZERO,		/* int: 0 on success, negative errno on failure */
	SUCCESS_NONNULL,	/* pointer: non-NULL on success */
	SUCCESS_VOID,		/* cannot fail */
};

#define SPEC_MAX_ARGS 8
/* Real specs have tens of records; the limits keep a wrong file (a 10 MB
 * log passed as --spec) from costing minutes in the linear lookups. */
#define SPEC_MAX_ENTRIES 4096
#define SPEC_MAX_BYTES (1 << 20)

struct spec_entry {
	enum spec_kind kind;
	char *name;
	int nargs;
	enum spec_role roles[SPEC_MAX_ARGS];
	enum spec_success success;
	char *io_prot;		/* fixmap: macro naming the IO protection */
	char *reason;		/* exempt: why */
	/* device-attr: the macro naming the memory-type bits, and the C
	 * expressions (evaluated in each unit) that mean device memory */
	char *mask;
	char *when;		/* probes only where this macro is defined too */
	char *present;		/* the macro of the bits that make an entry map */
	char **values;
	int nvalues;
	int line;
};

struct spec {
	char *path;
	struct spec_entry *entries;
	int nr;
};

/*
 * Parse spec text. On error, returns -1 and writes "PATH:LINE: message"
 * into err.
 */
int spec_parse(struct spec *spec, const char *path, const char *text,
	       char *err, size_t errlen);
int spec_load(struct spec *spec, const char *path, char *err, size_t errlen);
/* Free what spec_parse() allocated, after success or failure. */
void spec_free(struct spec *spec);
/* The spec built into the binary (spec/ioguard.spec at build time). */
int spec_load_default(struct spec *spec, char *err, size_t errlen);

const struct spec_entry *spec_find(const struct spec *spec, const char *name);
const struct spec_entry *spec_hook(const struct spec *spec, enum spec_kind kind);
/* Index of the first parameter with this role, or -1. */
int spec_arg(const struct spec_entry *e, enum spec_role role);

const char *spec_kind_name(enum spec_kind kind);
const char *spec_role_name(enum spec_role role);
const char *spec_success_name(enum spec_success success);
/* The spec normalised, one record a line, every default spelled out:
 * what `ioguard spec` prints and what scripts read. */
void spec_print(FILE *f, const struct spec *spec);

extern const char ioguard_default_spec[];

#endif
