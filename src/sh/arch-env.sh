# SPDX-License-Identifier: GPL-2.0
# Sourced: maps an ioguard arch name ($arch) to kbuild's ARCH ($karch), its
# directory under arch/ ($srcarch) and the Debian cross compiler prefix
# ($cross; empty when native).
host=$(uname -m)
case $arch in
arm64|aarch64) arch=arm64 karch=arm64 srcarch=arm64 tool=aarch64-linux-gnu- hostname=aarch64 ;;
x86_64|x86) arch=x86_64 karch=x86_64 srcarch=x86 tool=x86_64-linux-gnu- hostname=x86_64 ;;
riscv|riscv64) arch=riscv karch=riscv srcarch=riscv tool=riscv64-linux-gnu- hostname=riscv64 ;;
*) echo "ioguard: unknown arch '$arch' (arm64, x86_64, riscv)" >&2; exit 2 ;;
esac
if [ "$host" = "$hostname" ]; then cross=; else cross=$tool; fi
