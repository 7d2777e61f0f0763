#!/usr/bin/env bash
# Installs what is missing, builds claimmark (Release) in ./build and runs every test
# (unit, command line, headless editor, and the end-to-end test in a virtual display).
set -euo pipefail
cd "$(dirname "$0")/.."
bash third_party/install-dependencies.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
