/*
 * fixture-module.c - built as build/tests/fixture-module.so for
 * test_module.c: tables shaped as module.h wants, and tables that are not.
 */
#include "module.h"

struct fixture_table {
	struct module_header h;
	int (*answer)(void);
};

static int answer(void) { return 42; }

const struct fixture_table fixture_good = {{7, sizeof(struct fixture_table)}, answer};
const struct fixture_table fixture_old_abi = {{6, sizeof(struct fixture_table)}, answer};
const struct fixture_table fixture_lying_size = {{7, 8}, answer};
const int fixture_small = 7;
