#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Turn the spec file into a C string so the binaries carry a default.
# usage: embed-spec.sh SPEC > default-spec.c
set -eu
echo '/* Generated from spec/ioguard.spec by spec/embed-spec.sh. */'
echo 'const char ioguard_default_spec[] ='
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e 's/^/\t"/' -e 's/$/\\n"/' "$1"
echo ';'
