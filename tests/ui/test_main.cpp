// The doctest main for the headless editor tests (an ImGui context, no window).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
