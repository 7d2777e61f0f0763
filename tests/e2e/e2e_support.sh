# e2e_support.sh — what the end-to-end scripts share (sourced, not run): failing with the
# screen and the app's output, a free Xvfb display, starting and finding the editor window,
# waiting for effects, measuring the screen (screen_probe.py), selecting the first line with
# the real mouse, and reading a saved set back.
#
# The sourcing script sets BINARY, SOURCE_DIR and FIXTURE first.
#
# Timing: on a loaded machine a frame can take longer than xdotool's events are apart, and
# the editor samples the pointer once per frame. So each step waits for its effect — the
# selection on screen, the "•" in the window title — instead of sleeping a fixed time.

TIMEOUT=20  # seconds for anything we wait for
MODIFIED=$'\xE2\x80\xA2'  # "•": the title's unsaved-changes mark

fail() {
  echo "e2e FAIL: $*" >&2
  if [[ -n "${APP_PID:-}" ]] && import -window root "${TMPDIR:-/tmp}/claimmark-e2e-failure.png" 2>/dev/null; then
    echo "the screen at the failure: ${TMPDIR:-/tmp}/claimmark-e2e-failure.png" >&2
  fi
  if [[ -n "${WORK:-}" && -f "$WORK/app.log" ]]; then
    echo "--- claimmark output ---" >&2
    cat "$WORK/app.log" >&2
  fi
  exit 1
}

for tool in Xvfb xdotool import convert python3 timeout; do
  command -v "$tool" >/dev/null 2>&1 ||
    fail "'$tool' is not installed; the end-to-end test needs Xvfb, xdotool, ImageMagick and python3 (run bash third_party/install-dependencies.sh)"
done
[[ -x "$BINARY" ]] || fail "no claimmark binary at $BINARY"
[[ -f "$FIXTURE" ]] || fail "no fixture at $FIXTURE"

# [SECTION] Setup: temp dir, a free display, Xvfb; cleanup on every exit path.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/claimmark-e2e.XXXXXX") || fail "cannot make a temp dir"
XVFB_PID=""
APP_PID=""
cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

source "$SOURCE_DIR/tests/e2e/virtual_display.sh"
start_display() {
  start_virtual_display "$WORK" || fail "Xvfb did not start: $(cat "$WORK/xvfb.log" 2>/dev/null)"
}

# start_app ARGS... — runs the editor and waits for its window (WINDOW, APP_PID).
# CLAIMMARK_TRACE_INPUT makes the editor log every input event it gets (input_trace.h), so
# a failure's log shows what arrived and what Dear ImGui saw.
start_app() {
  CLAIMMARK_TRACE_INPUT=1 "$BINARY" "$@" >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  WINDOW=$(timeout "$TIMEOUT" xdotool search --sync --onlyvisible --name claimmark 2>/dev/null | head -n 1)
  [[ -n "$WINDOW" ]] || fail "no claimmark window appeared within ${TIMEOUT}s"
  kill -0 "$APP_PID" 2>/dev/null || fail "claimmark exited early"
}

# Polls until the command succeeds; false after TIMEOUT seconds.
wait_for() {
  local deadline=$((SECONDS + TIMEOUT))
  until "$@"; do
    ((SECONDS >= deadline)) && return 1
    sleep 0.1
  done
}

# [SECTION] Finding: the first text line, measured on a screenshot.
grab() {
  import -window root "$WORK/screen.png" 2>/dev/null &&
    convert "$WORK/screen.png" -depth 8 "rgb:$WORK/screen.rgb" 2>/dev/null
}
probe() { python3 "$SOURCE_DIR/tests/e2e/screen_probe.py" "$1" 1400 900 "$WORK/screen.rgb" "${@:2}"; }
measure() { grab && GEOMETRY=$(probe line 2>"$WORK/find.log"); }

