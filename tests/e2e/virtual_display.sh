# virtual_display.sh — one Xvfb screen of 1400x900 on a display no one else uses (sourced).
#
#   start_virtual_display LOG_DIR   sets XVFB_PID, DISPLAY_NUMBER and exports DISPLAY;
#                                   returns 1 (the reason in LOG_DIR/xvfb.log) if it fails
#
# Xvfb picks the number itself (-displayfd): it takes the server lock atomically and writes
# the number it got. Choosing a free-looking number here and starting Xvfb on it is a race:
# two tests starting at the same instant both pick :90, the loser's Xvfb is still alive when
# the winner's socket appears, and both editors end up on one screen, each test driving
# whichever window is on top.
start_virtual_display() {
  local dir=$1 _
  DISPLAY_NUMBER=""
  Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$dir/display-number" >"$dir/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 100); do
    DISPLAY_NUMBER=$(tr -dc '0-9' <"$dir/display-number" 2>/dev/null)
    [[ -n "$DISPLAY_NUMBER" ]] && break
    kill -0 "$XVFB_PID" 2>/dev/null || break
    sleep 0.1
  done
  [[ -n "$DISPLAY_NUMBER" ]] || return 1
  export DISPLAY=":$DISPLAY_NUMBER"
}
