# SPDX-License-Identifier: GPL-2.0
# Sourced by tests/reliability/run.sh: Ctrl-C (SIGINT) and SIGTERM while
# a subprocess runs, and subprocesses that hang until their time limit
# (docs/reliability.md). Fake programs first on PATH stand for the real
# ones; each records its pid when it starts hanging.

o=$tmp/o
signoff="ioguard tests <tests@ioguard.invalid>"
fake=$tmp/fake
mkdir -p "$fake"
# hang NAME: a fake NAME that records its pid in $fake/NAME.pid and
# sleeps, when the subcommand (git) or unit (the checker) matches
# FAKE_HANG, else runs the real program.
for p in spatch make git apt-get; do
	real=$(command -v $p)
	cat > "$fake/$p" <<EOF
#!/bin/sh
for a; do case \$a in \${FAKE_HANG:-*}) echo \$\$ > "$fake/$p.pid"; exec sleep 1000 ;; esac; done
exec "$real" "\$@"
EOF
	chmod +x "$fake/$p"
done
cat > "$fake/checker" <<EOF
#!/bin/sh
# kbuild runs it on one unit, the source file last
for a; do :; done
case \$a in
*/vmalloc.c) echo \$\$ > "$fake/checker.pid"; exec sleep 1000 ;;
*/early_ioremap.c) kill -SEGV \$\$ ;;
*/mmap.c) echo "ioguard-sparse: not checked: \$a: the checker crashed (SIGSEGV)" >&2; exit 2 ;;
esac
exit 0
EOF
chmod +x "$fake/checker"
export TMPDIR="$tmp/tmpdir"
mkdir -p "$TMPDIR"
chmod 1777 "$TMPDIR"

# scratch_left: what ioguard left in TMPDIR and its cache's gen/
scratch_left() { ls -A "$TMPDIR" "$tmp/cache/gen" 2>/dev/null | grep -v ':$' | grep .; }

