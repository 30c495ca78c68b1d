/* SPDX-License-Identifier: GPL-2.0 */
/* iropt.c: the clean-ups of sparse's optimiser the checks rely on. */
#ifndef IOGUARD_IROPT_H
#define IOGUARD_IROPT_H

#include "ioir.h"

void ir_optimize(struct ir_fn *fn);
/*
 * Constants folded as the IR computes (both frontends fold with these):
 * src_bits is a ZEXT's or SEXT's operand width (0: 64), bits the width
 * of a binary operation's operands. The results are not narrowed to the
 * result's width: each caller does, as its IR holds constants. false:
 * not a constant (a division by zero, an op of another kind).
 */
bool ir_fold_unary(enum ir_op op, int src_bits, unsigned long long a,
		   unsigned long long *out);
bool ir_fold_binary(enum ir_op op, int bits, unsigned long long a, unsigned long long b,
		    unsigned long long *out);
bool ir_fold_compare(enum ir_op op, int bits, unsigned long long a, unsigned long long b);

#endif
