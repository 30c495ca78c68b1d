/* SPDX-License-Identifier: GPL-2.0 */
/* iropt.c: the clean-ups of sparse's optimiser the checks rely on. */
#ifndef IOGUARD_IROPT_H
#define IOGUARD_IROPT_H

#include "ioir.h"

void ir_optimize(struct ir_fn *fn);
/* a compare of two constants of bits bits (both frontends fold with it) */
bool ir_fold_compare(enum ir_op op, int bits, unsigned long long a, unsigned long long b);

#endif
