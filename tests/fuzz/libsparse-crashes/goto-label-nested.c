// SPDX-License-Identifier: GPL-2.0
/* Found by make fuzz (fuzz-checker, a mutated map-goto-skips-hook.c, cut
 * down by hand): a goto to a label inside a nested function definition
 * of the same name. libsparse 0.6.4 dies in is_in_scope() (SIGSEGV),
 * plain sparse as well: ioguard-sparse says "not checked: FILE: the
 * checker crashed (SIGSEGV)" and exits 2 (checkers/crash.c), and
 * `ioguard check` lists the unit and checks the others. */
int e(void)
{
	goto t;
	int e(void)
	{
t:
		return 0;
	}
}
