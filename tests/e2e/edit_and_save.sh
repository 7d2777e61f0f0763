#!/usr/bin/env bash
# edit_and_save.sh — the end-to-end test: the real editor in a real window under Xvfb,
# driven with the real mouse and keyboard (xdotool), the saved set read back from disk.
#
#   edit_and_save.sh CLAIMMARK_BINARY SOURCE_DIR
#
# [SECTION] Editing    drag across the first line, press 1, Ctrl+S; check the file
# [SECTION] Undo       Ctrl+Z, Ctrl+S; check the file has no annotation left
# (setup, finding the line on screen and the drag itself: e2e_support.sh)
set -uo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 CLAIMMARK_BINARY SOURCE_DIR" >&2
  exit 2
fi
BINARY=$1
SOURCE_DIR=$2
FIXTURE="$SOURCE_DIR/tests/e2e/fixtures/beetroot-stamina.txt"
# The fixture's first line, and its code point offsets (counted by hand: 26 ASCII letters
# and spaces, starting at offset 0).
EXPECTED_TEXT="Beetroot Juice and Stamina"
EXPECTED_START=0
EXPECTED_END=26
source "$SOURCE_DIR/tests/e2e/e2e_support.sh"

cp "$FIXTURE" "$WORK/article.txt"
SET="$WORK/set.json"
start_display
start_app "$WORK/article.txt" --set "$SET" --annotator e2e
find_first_line

# ---------------------------------------------------------------------------------------
# [SECTION] Editing
# ---------------------------------------------------------------------------------------

has_annotations() { [[ -f "$SET" ]] && [[ "$(summarize "$SET" 2>/dev/null)" != "0" ]] && [[ -n "$(summarize "$SET" 2>/dev/null)" ]]; }
has_none() { [[ -f "$SET" ]] && [[ "$(summarize "$SET" 2>/dev/null)" == "0" ]]; }

select_first_line
# A label key and Ctrl+S in the same frame would lose the label (Ctrl makes the editor
# ignore typed characters), so wait for the edit to show in the title first.
press 1 title_has "$MODIFIED" || fail "pressing 1 did not change the set (title: $(xdotool getwindowname "$WINDOW"))"
press ctrl+s has_annotations || fail "no annotation saved to $SET within ${TIMEOUT}s (after drag, 1, Ctrl+S)"
sleep 0.3  # let an in-flight save finish before the final read (writes are atomic anyway)
GOT=$(summarize "$SET")
WANT="1|claim|$EXPECTED_TEXT|$EXPECTED_START,$EXPECTED_END"
[[ "$GOT" == "$WANT" ]] || fail "saved set: got '$GOT', want '$WANT' (count|label|text|spans)"
echo "saved: $GOT"

# ---------------------------------------------------------------------------------------
# [SECTION] Undo
# ---------------------------------------------------------------------------------------

wait_for title_lacks "$MODIFIED" || fail "the title still shows unsaved changes after the save"
press ctrl+z title_has "$MODIFIED" || fail "Ctrl+Z changed nothing (title: $(xdotool getwindowname "$WINDOW"))"
press ctrl+s has_none || fail "after Ctrl+Z and Ctrl+S the set still holds: $(summarize "$SET")"
echo "after undo: $(summarize "$SET") annotations"
kill -0 "$APP_PID" 2>/dev/null || fail "claimmark exited during the test"
echo "e2e PASS"
