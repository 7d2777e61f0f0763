// The one doctest main for the unit tests; the cases live in test_<module>.cpp.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
