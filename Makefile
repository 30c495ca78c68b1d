# SPDX-License-Identifier: GPL-2.0
# ioguard: checks and rewrites Linux kernel trees so that every MMIO
# mapping is announced to the hypervisor (pKVM MMIO guard and friends).
#
#   make          build build/ioguard-sparse, build/ioguard-clang, build/ioguard
#   make run      fetch Debian's linux-source-6.1, prepare arm64, run the
#                 checker over the mapping-relevant directories, write
#                 the hook insertion patch and the arm64 series, verified
#   make check    install what is missing, build (also build/asan/, the
#                 sanitizer build tests/sanitize runs, and build/fuzz/,
#                 whose corpora tests/reliability replays), run every test
#   make check-full  the same with the slower matrices CI leaves out
#   make bench    time the checker against plain sparse and the two
#                 frontends against each other, insert, whole-tree
#                 coccicheck, gen and verify
#   make fuzz     libFuzzer on the spec parser and the checker, FUZZ_SECONDS
#                 (60) each, corpus in tests/fuzz/<target>/

# The cache (Debian packages, kernel trees, libsparse): src/sh/lib.sh's rule.
ifeq ($(origin IOGUARD_CACHE),undefined)
IOGUARD_CACHE := $(shell . src/sh/lib.sh && echo "$$cache")
endif
export IOGUARD_CACHE
SPARSE_DIR := $(IOGUARD_CACHE)/sparse
LIBSPARSE := $(SPARSE_DIR)/libsparse.a

CC ?= cc
CFLAGS ?= -O2 -g
CFLAGS += -Wall -Wno-unused-parameter -std=gnu11
SPARSE_CFLAGS := -I$(SPARSE_DIR)

