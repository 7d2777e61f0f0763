#!/usr/bin/env bash
# Installs what is missing, checks the code style, then builds and runs every test:
#   1. the sanitizer build (clang, AddressSanitizer + UBSan) of the core, the command line, their
#      unit and CLI tests and the libFuzzer targets, in ./build-asan; the tests run
#   2. each libFuzzer target for FUZZ_SECONDS (default 30), one per core at a time
#   3. the Release build in ./build: the end-to-end tests (Xvfb), then unit, command-line,
#      headless editor and fault tests
# --quick runs step 3 only.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1
jobs="$(nproc)"
started=$(date +%s)
stage() { echo "== $1 ($(( $(date +%s) - started )) s)"; }

if [ $quick -eq 1 ]; then
  bash third_party/install-dependencies.sh
else
  bash third_party/install-dependencies.sh --test-tools
  stage "style: clang-format --dry-run --Werror"
  git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' | xargs clang-format --dry-run --Werror

  # One clang build serves both: the core, the command line and the tests with
  # AddressSanitizer and UBSan, and the libFuzzer targets linked with that same core.
  stage "sanitizer and fuzz build (clang: address, undefined, libFuzzer)"
  CXX=clang++ cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCLAIMMARK_SANITIZE=ON -DCLAIMMARK_FUZZ=ON \
        -DCLAIMMARK_BUILD_EDITOR=OFF -DCLAIMMARK_BUILD_BENCHMARKS=OFF >/dev/null
  cmake --build build-asan -j"$jobs"
  stage "sanitizer tests"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" -L 'unit|cli'

  stage "fuzzing, ${FUZZ_SECONDS:-30} s per target, $jobs at a time"
  FUZZ_JOBS="$jobs" bash tests/fuzz/run-fuzzers.sh build-asan "${FUZZ_SECONDS:-30}"
fi

stage "Release build"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$jobs"
stage "end-to-end tests (the real editor under Xvfb, driven by xdotool)"
# Synthetic input on a virtual display: a test that fails is run once more, and the first
# failure's output (with the editor's input trace) stays in the log above the retry.
ctest --test-dir build --output-on-failure -L e2e --repeat until-pass:2
stage "tests"
ctest --test-dir build --output-on-failure -j"$jobs" -LE e2e
stage "done"
