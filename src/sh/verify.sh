#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Verify a generated series against a pristine kernel tree:
#   apply       git am on a fresh hard-linked copy (touched files copied)
#   checkpatch  scripts/checkpatch.pl --strict: zero errors
#   config      defconfig plus the series' options (scripts/config)
#   compile     every touched object, with the arch's cross compiler
#   check       ioguard-sparse (kbuild C=2, kbuild-check.sh) over the
#               touched objects: no finding
#   kunit       with IOGUARD_KUNIT set (verify --run: the KUnit kernel's
#               options): the series' KUnit suite in QEMU (kunit-run.sh)
# Prints one table row per step and exits 1 if any step fails.
#
# usage: verify.sh TREE ARCH SERIES CHECKER [CONFIG...]
set -u
me=verify
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
[ $# -ge 4 ] || die "usage: verify.sh TREE ARCH SERIES CHECKER [CONFIG...]"
pristine=$1 arch=$2 series=$3 checker=$4 series_arg=$3
shift 4
. "$here/arch-env.sh"

series=$(cd "$series" 2>/dev/null && pwd) || die "no series directory '$series_arg'"
patches=$(ls "$series"/[0-9][0-9][0-9][0-9]-*.patch 2>/dev/null | grep -v '/0000-cover-letter.patch$')
[ -n "$patches" ] || die "no patches in $series"
need_cc

mkdir -p "$cache/verify"
work=$(mktemp -d "$cache/verify/$arch.XXXXXX")
tree=$work/tree out=$work/out
failed=0
rows=

now() { date +%s; }
# row STEP RESULT SECONDS DETAIL
row() {
	rows="$rows$(printf '  %-11s %-5s %5ss  %s' "$1" "$2" "$3" "$4")
"
	[ "$2" = ok ] || [ "$2" = skip ] || failed=1
}
finish() {
	echo "ioguard verify: $arch, $(echo "$patches" | wc -l) patches from $series"
	printf '  %-11s %-5s %6s  %s\n' step result time detail
	printf '%s' "$rows"
	if [ $failed -eq 0 ]; then
		rm -rf "$work"
		echo "verify: ok"
		exit 0
	fi
	echo "verify: FAILED (logs and trees in $work)"
	exit 1
}

# Every path the series touches (from its diff headers), and the ones
# that exist before it applies.
touched=$(sed -n 's|^diff --git a/\([^ ]*\) b/.*|\1|p' $patches | sort -u)

# 1. apply, on a hard-linked copy whose touched files base-commit.sh
# copies (git am must never write into the pristine tree).
t=$(now)
cp -al "$pristine" "$tree" 2>"$work/apply.log" || die "cannot copy $pristine"
ok=1
{
	"$here/base-commit.sh" "$pristine" "$tree" $touched >/dev/null &&
	(cd "$tree" && scratch_git am -q $patches)
} >>"$work/apply.log" 2>&1 || ok=0
if [ $ok = 1 ]; then
	row apply ok $(($(now) - t)) "git am: $(echo "$patches" | wc -l) patches, $(echo "$touched" | wc -l) files"
else
	row apply FAIL $(($(now) - t)) "git am failed: $(grep -m1 -i 'error\|patch failed' "$work/apply.log")"
	finish
fi

# 2. checkpatch
t=$(now)
(cd "$tree" && perl scripts/checkpatch.pl --strict --no-tree --color=never $patches) \
	>"$work/checkpatch.log" 2>&1
e=0 w=0 c=0
for n in $(sed -n 's/^total: \([0-9]*\) errors, \([0-9]*\) warnings, \([0-9]*\) checks.*/\1:\2:\3/p;s/^total: \([0-9]*\) errors, \([0-9]*\) warnings, .*/\1:\2:0/p' "$work/checkpatch.log"); do
	e=$((e + ${n%%:*})); n=${n#*:}
	w=$((w + ${n%%:*})); c=$((c + ${n#*:}))
done
if ! grep -q '^total:' "$work/checkpatch.log"; then
	row checkpatch FAIL $(($(now) - t)) "checkpatch did not run (see $work/checkpatch.log)"
elif [ $e -eq 0 ]; then
	row checkpatch ok $(($(now) - t)) "--strict: $e errors, $w warnings, $c checks"
else
	row checkpatch FAIL $(($(now) - t)) "--strict: $e errors, $w warnings, $c checks"
	grep -A3 '^ERROR' "$work/checkpatch.log" | head -n 20 >&2
fi

# 3. config
t=$(now)
ok=1
{
	kmake defconfig &&
	for c in "$@"; do "$tree/scripts/config" --file "$out/.config" -e "$c"; done &&
	kmake olddefconfig
} >"$work/config.log" 2>&1 || ok=0
missing=
for c in "$@"; do
	grep -q "^CONFIG_$c=y" "$out/.config" 2>/dev/null || missing="$missing $c"
done
if [ $ok = 1 ] && [ -z "$missing" ]; then
	row config ok $(($(now) - t)) "defconfig${*:+ +$(printf ' %s' "$@")}"
else
	row config FAIL $(($(now) - t)) "defconfig failed or options not set:$missing"
	finish
fi

# built_for_config DIR/NAME.o: does this config build the object? kbuild
# compiles any single target it is asked for, listed or not, so ask the
# directory's Kbuild or Makefile instead: the (continuation-joined) lines
# that name NAME.o, and the CONFIG_ symbols left of their assignment;
# built if one such line has all of them =y (obj-y, lib-y and composite
# lines like "mmu-$(CONFIG_MMU) := ... vmalloc.o" count as well).
built_for_config() {
	kbuild_file=$tree/${1%/*}/Kbuild
	[ -f "$kbuild_file" ] || kbuild_file=$tree/${1%/*}/Makefile
	awk -v obj="${1##*/}" -v cfg="$out/.config" '
		BEGIN {
			while ((getline l < cfg) > 0)
				if (l ~ /^CONFIG_[A-Za-z0-9_]*=y$/) {
					sub(/=y$/, "", l); on[l] = 1
				}
		}
		/\\$/ { buf = buf substr($0, 1, length($0) - 1) " "; next }
		{
			line = buf $0; buf = ""
			if (line ~ /^[ \t]*#/ || !match(line, /[:+]?=/))
				next
			lhs = substr(line, 1, RSTART - 1)
			n = split(substr(line, RSTART + RLENGTH), w, /[ \t]+/)
			found = 0
			for (i = 1; i <= n; i++)
				if (w[i] == obj) found = 1
			if (!found)
				next
			ok = 1
			while (match(lhs, /CONFIG_[A-Za-z0-9_]+/)) {
				if (!(substr(lhs, RSTART, RLENGTH) in on)) ok = 0
				lhs = substr(lhs, RSTART + RLENGTH)
			}
			if (ok) { built = 1; exit }
		}
		END { exit !built }
	' "$kbuild_file" 2>/dev/null
}

# 4. compile: every touched C file the config builds.
t=$(now)
objs= skipped=
for f in $touched; do
	case $f in *.c) ;; *) continue ;; esac
	o=${f%.c}.o
	if built_for_config "$o"; then
		objs="$objs $o"
	else
		skipped="$skipped $o"
	fi
done
if [ -z "$objs" ]; then
	row compile FAIL 0 "no touched object is built for $arch"
	finish
fi
if kmake $objs >"$work/compile.log" 2>&1; then
	nw=$(grep -c 'warning:' "$work/compile.log")
	if [ "$nw" -eq 0 ]; then
		row compile ok $(($(now) - t)) "$(echo $objs | wc -w) objects${cross:+ with ${cross}gcc}, 0 warnings${skipped:+ (not built for $arch:$skipped)}"
	else
		row compile FAIL $(($(now) - t)) "$nw compiler warnings"
		grep -A3 'warning:' "$work/compile.log" | head -n 20 >&2
	fi
else
	row compile FAIL $(($(now) - t)) "see $work/compile.log"
	grep -m5 'error' "$work/compile.log" >&2
fi

# 5. check: the checker through kbuild over the same objects.
t=$(now)
CROSS_COMPILE=$cross "$here/kbuild-check.sh" "$tree" "$arch" "$out" "$checker" \
	"$work/check.log" $objs >"$work/findings" 2>/dev/null
rc=$?
checked=$(grep -c '^  CHECK ' "$work/check.log")
if [ $rc -eq 0 ]; then
	row check ok $(($(now) - t)) "ioguard-sparse on $checked files: 0 findings"
elif [ $rc -eq 1 ]; then
	row check FAIL $(($(now) - t)) "ioguard-sparse on $checked files: $(wc -l < "$work/findings") findings"
	cat "$work/findings" >&2
else
	row check FAIL $(($(now) - t)) "kbuild C=2 failed (see $work/check.log)"
fi

# 6. kunit (verify --run): the tree's kunit.py, QEMU, a cached build.
if [ -n "${IOGUARD_KUNIT:-}" ]; then
	t=$(now)
	detail=$("$here/kunit-run.sh" "$pristine" "$arch" "$series" $IOGUARD_KUNIT 2>&1 | tail -n 1)
	case $? in
	0) row kunit ok $(($(now) - t)) "mmio-guard: $detail" ;;
	*) row kunit FAIL $(($(now) - t)) "mmio-guard: $detail" ;;
	esac
fi
finish
