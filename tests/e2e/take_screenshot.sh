#!/usr/bin/env bash
# take_screenshot.sh — the README's picture of the editor: the turmeric sample with Maria's
# set, a claim selected so the inspector and its links show. Writes
# tests/e2e/editor-screenshot.png (1400x900). Nothing in the repository is opened for
# writing: article and set are copied into a temp dir with the same relative layout.
#
#   take_screenshot.sh CLAIMMARK_BINARY [SOURCE_DIR]
#
# The click lands on claim a7 ("Some small clinical trials suggest that curcumin may reduce
# knee pain…", 14 relations) in the first paragraph; CLICK_X / CLICK_Y override the point.
set -uo pipefail

BINARY=$(realpath "${1:?usage: take_screenshot.sh CLAIMMARK_BINARY [SOURCE_DIR]}")
SOURCE_DIR=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
OUT="$SOURCE_DIR/tests/e2e/editor-screenshot.png"
CLICK_X=${CLICK_X:-592}
CLICK_Y=${CLICK_Y:-282}

for tool in Xvfb xdotool import convert; do
  command -v "$tool" >/dev/null 2>&1 || { echo "take_screenshot: '$tool' is not installed" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/claimmark-shot.XXXXXX")
XVFB_PID=""
APP_PID=""
cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/samples" "$WORK/annotations/turmeric-joint-health"
cp "$SOURCE_DIR/samples/turmeric-joint-health.txt" "$WORK/samples/"
cp "$SOURCE_DIR/annotations/turmeric-joint-health/maria.json" "$WORK/annotations/turmeric-joint-health/"

source "$SOURCE_DIR/tests/e2e/virtual_display.sh"
start_virtual_display "$WORK" || { echo "take_screenshot: Xvfb did not start: $(cat "$WORK/xvfb.log")" >&2; exit 1; }

# Fill the screen: without a window manager the window opens at 1280x820 in the corner.
(cd "$WORK" && exec "$BINARY" samples/turmeric-joint-health.txt \
  --set annotations/turmeric-joint-health/maria.json --annotator maria) >"$WORK/app.log" 2>&1 &
APP_PID=$!
WINDOW=$(timeout 20 xdotool search --sync --onlyvisible --name claimmark 2>/dev/null | head -n 1)
[[ -n "$WINDOW" ]] || { echo "take_screenshot: no window" >&2; cat "$WORK/app.log" >&2; exit 1; }
xdotool windowsize "$WINDOW" 1400 900
sleep 1.5
xdotool mousemove --sync "$CLICK_X" "$CLICK_Y"
sleep 0.3
xdotool click 1
sleep 0.5
# Park the pointer over the panel so no tooltip covers the text.
xdotool mousemove --sync 1395 895
sleep 1.5
import -window root "$WORK/shot.png"
convert "$WORK/shot.png" -strip -define png:compression-level=9 "$OUT"
echo "wrote $OUT ($(stat -c %s "$OUT") bytes)"
