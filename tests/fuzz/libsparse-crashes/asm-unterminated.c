// SPDX-License-Identifier: GPL-2.0
/* Found by make fuzz (fuzz-checker, from args-asm-prot-other.c, cut down
 * by hand): an asm output constraint whose string never ends. libsparse
 * recovers from the syntax error with an operand it then crashes on
 * (SIGSEGV in linearize_address_gen()) when it linearizes the caller;
 * plain sparse 0.6.4 dies the same way. ioguard-sparse says "not
 * checked: FILE: the checker crashed (SIGSEGV)", exit 2 (crash.c). */
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