B := build
# checkers/core/: the analysis, on ioguard's IR; built without any
# frontend's headers. checkers/fe-sparse/: sparse's program and IR.
CORE_SRCS := $(wildcard checkers/core/*.c)
CORE_OBJS := $(patsubst checkers/%.c,$(B)/checkers/%.o,$(CORE_SRCS))
FE_SPARSE_SRCS := $(wildcard checkers/fe-sparse/*.c)
# checkers/fe-clang/: libclang's AST (Debian's libclang-14-dev).
FE_CLANG_SRCS := $(wildcard checkers/fe-clang/*.c)
LLVM_DIR ?= /usr/lib/llvm-14
CLANG_CFLAGS := -I$(LLVM_DIR)/include
CLANG_LIBS := -L$(LLVM_DIR)/lib -lclang -Wl,-rpath,$(LLVM_DIR)/lib
# spec/: the one spec and its parser, linked into both binaries.
SPEC_OBJS := $(B)/spec/spec.o $(B)/spec/default-spec.o
CHECKER_OBJS := $(CORE_OBJS) $(patsubst checkers/%.c,$(B)/checkers/%.o,$(FE_SPARSE_SRCS)) $(SPEC_OBJS)
CLANG_CHECKER_OBJS := $(CORE_OBJS) $(patsubst checkers/%.c,$(B)/checkers/%.o,$(FE_CLANG_SRCS)) $(SPEC_OBJS)
CMD_SRCS := $(wildcard src/*.c)
CMD_OBJS := $(patsubst src/%.c,$(B)/src/%.o,$(CMD_SRCS)) $(SPEC_OBJS) $(B)/src/check_docs.o

# The default run: Debian's 6.1 for arm64, the directories that map MMIO.
RUN_KERNEL ?= 6.1
RUN_ARCH ?= arm64

.PHONY: all asan fuzz fuzz-build deps run check check-full test bench clean
all: $(B)/ioguard-sparse $(B)/ioguard-clang $(B)/ioguard $(B)/cocci/map_hook.cocci

deps:
	@src/sh/deps.sh

$(LIBSPARSE):
	@src/sh/fetch-sparse.sh >/dev/null

$(B)/checkers/core/%.o: checkers/core/%.c checkers/core/*.h checkers/core/checks.def spec/spec.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Ispec -c -o $@ $<

$(B)/checkers/fe-sparse/%.o: checkers/fe-sparse/%.c checkers/fe-sparse/*.h checkers/core/*.h spec/spec.h | $(LIBSPARSE)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Ispec $(SPARSE_CFLAGS) -c -o $@ $<

$(B)/checkers/fe-clang/%.o: checkers/fe-clang/%.c checkers/fe-clang/*.h checkers/core/*.h spec/spec.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Ispec $(CLANG_CFLAGS) -c -o $@ $<

$(B)/src/%.o: src/%.c src/*.h spec/spec.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Ispec -c -o $@ $<

# The reports' rule help: docs/checker.md's table of checks, as C.
$(B)/src/check_docs.c: checkers/core/checks.def docs/checker.md checkers/embed-docs.sh
	@mkdir -p $(dir $@)
	checkers/embed-docs.sh checkers/core/checks.def docs/checker.md > $@.tmp && mv $@.tmp $@

$(B)/src/check_docs.o: $(B)/src/check_docs.c src/check_docs.h
	$(CC) $(CFLAGS) -Isrc -c -o $@ $<

$(B)/spec/spec.o: spec/spec.c spec/spec.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(B)/spec/default-spec.c: spec/ioguard.spec spec/embed-spec.sh
	@mkdir -p $(dir $@)
	spec/embed-spec.sh $< > $@

$(B)/spec/default-spec.o: $(B)/spec/default-spec.c
	$(CC) $(CFLAGS) -c -o $@ $<

# ioguard-sparse is the sparse program plus ioguard: sparse's own main
# (sparse.c, which libsparse.a lacks) as the fetched build compiled it,
# its main renamed, and the library calls it makes that ioguard watches
# wrapped (checkers/fe-sparse/sparse-glue.c). Nothing of sparse is copied here.
SPARSE_PROGRAM := $(B)/checkers/sparse-program.o
SPARSE_WRAPS := sparse_initialize sparse tokenize linearize_symbol report_stats \
	rebind_scope
comma := ,

$(SPARSE_PROGRAM): $(LIBSPARSE)
	@mkdir -p $(dir $@)
	objcopy --redefine-sym main=sparse_program_main $(SPARSE_DIR)/sparse.o $@

$(B)/ioguard-sparse: $(CHECKER_OBJS) $(SPARSE_PROGRAM) $(LIBSPARSE)
	$(CC) $(CFLAGS) -o $@ $(CHECKER_OBJS) $(SPARSE_PROGRAM) $(LIBSPARSE) \
		$(addprefix -Wl$(comma)--wrap=,$(SPARSE_WRAPS))

# ioguard-clang: the same core on libclang's AST (docs/frontends.md).
$(B)/ioguard-clang: $(CLANG_CHECKER_OBJS)
	$(CC) $(CFLAGS) -o $@ $(CLANG_CHECKER_OBJS) $(CLANG_LIBS)

$(B)/ioguard: $(CMD_OBJS)
	$(CC) $(CFLAGS) -o $@ $(CMD_OBJS) -lsqlite3

# The same three binaries with AddressSanitizer and UBSan in $(B)/asan/,
# for tests/sanitize (make check only; plain make does not build them).
# libsparse.a and libclang are linked as they are, not instrumented; the link passes
# CFLAGS, so the sanitizer runtimes come in with it.
ASAN_CFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
asan: $(LIBSPARSE)
	@$(MAKE) --no-print-directory B=$(B)/asan CFLAGS="$(CFLAGS) $(ASAN_CFLAGS)" \
		$(B)/asan/ioguard-sparse $(B)/asan/ioguard-clang $(B)/asan/ioguard

# libFuzzer targets (docs/reliability.md), built with Debian's clang in
# $(B)/fuzz/: tests/fuzz/fuzz-spec.c on spec/spec.c, fuzz-checker.c on
# checkers/ (all but ioguard-sparse.c's main) with libsparse, whose exits
# it wraps. make check replays their corpora (tests/reliability).
FUZZ_CC ?= clang-14
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CHECKER_OBJS = $(filter-out %/ioguard-sparse.o,$(CHECKER_OBJS))
fuzz-build: $(LIBSPARSE)
	@$(MAKE) --no-print-directory B=$(B)/fuzz CC=$(FUZZ_CC) \
		CFLAGS="-Wall -Wno-unused-parameter -std=gnu11 $(FUZZ_CFLAGS)" \
		$(B)/fuzz/fuzz-spec $(B)/fuzz/fuzz-checker

$(B)/fuzz-spec: tests/fuzz/fuzz-spec.c $(SPEC_OBJS)
	$(CC) $(CFLAGS) -fsanitize=fuzzer -Ispec -o $@ $^

$(B)/fuzz-checker: tests/fuzz/fuzz-checker.c $(FUZZ_CHECKER_OBJS) $(LIBSPARSE)
	$(CC) $(CFLAGS) -fsanitize=fuzzer -Ispec -Icheckers $(SPARSE_CFLAGS) \
		-DFUZZ_INCLUDE='"$(CURDIR)/tests/checker/include"' -o $@ $^ \
		$(addprefix -Wl$(comma)--wrap=,$(SPARSE_WRAPS) die error_die)

fuzz: fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh

# The Coccinelle scripts for the built-in spec, for spatch and for the
# kernel's make coccicheck COCCI=build/cocci/NAME.cocci.
$(B)/cocci/map_hook.cocci: $(B)/ioguard spec/ioguard.spec $(wildcard cocci/*)
	$(B)/ioguard cocci -o $(B)/cocci

# The checker's findings on the pristine tree (exit 1: there are some),
# then the fix. gen signs off with git config's identity; where git has
# none, this demo signs off with a placeholder instead of stopping.
run: deps all
	@tree=$$($(B)/ioguard fetch-kernel $(RUN_KERNEL)) && \
	build=$$($(B)/ioguard prepare-kernel $(RUN_KERNEL) $(RUN_ARCH)) && \
	$(B)/ioguard check --tree "$$tree" --arch $(RUN_ARCH) --build "$$build"; \
	[ $$? -le 1 ]
	@echo "ioguard: the hook insertion for linux-source-$(RUN_KERNEL) ($(RUN_ARCH)):"
	@$(B)/ioguard insert --tree "$$($(B)/ioguard fetch-kernel $(RUN_KERNEL))" \
		--arch $(RUN_ARCH) -o $(B)/insert-$(RUN_KERNEL)-$(RUN_ARCH).patch
	@diffstat -p1 $(B)/insert-$(RUN_KERNEL)-$(RUN_ARCH).patch 2>/dev/null || \
		grep '^+++ ' $(B)/insert-$(RUN_KERNEL)-$(RUN_ARCH).patch
	@rm -rf $(B)/series-$(RUN_KERNEL)-$(RUN_ARCH)
	@$(B)/ioguard gen --tree "$$($(B)/ioguard fetch-kernel $(RUN_KERNEL))" \
		--arch $(RUN_ARCH) --fallback-signoff "ioguard run <ioguard@localhost.invalid>" \
		-o $(B)/series-$(RUN_KERNEL)-$(RUN_ARCH)
	@ls $(B)/series-$(RUN_KERNEL)-$(RUN_ARCH)

check: deps all asan fuzz-build
	@sh tests/run.sh

# What CI leaves out for time: whole-tree coccicheck on both versions and
# arches in every mode, gen + verify on every version and arch, and the
# audit of a whole tree without prefilter.
check-full: deps all asan fuzz-build
	@IOGUARD_COCCICHECK_TARGETS="6.12:arm64 6.12:x86_64 6.1:arm64 6.1:x86_64" FULL=1 \
		IOGUARD_GEN_TARGETS="6.1:arm64 6.12:arm64 6.12:riscv 6.12:x86_64 6.1:riscv 6.1:x86_64" \
		sh tests/run.sh
	@sh tests/run.sh kernel/audit-full

test: all asan fuzz-build
	@sh tests/run.sh

bench: deps all
	@bench/checker.sh
	@bench/sparse-compat.sh
	@bench/frontends.sh
	@bench/insert.sh
	@bench/coccicheck.sh
	@bench/gen.sh
	@bench/audit.sh

clean:
	rm -rf $(B)
