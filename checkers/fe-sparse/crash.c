// SPDX-License-Identifier: GPL-2.0
/*
 * libsparse's crashes on input it cannot parse, found by make fuzz:
 * one is avoided, the others are one line naming the unit and exit 2,
 * not a core dump, so that kbuild's check-unit.sh lists the unit as
 * not checked and goes on.
 *
 * The crash handler is not in sanitizer builds: there ASan and UBSan
 * report the crash, with the stack, which is what those builds are for.
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "symbol.h"
#include "scope.h"

#include "sparse-unit.h"

__typeof__(rebind_scope) __real_rebind_scope, __wrap_rebind_scope;

/*
 * After a function body left open by a syntax error, the next function
 * definition is parsed as one nested in it, and libsparse then moves an
 * earlier declaration out of a scope that has already ended: it asserts
 * (SIGABRT). ioguard's probe (tu.c), appended after the unit, made that
 * happen to units plain sparse survives (tests/checker/fuzz-open-body.c).
 * A symbol its scope no longer lists was unbound when that scope ended:
 * it is left so (bound again, ending the new scope would crash on it).
 * The unit has syntax errors, so it is not linearized anyway.
 */
void __wrap_rebind_scope(struct symbol *sym, struct scope *new)
{
	struct symbol *s;

	if (sym->scope && sym->scope != new) {
		FOR_EACH_PTR(sym->scope->symbols, s) {
			if (s == sym) {
				__real_rebind_scope(sym, new);
				return;
			}
		} END_FOR_EACH_PTR(s);
		return;	/* unbound when its scope ended: leave it so */
	}
	__real_rebind_scope(sym, new);
}

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif

/* Other crashes of libsparse (one in is_in_scope() on a label after
 * such a nested definition; plain sparse dies too): one line, exit 2. */
static const char *unit = "(before the first unit)";

#ifndef SANITIZED
static void say(const char *s)
{
	if (write(STDERR_FILENO, s, strlen(s)) < 0)
		return;
}

static void crashed(int sig)
{
	say("ioguard-sparse: not checked: ");
	say(unit);
	say(sig == SIGSEGV ? ": the checker crashed (SIGSEGV)\n" :
	    sig == SIGABRT ? ": the checker crashed (SIGABRT)\n" :
	    sig == SIGBUS ? ": the checker crashed (SIGBUS)\n" :
	    sig == SIGFPE ? ": the checker crashed (SIGFPE)\n" :
	    ": the checker crashed (SIGILL)\n");
	_exit(2);
}
#endif

void crash_guard_init(void)
{
#ifndef SANITIZED
	/* a stack overflow (deep recursion in the parser) runs it too */
	static char altstack[1 << 16];
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL };
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = crashed;
	sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
	sigaltstack(&ss, NULL);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
#endif
}

void crash_guard_unit(const char *file)
{
	unit = file;
}
