#!/usr/bin/env bash
# crash_recovery.sh — the editor killed after an autosave: the real window under Xvfb, an
# edit made with the real mouse and keyboard, the autosave timer (30 s) left to write the
# recovery file, then `kill -9`. The next start must offer the recovered work, and Enter
# (Restore) must bring the edit back; Ctrl+S then saves it into the set.
#
#   crash_recovery.sh CLAIMMARK_BINARY SOURCE_DIR
set -uo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 CLAIMMARK_BINARY SOURCE_DIR" >&2
  exit 2
fi
BINARY=$1
SOURCE_DIR=$2
FIXTURE="$SOURCE_DIR/tests/e2e/fixtures/beetroot-stamina.txt"
WANT="1|claim|Beetroot Juice and Stamina|0,26"  # the first line, code points counted by hand
source "$SOURCE_DIR/tests/e2e/e2e_support.sh"

cp "$FIXTURE" "$WORK/article.txt"
SET="$WORK/set.json"
RECOVERY="$SET.recovery"
start_display
start_app "$WORK/article.txt" --set "$SET" --annotator e2e
find_first_line
select_first_line
press 1 title_has "$MODIFIED" || fail "pressing 1 did not change the set"

# The autosave timer writes the recovery file within 30 s of the first unsaved change.
TIMEOUT=45 wait_for test -s "$RECOVERY" || fail "no recovery file $RECOVERY within 45 s of the edit"
sleep 0.5  # written atomically; the pause only lets the write finish before the kill
kill -9 "$APP_PID"
wait "$APP_PID" 2>/dev/null
APP_PID=""
[[ -f "$SET" ]] && fail "the set was written without a save: $(summarize "$SET")"
[[ "$(summarize "$RECOVERY")" == "$WANT" ]] || fail "the recovery file holds '$(summarize "$RECOVERY")', want '$WANT'"
echo "killed after autosave; recovery file: $(summarize "$RECOVERY")"

# The restart offers the recovered work; Enter restores it (modified, not yet saved).
start_app "$WORK/article.txt" --set "$SET" --annotator e2e
sleep 1  # the offer is drawn in the first frames
press Return title_has "$MODIFIED" || fail "Enter did not restore the recovered work (title: $(xdotool getwindowname "$WINDOW"))"
press ctrl+s test -f "$SET" || fail "Ctrl+S after restoring wrote no set"
sleep 0.3
GOT=$(summarize "$SET")
[[ "$GOT" == "$WANT" ]] || fail "saved after restore: got '$GOT', want '$WANT'"
wait_for test ! -e "$RECOVERY" || fail "the recovery file is still there after the save"
echo "restored and saved: $GOT"
echo "e2e PASS"
