/* Self-tests of the guest runtime's host-assisted features (wb_try and
 * wb_throw, fibers), run by tests/unit/test_fiber.c through the internal
 * language WB_GUEST_SELFTEST.  Not reachable through the public API. */
#ifndef WB_GUEST_SELFTEST_H
#define WB_GUEST_SELFTEST_H

#include <stddef.h>

int wb_guest_selftest(const char *code, size_t len);

#endif
