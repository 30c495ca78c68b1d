# SPDX-License-Identifier: GPL-2.0
# Sourced by the helpers in src/sh/ for what they share; the ioguard binary
# and the Makefile read $cache from here too. A helper sets $me (its name
# in messages) and $here (its directory) first. Sourcing runs nothing; it
# sets these variables and defines the functions below:
#   cache    IOGUARD_CACHE, else $XDG_CACHE_HOME/ioguard, else ~/.cache/ioguard
#   IOGUARD  the ioguard binary (exported): ioguard exports it to the
#            helpers it runs; run straight from the source tree, a helper
#            uses build/ioguard (src/sh/arch-env.sh needs it).
# and traps SIGINT, SIGTERM and SIGHUP to exit 2, so that a helper's EXIT
# trap removes its temporaries when ioguard (or a terminal) stops it.
cache=${IOGUARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ioguard}
if [ -z "${IOGUARD:-}" ] && [ -n "${here:-}" ]; then
	IOGUARD=$here/../../build/ioguard
	export IOGUARD
fi

# die MESSAGE: one line on stderr, exit 2.
die() { echo "ioguard: ${me:-ioguard}: $*" >&2; exit 2; }

trap 'exit 2' INT TERM HUP
# fd 9: the stderr the helper started with, for the messages of steps
# whose own output goes to a log
exec 9>&2

# Time limits (docs/reliability.md): step_limit STEP sets $limit, the
# seconds STEP may take: IOGUARD_TIMEOUT_STEP, else IOGUARD_TIMEOUT, else
# STEP's default; 0 is no limit. src/run.c has the same rule for git.
step_limit() {
	case $1 in
	SPATCH) limit=3600 ;;	# one script over a whole tree: seconds, measured
	KBUILD) limit=7200 ;;	# defconfig + prepare ~10 s, C=2 over mm/ minutes
	UNIT) limit=600 ;;	# one unit through the checker: < 1 s measured
	GIT) limit=600 ;;
	APT) limit=3600 ;;	# a 140 MB linux-source download on a slow link
	*) limit=1800 ;;
	esac
	eval "limit=\${IOGUARD_TIMEOUT_$1:-\${IOGUARD_TIMEOUT:-$limit}}"
	case $limit in
	'' | *[!0-9]*) die "IOGUARD_TIMEOUT or IOGUARD_TIMEOUT_$1 ('$limit') is not a number of seconds" ;;
	esac
}

# bounded STEP WHAT CMD...: CMD within STEP's time limit (coreutils
# timeout, in its own process group: at the limit SIGTERM to all of it,
# SIGKILL 10 s later). At the limit: "ioguard: ME: WHAT timed out after N
# s (IOGUARD_TIMEOUT_STEP)" on fd 9, even when CMD's stderr is a log,
# and status 124; else CMD's status. CMD runs
# in the background (its stdin is /dev/null), so that SIGINT or SIGTERM
# to this shell reaches it: timeout's group is not ours.
bounded() {
	step_limit "$1"
	b_step=$1 b_what=$2
	shift 2
	timeout -k 10 "$limit" "$@" &
	b_pid=$!
	b_stop=
	trap 'b_stop=1; kill -TERM $b_pid 2>/dev/null' INT TERM HUP
	# 2>/dev/null: no "Terminated" from the shell when CMD was stopped
	b_rc=0
	wait $b_pid 2>/dev/null || b_rc=$?
	# a trapped signal ends wait early: wait again for the real status
	while [ -n "$b_stop" ] && kill -0 $b_pid 2>/dev/null; do
		b_rc=0
		wait $b_pid 2>/dev/null || b_rc=$?
	done
	trap 'exit 2' INT TERM HUP
	[ -z "$b_stop" ] || exit 2
	if [ $b_rc -eq 124 ] || [ $b_rc -eq 137 ]; then
		echo "ioguard: ${me:-ioguard}: $b_what timed out after $limit s (IOGUARD_TIMEOUT_$b_step)" >&9
		return 124
	fi
	return $b_rc
}

# or_die STATUS MESSAGE: after a failed bounded step; a timeout has said
# why already.
or_die() { [ "$1" -eq 124 ] && exit 2; die "$2"; }

# kmake ARGS...: kbuild on $tree, out of tree in $out, for $karch with
# $cross (from arch-env.sh), $IOGUARD_JOBS jobs (default: every CPU),
# bounded as KBUILD; $kstep names it in a timeout message.
# One kbuild at a time in $out: two makes in one build directory rebuild
# the same objects and headers at once and fail (CI jobs sharing a cache
# do that). flock(1) locks the directory itself, so nothing is created in
# it (made first: flock would create a missing one as a file); the wait
# counts against the time limit.
kmake() {
	mkdir -p "$out" || die "cannot create '$out'"
	bounded KBUILD "${kstep:-make $*} ($karch)" flock "$out" make -C "$tree" O="$out" \
		ARCH="$karch" CROSS_COMPILE="$cross" -j"${IOGUARD_JOBS:-$(nproc)}" "$@" </dev/null
}

# kbuild_target TREE ARCH BUILD: what kmake needs, checked: $tree and $out
# absolute (make -C would read a relative O= from inside the tree), the
# arch's names (arch-env.sh), $cross (CROSS_COMPILE from the environment
# wins over the arch's Debian prefix), its compiler found; then BUILD is
# created (last: a failed check leaves nothing behind).
kbuild_target() {
	tree=$(cd -P "$1" && pwd) || die "no tree '$1'"
	arch=$2
	. "$here/arch-env.sh"
	cross=${CROSS_COMPILE-$cross}
	need_cc
	out=$(mkdir -p "$3" && cd -P "$3" && pwd) || die "cannot create '$3'"
}

# need_cc: the compiler kmake will use, or a one-line error.
need_cc() {
	command -v "${cross}gcc" >/dev/null 2>&1 ||
		die "${cross}gcc not found (run 'make deps')"
}

# kprepare: what the checker needs of $out: defconfig, then kbuild's
# generated headers (make prepare).
kprepare() {
	mkdir -p "$out" && kstep="make defconfig prepare in $out" kmake -s defconfig prepare >&2
}

# scratch_git ARGS...: git as ioguard, in the scratch repositories of gen
# and verify (their base commits, git am), where the user's identity
# does not belong and may not exist.
scratch_git() {
	GIT_AUTHOR_NAME=ioguard GIT_AUTHOR_EMAIL=ioguard@localhost.invalid \
	GIT_COMMITTER_NAME=ioguard GIT_COMMITTER_EMAIL=ioguard@localhost.invalid \
		bounded GIT "git $1" git -c commit.gpgsign=false "$@"
}
