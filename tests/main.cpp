// The one main() of leibniz_tests: every other tests/*.cpp holds only TEST_CASEs.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
