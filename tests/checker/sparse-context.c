// SPDX-License-Identifier: GPL-2.0
/* Lock contexts are checked by sparse's own program (sparse.c), not by
 * libsparse: ioguard-sparse runs that program, so the warning comes out
 * as sparse prints it. A sparse warning, not a finding: exit 0. */
#include "kernel.h"

extern void take(void) __attribute__((context(lock, 0, 1)));
extern void drop(void) __attribute__((context(lock, 1, 0)));

int left_locked(int x)
{
	take();
	if (x)
		return -1;
	drop();
	return 0;
}

/*
 * check-name: sparse's context imbalance warning is printed
 *
 * check-error-start
sparse-context.c:10:5: warning: context imbalance in 'left_locked' - wrong count at exit
 * check-error-end
 */