# Sets PAGE_LEFT PAGE_RIGHT LINE_TOP LINE_BOTTOM INK_LEFT INK_RIGHT, and Y X0 X1 for a drag
# from the page margin left of the first word to past the end of the line.
find_first_line() {
  GEOMETRY=""
  # The window is mapped before its first frame is drawn, so measure until the page shows.
  wait_for measure || fail "could not find the article's first line on screen: $(cat "$WORK/find.log")"
  read -r PAGE_LEFT PAGE_RIGHT LINE_TOP LINE_BOTTOM INK_LEFT INK_RIGHT <<<"$GEOMETRY"
  echo "page x $PAGE_LEFT..$PAGE_RIGHT, first line y $LINE_TOP..$LINE_BOTTOM, ink x $INK_LEFT..$INK_RIGHT"
  ((INK_LEFT - PAGE_LEFT >= 8)) || fail "no margin left of the text to start the drag in"
  Y=$(((LINE_TOP + LINE_BOTTOM) / 2))
  X0=$(((PAGE_LEFT + INK_LEFT) / 2))
  X1=$((PAGE_RIGHT - 6))
  ((X1 > INK_RIGHT + 10)) || fail "the first line reaches the page edge; the fixture's first line should be short"
}

# True when the selection on the first line spans at least [$1, $2] on screen.
SELECTION=""
selection_covers() {
  grab && SELECTION=$(probe selection "$LINE_TOP" "$LINE_BOTTOM" 2>/dev/null) || return 1
  local left right
  read -r left right <<<"$SELECTION"
  ((left <= $1 && right >= $2))
}
title_has() { [[ "$(xdotool getwindowname "$WINDOW" 2>/dev/null)" == *"$1"* ]]; }
title_lacks() { ! title_has "$1"; }

# Presses a key and waits for its effect. No second try: a key press the editor drops is a
# bug (quick chords once lost their Ctrl between frames; see window_host.cpp KeyLatch).
press() {
  local keys=$1
  shift
  xdotool key "$keys"
  wait_for "$@"
}

# Drags across the first line with the real mouse: word snapping must select exactly its text.
select_first_line() {
  xdotool mousemove --sync "$X0" "$Y"
  sleep 0.2
  xdotool mousedown 1
  sleep 0.2
  # Into the first word: snapping selects it whole, from the line's first glyph.
  local XA=$((INK_LEFT + 12)) x i STEPS=6
  for x in $(((X0 + XA) / 2)) "$XA"; do
    xdotool mousemove --sync "$x" "$Y"
    sleep 0.05
  done
  wait_for selection_covers "$((INK_LEFT + 2))" "$XA" ||
    fail "dragging into the first word selected nothing (selection: '${SELECTION:-none}')"
  for i in $(seq 1 "$STEPS"); do
    xdotool mousemove --sync $((XA + (X1 - XA) * i / STEPS)) "$Y"
    sleep 0.05
  done
  wait_for selection_covers "$((INK_LEFT + 2))" "$((INK_RIGHT - 2))" ||
    fail "dragging to the end of the line did not select it (selection: '${SELECTION:-none}')"
  xdotool mouseup 1
  sleep 0.2
  # The release ends the drag; the selection must stay for the label key.
  wait_for selection_covers "$((INK_LEFT + 2))" "$((INK_RIGHT - 2))" ||
    fail "the selection was gone after the mouse button was released (selection: '${SELECTION:-none}')"
}

# Prints a set's annotations as "count|label|text|start,end;..." (first annotation only).
summarize() {
  python3 -c '
import json, sys
try:
    with open(sys.argv[1], encoding="utf-8") as f:
        s = json.load(f)
except (OSError, ValueError):
    sys.exit(1)
a = s.get("annotations", [])
if not a:
    print("0")
else:
    first = a[0]
    spans = ";".join("%d,%d" % (p["start"], p["end"]) for p in first.get("spans", []))
    print("%d|%s|%s|%s" % (len(a), first.get("label"), first.get("text"), spans))
' "$1"
}