# after NAME PIDFILE: the fake that hung has ended, no scratch is left
after() {
	if [ ! -s "$2" ]; then
		ko "$1: the fake never started"
	elif ! gone "$(cat "$2")"; then
		ko "$1: pid $(cat "$2") ($(basename "$2" .pid)) still runs"
		kill -KILL "$(cat "$2")"
	elif scratch_left > /dev/null; then
		ko "$1: scratch left: $(scratch_left | tr '\n' ' ')"
	else
		ok "$1: the hung program is gone, no scratch left"
	fi
	rm -f "$2"
	rm -rf "$TMPDIR"/* "$tmp/cache/gen"
}

# stopped NAME SIGNAL PIDFILE PATTERN OUTPUTS CMD...: CMD in the
# background, SIGINT at its default action (with_sigint, lib.sh); once
# the fake has written PIDFILE, SIGNAL to CMD alone (as a terminal's
# Ctrl-C reaches ioguard, whose children run in their own process
# groups); then what fails() checks, on what CMD printed (the 6.1 tree
# is hashed before and after the whole suite).
stopped() {
	s_name=$1 s_sig=$2 s_pidfile=$3 s_pattern=$4 s_outputs=$5
	shift 5
	rm -f "$s_pidfile"
	perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or exit 127' "$@" > "$tmp/bg.out" 2> "$tmp/bg.err" &
	s_pid=$!
	if wait_for "$s_pidfile"; then
		kill -"$s_sig" "$s_pid"
	else
		kill -KILL "$s_pid"
	fi
	wait "$s_pid"
	fails "$s_name" "$s_pattern" "$s_outputs" replay $?
	after "$s_name" "$s_pidfile"
}
# replay RC: what the background command printed, and its exit status
replay() { cat "$tmp/bg.out"; cat "$tmp/bg.err" >&2; return "$1"; }

fakepath=$fake:$PATH
insert_fx="$ioguard insert --tree $fx --spec $fxspec -o $o/x.patch"
gen61="$ioguard gen --tree $t61 --arch arm64 --signoff tests<t@ioguard.invalid> --no-verify -o $o/series"

# Ctrl-C and SIGTERM.
PATH=$fakepath stopped "SIGINT during insert (spatch running)" INT "$fake/spatch.pid" \
	"insert: interrupted by SIGINT; temporary files removed" "$o/x.patch" $insert_fx
PATH=$fakepath stopped "SIGTERM during insert (spatch running)" TERM "$fake/spatch.pid" \
	"insert: interrupted by SIGTERM; temporary files removed" "$o/x.patch" $insert_fx
PATH=$fakepath IOGUARD_CACHE=$tmp/cache stopped "SIGINT during gen (its insert's spatch running)" INT \
	"$fake/spatch.pid" "gen: interrupted by SIGINT; temporary files removed" "$o/series" $gen61
PATH=$fakepath IOGUARD_CACHE=$tmp/cache FAKE_HANG=format-patch stopped \
	"SIGINT during gen (git format-patch running)" INT "$fake/git.pid" \
	"gen: interrupted by SIGINT; temporary files removed" "$o/series" $gen61
PATH=$fakepath stopped "SIGTERM during check (kbuild running)" TERM "$fake/make.pid" \
	"check: interrupted by SIGTERM; temporary files removed" "$o/check.log" \
	"$ioguard" check --tree "$t61" --arch x86_64 --build "$o/b-new" --log "$o/check.log"

# Time limits: each hung program is stopped and named, exit 2. Each limit
# reaches only the hung fake, but git's: gen runs real git first, with
# the same limit, hence 8 s there (git init and add take milliseconds).
PATH=$fakepath IOGUARD_TIMEOUT_SPATCH=2 fails "spatch hangs: insert" \
	"insert: spatch on hook_decls.cocci timed out after 2 s \(IOGUARD_TIMEOUT_SPATCH\)" "$o/x.patch" $insert_fx
after "spatch hangs: insert" "$fake/spatch.pid"
PATH=$fakepath IOGUARD_TIMEOUT=2 fails "make hangs: check" \
	"check: make defconfig prepare in $o/b-new \(x86_64\) timed out after 2 s \(IOGUARD_TIMEOUT_KBUILD\)" \
	"$o/check.log" "$ioguard" check --tree "$t61" --arch x86_64 --build "$o/b-new" --log "$o/check.log"
after "make hangs: check" "$fake/make.pid"
PATH=$fakepath IOGUARD_CACHE=$tmp/cache IOGUARD_TIMEOUT_GIT=8 FAKE_HANG=apply fails "git hangs: gen" \
	"gen: git apply timed out after 8 s \(IOGUARD_TIMEOUT_GIT\)" "$o/series" $gen61
after "git hangs: gen" "$fake/git.pid"
PATH=$fakepath IOGUARD_CACHE=$tmp/cache2 IOGUARD_TIMEOUT_APT=2 fails "apt-get hangs: fetch-kernel" \
	"fetch-kernel: apt-get update timed out after 2 s \(IOGUARD_TIMEOUT_APT\)" "" \
	"$ioguard" fetch-kernel 6.1
after "apt-get hangs: fetch-kernel" "$fake/apt-get.pid"
IOGUARD_TIMEOUT=soon fails "a time limit that is not a number" \
	"insert: IOGUARD_TIMEOUT='soon' is not a number of seconds" "$o/x.patch" $insert_fx

# One unit that hangs, one that kills the checker, one it crashes on and
# says so itself (crash.c; check-unit.sh's own line for it is dropped):
# each listed once as not checked, the others checked, exit 2.
IOGUARD_TIMEOUT_UNIT=2 IOGUARD_SPARSE=$fake/checker "$ioguard" check --tree "$t61" --arch x86_64 \
	--build "$b61" mm/vmalloc.o mm/early_ioremap.o mm/mmap.o mm/mremap.o > "$tmp/out" 2> "$tmp/err"
rc=$?
if [ $rc -eq 2 ] &&
   grep -qx "ioguard: check: not checked: mm/vmalloc.c: the checker timed out after 2 s (IOGUARD_TIMEOUT_UNIT)" "$tmp/err" &&
   grep -qx "ioguard: check: not checked: mm/early_ioremap.c: the checker died of signal 11" "$tmp/err" &&
   grep -qx "ioguard: check: not checked: mm/mmap.c: the checker crashed (SIGSEGV)" "$tmp/err" &&
   [ "$(grep -c "not checked: mm/mmap.c" "$tmp/err")" -eq 1 ] &&
   grep -q "^ioguard: check: [1-9][0-9]* files checked, 0 findings, 3 not checked$" "$tmp/err"; then
	ok "a unit hangs, one dies, one crashes: each listed once as not checked, the rest checked, exit 2"
else
	ko "units not checked: exit $rc"
	sed 's/^/	/' "$tmp/err"
fi
after "a unit hangs" "$fake/checker.pid"

# One kbuild at a time in a build directory (runs sharing a cache): while
# another holds it, check's make waits. A make wrapper says whether the
# holder had released the directory when make first started.
wrap=$tmp/wrap
mkdir -p "$wrap"
cat > "$wrap/make" <<WRAP
#!/bin/sh
[ -e "$wrap/started" ] || { [ -e "$wrap/released" ] && echo after || echo before; } > "$wrap/started"
PATH=$PATH exec make "\$@"
WRAP
chmod +x "$wrap/make"
flock "$b61" sh -c "sleep 3; : > '$wrap/released'" &
holder=$!
sleep 1
PATH=$wrap:$PATH "$ioguard" check --tree "$t61" --arch x86_64 --build "$b61" mm/vmalloc.o \
	> "$tmp/out" 2> "$tmp/err"
rc=$?
wait "$holder"
if [ $rc -eq 1 ] && [ "$(cat "$wrap/started" 2>/dev/null)" = after ] && grep -q 'ioremap_page_range' "$tmp/out"; then
	ok "another kbuild holds the build directory: check's make starts after it, then checks"
else
	ko "another kbuild holds the build directory: exit $rc, make started $(cat "$wrap/started" 2>/dev/null) its release"
	sed 's/^/	/' "$tmp/err"
fi
