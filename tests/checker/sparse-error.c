// SPDX-License-Identifier: GPL-2.0
/* A syntax error: libsparse's own error is printed, and it is an input
 * error (exit 2). */
#include "kernel.h"

int broken(int x)
{
	return x +;
}

/*
 * check-name: libsparse's errors are printed and give exit 2
 * check-exit-value: 2
 *
 * check-error-start
sparse-error.c:8:19: error: No right hand side of '+'-expression
 * check-error-end
 */
