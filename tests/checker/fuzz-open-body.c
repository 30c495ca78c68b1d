// SPDX-License-Identifier: GPL-2.0
/* Found by make fuzz (fuzz-checker, minimized): a function body left
 * open by syntax errors, then ioguard's probe (tu.c) appended after the
 * unit is parsed as a function nested in it, and libsparse asserted
 * rebinding an earlier declaration whose scope had ended (SIGABRT; plain
 * sparse, without the probe, survives the unit). The rebinding is now
 * skipped (crash.c): sparse's errors, exit 2. */
#include "kernel.h"

d;*earlycon_map(){. );
void __iomem *earlycon_map(py;

void *earlycon_map(_t)
{d;

void __iomem *earlycon_map()


/*
 * check-name: a body left open, then the probe: no crash
 * check-exit-value: 2
 *
 * check-error-start
fuzz-open-body.c:10:1: warning: 'd' has implicit type
fuzz-open-body.c:10:17: warning: non-ANSI function declaration of function 'earlycon_map'
fuzz-open-body.c:10:19: error: Expected ; at end of statement
fuzz-open-body.c:10:19: error: got .
fuzz-open-body.c:11:30: error: Expected ) in function declarator
fuzz-open-body.c:11:30: error: got ;
fuzz-open-body.c:13:20: error: missing type declaration for parameter '_t'
fuzz-open-body.c: note: in included file:
builtin:2:60: error: expected ';' at end of parameter declaration
fuzz-open-body.c: note: in included file:
include/kernel.h:194:0: error: Expected } at end of function
include/kernel.h:194:0: error: got end-of-input
include/kernel.h:194:0: error: Expected } at end of function
include/kernel.h:194:0: error: got end-of-input
 * check-error-end
 */
