/* test_main.c - the runner every check_<module> binary shares. */
#include <stdlib.h>

#include "tests/testlib.h"

int main(void)
{
	SRunner *sr = srunner_create(test_suite());
	int failed;

	reg_spatial_enable();
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
