/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What each check means, in the words of docs/checker.md's table of
 * checks: generated at build time (checkers/embed-docs.sh) so that the
 * reports' rule help cannot drift from the documentation, and a check
 * without a line there does not build.
 */
#ifndef IOGUARD_CHECK_DOCS_H
#define IOGUARD_CHECK_DOCS_H

struct check_doc {
	const char *name;	/* as in [ioguard-NAME]: unhooked-map */
	const char *when;	/* "reported when", markdown as written */
	const char *where;	/* where the finding points, markdown */
};

/* In checks.def's order, ended by a NULL name. */
extern const struct check_doc check_docs[];

#endif
