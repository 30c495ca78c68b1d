# SPDX-License-Identifier: GPL-2.0
# Sourced by tests/reliability/run.sh: what the cases share.
#
#   $ioguard $checker   the binaries under test
#   $fx $fxspec         a small kernel-shaped tree (a copy of
#                       tests/cocci/custom/tree) and the spec it answers to
#   $t61                Debian's 6.1 tree from the cache, used read-only
#   $tmp                scratch, removed at exit
#
# fails NAME PATTERN OUTPUTS CMD...: CMD exits 2; of what it prints on
# stderr, the error (progress lines aside) is one line and matches the
# grep -E PATTERN; none of OUTPUTS (paths, space-separated) exists, nor a
# temporary beside one (.NAME.ioguard-*); the fixture tree is unchanged,
# and so is the 6.1 tree when CMD names it. The case is one test.
set -u

pass=0 fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1"; fail=$((fail + 1)); }

# What commands print on the way, not about an error.
progress='files scanned|, scratch /|: preparing |\(kbuild C=2\)$|files checked, |^ioguard: unpacking|files changed, written to|Coccinelle could not parse|^ioguard: audit: (listing the units of |[0-9]+ units, [0-9]+ (can reach a mapping|to check)|checking [0-9]+ units with )'

# tree_state DIR: content and metadata of every file (small trees).
tree_state() {
	(cd "$1" && find . -printf '%p %s %m %T@\n' | sort && find . -type f -exec sha256sum {} + | sort) |
		sha256sum
}
# big_tree_state DIR: metadata only (a write changes mtime, size or
# inode); the whole 6.1 tree is hashed byte for byte once before and
# once after the suite instead.
big_tree_state() { find "$1" -printf '%P %s %T@ %i %m\n' | sort | sha256sum; }

# leftovers OUTPUTS: outputs or temporaries beside them that exist
leftovers() {
	for o in $1; do
		[ -e "$o" ] && echo "$o"
		ls -d "$(dirname "$o")/.$(basename "$o").ioguard-"* 2>/dev/null
	done
}

# error_lines FILE: the lines of FILE that are not progress
error_lines() { grep -v -E "$progress" "$1"; }

fails() {
	f_name=$1 f_pattern=$2 f_outputs=$3
	shift 3
	f_big=
	case " $* " in *" $t61 "*) f_big=$(big_tree_state "$t61") ;; esac
	"$@" > "$tmp/out" 2> "$tmp/err"
	f_rc=$?
	f_why=
	error_lines "$tmp/err" > "$tmp/errlines"
	if [ "$f_rc" -ne 2 ]; then
		f_why="exit $f_rc, want 2"
	elif [ "$(wc -l < "$tmp/errlines")" -ne 1 ]; then
		f_why="the error is $(wc -l < "$tmp/errlines") lines, want 1"
	elif ! grep -q -E -- "$f_pattern" "$tmp/errlines"; then
		f_why="the error does not match '$f_pattern'"
	elif [ -n "$(leftovers "$f_outputs")" ]; then
		f_why="left behind: $(leftovers "$f_outputs" | tr '\n' ' ')"
	elif [ "$(tree_state "$fx")" != "$fx_state" ]; then
		f_why="the fixture tree changed"
		rm -rf "$fx" && cp -r "$top/tests/cocci/custom/tree" "$fx"
	elif [ -n "$f_big" ] && [ "$(big_tree_state "$t61")" != "$f_big" ]; then
		f_why="the 6.1 tree changed"
	fi
	if [ -z "$f_why" ]; then
		ok "$f_name: $(cat "$tmp/errlines")"
	else
		ko "$f_name: $f_why"
		sed 's/^/	/' "$tmp/err" | head -n 10
	fi
}

# path_without PROGRAM...: a directory for PATH with every program of
# PATH but these (links), for a missing cross compiler and for fakes.
path_without() {
	p_dir=$(mktemp -d "$tmp/path.XXXXXX")
	for d in $(echo "$PATH" | tr ':' ' '); do
		for f in "$d"/*; do
			b=${f##*/}
			[ -x "$f" ] && [ ! -e "$p_dir/$b" ] || continue
			for skip; do [ "$b" = "$skip" ] && continue 2; done
			ln -s "$f" "$p_dir/$b"
		done
	done
	echo "$p_dir"
}

# gone PID: the process has ended (a zombie counts as ended)
gone() { [ ! -d "/proc/$1" ] || grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; }

# wait_for FILE: until FILE exists (a fake program started), at most 60 s
wait_for() {
	w_i=0
	while [ ! -s "$1" ] && [ $w_i -lt 600 ]; do
		sleep 0.1
		w_i=$((w_i + 1))
	done
	[ -s "$1" ]
}

# with_sigint CMD...: CMD with SIGINT at its default action: a test
# script's background jobs start with it ignored, and ioguard keeps an
# ignored SIGINT ignored, as programs do.
with_sigint() { perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or exit 127' "$@"; }
