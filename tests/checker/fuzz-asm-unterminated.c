// SPDX-License-Identifier: GPL-2.0
/* Found by make fuzz (fuzz-checker, from args-asm-prot-other.c): an asm
 * output constraint whose string never ends. libsparse recovers from the
 * syntax error with an operand it then crashes on when it linearizes the
 * caller (plain sparse 0.6.4 dies of SIGSEGV here too); ioguard-sparse
 * prints sparse's errors, does not linearize the unit and says so. */
#include "kernel.h"

static inline unsigned long mask_of(void)
{
	unsigned long mask;

	asm("li %0, 0x6" : "=r (mask));
	return mask;
}

int user(void)
{
	return mask_of() != 0;
}

/*
 * check-name: a unit libsparse cannot parse is not linearized (no crash)
 * check-exit-value: 2
 *
 * check-error-start
fuzz-asm-unterminated.c:14:0: warning: missing terminating " character
fuzz-asm-unterminated.c:14:9: error: Expected ( in asm parameter
fuzz-asm-unterminated.c:14:9: error: got return
ioguard-sparse: not checked: fuzz-asm-unterminated.c: sparse reported syntax errors
 * check-error-end
 */
