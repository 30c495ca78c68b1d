# SPDX-License-Identifier: GPL-2.0
# Sourced by the helpers in src/sh/ for what they share; the ioguard binary
# and the Makefile read $cache from here too. A helper sets $me (its name
# in messages) and $here (its directory) first. Sourcing runs nothing; it
# sets these variables and defines the functions below:
#   cache    IOGUARD_CACHE, else $XDG_CACHE_HOME/ioguard, else ~/.cache/ioguard
#   IOGUARD  the ioguard binary (exported): ioguard exports it to the
#            helpers it runs; run straight from the source tree, a helper
#            uses build/ioguard (src/sh/arch-env.sh needs it).
cache=${IOGUARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ioguard}
if [ -z "${IOGUARD:-}" ] && [ -n "${here:-}" ]; then
	IOGUARD=$here/../../build/ioguard
	export IOGUARD
fi

# die MESSAGE: one line on stderr, exit 2.
die() { echo "ioguard: ${me:-ioguard}: $*" >&2; exit 2; }

# kmake ARGS...: kbuild on $tree, out of tree in $out, for $karch with
# $cross (from arch-env.sh), $IOGUARD_JOBS jobs (default: every CPU).
kmake() {
	make -C "$tree" O="$out" ARCH="$karch" CROSS_COMPILE="$cross" \
		-j"${IOGUARD_JOBS:-$(nproc)}" "$@" </dev/null
}

# kbuild_target TREE ARCH BUILD: what kmake needs, checked: $tree and $out
# absolute (make -C would read a relative O= from inside the tree; BUILD
# is created), the arch's names (arch-env.sh), $cross (CROSS_COMPILE from
# the environment wins over the arch's Debian prefix), its compiler found.
kbuild_target() {
	tree=$(cd -P "$1" && pwd) || die "no tree '$1'"
	arch=$2
	out=$(mkdir -p "$3" && cd -P "$3" && pwd) || die "cannot create '$3'"
	. "$here/arch-env.sh"
	cross=${CROSS_COMPILE-$cross}
	need_cc
}

# need_cc: the compiler kmake will use, or a one-line error.
need_cc() {
	command -v "${cross}gcc" >/dev/null 2>&1 ||
		die "${cross}gcc not found (run 'make deps')"
}

# kprepare: what the checker needs of $out: defconfig, then kbuild's
# generated headers (make prepare).
kprepare() { mkdir -p "$out" && kmake -s defconfig prepare >&2; }

# scratch_git ARGS...: git as ioguard, in the scratch repositories of gen
# and verify (their base commits, git am), where the user's identity
# does not belong and may not exist.
scratch_git() {
	GIT_AUTHOR_NAME=ioguard GIT_AUTHOR_EMAIL=ioguard@localhost.invalid \
	GIT_COMMITTER_NAME=ioguard GIT_COMMITTER_EMAIL=ioguard@localhost.invalid \
		git -c commit.gpgsign=false "$@"
}
