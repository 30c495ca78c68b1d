// SPDX-License-Identifier: GPL-2.0
/* sparse's own warnings come through unchanged; they are not findings. */
#include "kernel.h"

int not_declared(int x)
{
	return x;
}

/*
 * check-name: libsparse's warnings are printed as sparse prints them
 * check-command: ioguard-sparse $file
 *
 * check-error-start
sparse-warning.c:5:5: warning: symbol 'not_declared' was not declared. Should it be static?
 * check-error-end
 */
