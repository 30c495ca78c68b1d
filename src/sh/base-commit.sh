#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The base commit of a scratch repository, for gen (which builds the
# series on it) and verify (which applies the series on it): REPO gets
# fresh copies of the PATHs that exist in TREE, replacing what is there
# (a hard link into TREE is broken, so nothing written in REPO later
# reaches TREE), and only those are committed, as ioguard: a base commit
# of a whole kernel tree would cost a minute, and the diffs are the same.
# Prints the commit's id.
#
# usage: base-commit.sh TREE REPO PATH...
set -eu
me=base-commit
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
[ $# -ge 2 ] || die "usage: base-commit.sh TREE REPO PATH..."
tree=$(cd "$1" && pwd) || die "no tree '$1'"
repo=$2
shift 2
mkdir -p "$repo" && cd "$repo" || die "cannot create $repo"
bounded GIT "git init" git init -q || or_die $? "git init failed in $repo"
for f; do
	[ -e "$tree/$f" ] || continue
	mkdir -p "$(dirname "$f")"
	cp --remove-destination "$tree/$f" "$f" || die "cannot copy $f from $tree"
	bounded GIT "git add $f" git add -f "$f" || or_die $? "git add $f failed"
done
scratch_git commit -q --no-verify -m base >&2 || or_die $? "git commit of the base failed"
bounded GIT "git rev-parse" git rev-parse HEAD
