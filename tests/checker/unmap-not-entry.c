// SPDX-License-Identifier: GPL-2.0
/* Teardowns outside unmap entry points (vfree of RAM and the like) are
 * not this check's business. */
#include "kernel.h"

void release_buffer(void *buf)
{
	vunmap(buf);
}

/*
 * check-name: vunmap() outside an unmap entry point is not reported
 *
 * check-error-start
 * check-error-end
 */
