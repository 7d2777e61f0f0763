#!/usr/bin/env bash
# Installs what claimmark needs to build, test and run, from Debian 12 packages, and only
# what is missing (so it is quick on a machine that already has everything).
# Runs apt-get as root, or through sudo when it is there.
#   --test-tools   also what the full test run needs: clang and libFuzzer (fuzz targets),
#                  clang-format (the style check)
set -euo pipefail

packages=(
  g++ make cmake pkg-config           # toolchain
  nlohmann-json3-dev doctest-dev      # JSON, tests
  libssl-dev                          # SHA-256 (libcrypto)
  libimgui-dev libglfw3-dev libgl-dev # editor: Dear ImGui 1.86 (+GLFW/OpenGL3 backends), GLFW, GL
  libgl1-mesa-dri                     # software OpenGL for the editor under Xvfb
  fonts-dejavu-core                   # the editor's text font
  xvfb xdotool imagemagick            # end-to-end test and screenshots in a virtual display
  python3                             # the benchmark times python3's json.load against ours;
                                      # the intake tests' local HTTP server
  libgumbo-dev libpoppler-cpp-dev     # article intake: HTML5 parser, PDF text
  libzip-dev libxml2-dev libcmark-dev # DOCX/ODT (zip + XML), Markdown
  libcurl4-openssl-dev libicu-dev     # URLs; NFC normalisation and charset conversion
)

if [ "${1:-}" = "--test-tools" ]; then
  packages+=(clang libclang-rt-14-dev clang-format)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-dependencies: everything is installed"
  exit 0
fi

echo "install-dependencies: installing ${missing[*]}"
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then as_root=(sudo); else
    echo "install-dependencies: not root and no sudo; install these yourself: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
