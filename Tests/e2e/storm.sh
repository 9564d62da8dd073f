#!/usr/bin/env bash
# Storms against the real binary in tmux:
#  1. 1,000 random keys (Esc, Enter, Tab, arrows, editor input, digits, letters…) with resizes
#     mixed in: the app must stay alive, its screen must be consistent for the final size, and
#     q must exit 0 with the terminal restored.
#  2. 200 resizes between 20×5 and 250×80 while training runs: afterwards the screen must be
#     right for the final size (structure compared with `normtui snapshot` at that size).
#  3. The fatal paths: SIGSEGV, SIGABRT and SIGILL (what a Swift trap raises) sent to the
#     running UI — the terminal must be restored every time.
#   Tests/e2e/storm.sh PATH/TO/normtui [SEED]
set -u
BIN=$(realpath "${1:-.build/debug/normtui}")
SEED=${2:-${STORM_SEED:-1}}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 2; }
[ -x "$BIN" ] || { echo "no binary at $BIN"; exit 2; }
TMP=$(mktemp -d)
trap 'e2e_stop; rm -rf "$TMP"' EXIT
RANDOM=$SEED
echo "# storm seed $SEED"

launch() {
  e2e_run "clear; SWIFT_BACKTRACE=interactive=no,color=no $BIN $*; echo rc=\$?"
}

# The pid of the UI started by `launch` with these exact arguments (the newest one).
ui_pid() { pgrep -n -f "^$BIN${*:+ $*}\$"; }

alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

VARIANT_NAMES='(Batch Norm|Layer Norm|Instance Norm|Group Norm|RMSNorm|no normalization)'

# The screen fits the pane's size: the too-small message below 80×24; else a header naming a
# variant and the step, and the key bar on the last line (with the overlays closed).
screen_fits() {  # width height
  local w=$1 h=$2
  local lines
  lines=$(e2e_screen | wc -l)
  [ "$lines" = "$h" ] || { echo "# captured $lines lines, pane height $h"; return 1; }
  if [ "$w" -lt 80 ] || [ "$h" -lt 24 ]; then
    local message="terminal too small: have ${w}×${h}, need 80×24"
    [ "$w" -ge ${#message} ] || message=${message:0:$((w - 1))}
    e2e_screen | grep -qF -- "$message"
  else
    e2e_screen | head -1 | grep -Eq "^ (normtui │ )?$VARIANT_NAMES │ .*step [0-9]+" &&
      e2e_screen | tail -1 | grep -q '^q quit'
  fi
}

# The live screen has the same structure as `normtui snapshot` at the same size: the same
# text when too small; else the same key bar, and panel borders starting on the same rows.
matches_snapshot() {  # width height
  local w=$1 h=$2
  "$BIN" snapshot --width "$w" --height "$h" --steps 1 >"$TMP/snapshot" 2>&1 || return 1
  e2e_screen >"$TMP/live"
  if [ "$w" -lt 80 ] || [ "$h" -lt 24 ]; then
    diff <(sed 's/ *$//' "$TMP/snapshot") <(sed 's/ *$//' "$TMP/live") >/dev/null
  else
    [ "$(tail -1 "$TMP/snapshot" | sed 's/ *$//')" = "$(tail -1 "$TMP/live" | sed 's/ *$//')" ] || return 1
    # rows whose first column is a panel corner: where the panels start and end
    diff <(grep -n '^[┏┌┗└]' "$TMP/snapshot" | cut -c1-8) <(grep -n '^[┏┌┗└]' "$TMP/live" | cut -c1-8) >/dev/null
  fi
}

# ---- 1. key storm -----------------------------------------------------------------------
KEYS=(Escape Escape Enter Tab BTab Up Down Left Right BSpace DC Home End PPage NPage F1 F5 C-u C-a C-l
      space space s s v V 1 2 3 4 5 6 r e e t '[' ']' z x + = - _ '?' l n p)
TEXT='abcdefghijkmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789.,-+eEx'
e2e_start 120 40
launch
e2e_check "key storm: the UI starts" e2e_wait_for 'Layer 1/3 activations' 30
pid=$(ui_pid)
sent=0 resized=0 width=120 height=40
while [ "$sent" -lt 1000 ]; do
  batch=()
  for _ in 1 2 3 4 5 6 7 8; do
    case $((RANDOM % 10)) in
      0 | 1 | 2 | 3 | 4 | 5) batch+=("${KEYS[RANDOM % ${#KEYS[@]}]}") ;;
      6 | 7 | 8) batch+=("${TEXT:RANDOM % ${#TEXT}:1}") ;;
      9) batch+=(Escape "[" "${TEXT:RANDOM % ${#TEXT}:1}") ;;  # Esc followed by junk, as a broken escape sequence
    esac
  done
  e2e_keys "${batch[@]}"
  sent=$((sent + ${#batch[@]}))
  if [ $((RANDOM % 6)) = 0 ]; then
    width=$((20 + RANDOM % 231)) height=$((5 + RANDOM % 76))
    e2e_tmux resize-window -t e2e -x "$width" -y "$height"
    resized=$((resized + 1))
  fi
  sleep 0.0$((RANDOM % 3))
done
echo "# sent $sent keys and $resized resizes"
e2e_check "key storm: still running after $sent keys" alive "$pid"
# Back to a known place: the full size, every overlay closed (Esc closes help, the editor
# and the lesson list, and leaves a lesson).
e2e_tmux resize-window -t e2e -x 120 -y 40
e2e_keys Escape
sleep 0.2
e2e_keys Escape
sleep 0.2
e2e_keys Escape
e2e_check "key storm: screen consistent at 120×40" e2e_wait_for "^ (normtui │ )?$VARIANT_NAMES │ .*step [0-9]+" 10
e2e_check "key storm: header, body and key bar fit 120×40" screen_fits 120 40
e2e_keys s
e2e_check "key storm: still answers a key (s)" e2e_wait_for ' paused *$|diverged' 5
e2e_keys q
e2e_check "key storm: q exits 0" e2e_wait_for '^rc=0([^0-9]|$)' 10
e2e_check "key storm: terminal restored" e2e_terminal_restored

# ---- 2. resize storm while training -----------------------------------------------------
e2e_tmux resize-window -t e2e -x 120 -y 40
launch
e2e_wait_for 'Layer 1/3 activations' 30
pid=$(ui_pid)
e2e_keys space + + + +
e2e_check "resize storm: training runs" e2e_wait_for 'running (max|[0-9]+/s)' 10
for _ in $(seq 200); do
  width=$((20 + RANDOM % 231)) height=$((5 + RANDOM % 76))
  e2e_tmux resize-window -t e2e -x "$width" -y "$height"
  [ $((RANDOM % 4)) = 0 ] && sleep 0.0$((RANDOM % 5))
done
echo "# final size ${width}×${height}"
e2e_check "resize storm: alive after 200 resizes" alive "$pid"
sleep 0.5
e2e_check "resize storm: the screen fits ${width}×${height}" screen_fits "$width" "$height"
if [ "$width" -ge 80 ] && [ "$height" -ge 24 ]; then
  e2e_keys space  # pause, so the live screen and the snapshot are laid out the same way
  e2e_wait_for ' paused *$' 5
fi
e2e_check "resize storm: structure matches snapshot at ${width}×${height}" matches_snapshot "$width" "$height"
for size in "79 24" "80 23" "80 24" "250 80" "20 5"; do
  set -- $size
  e2e_tmux resize-window -t e2e -x "$1" -y "$2"
  sleep 0.3
  e2e_check "resize storm: then ${1}×${2} is right" screen_fits "$1" "$2"
done
e2e_tmux resize-window -t e2e -x 120 -y 40
e2e_keys q
e2e_check "resize storm: q exits 0" e2e_wait_for '^rc=0([^0-9]|$)' 10
e2e_check "resize storm: terminal restored" e2e_terminal_restored

# ---- 3. fatal signals -------------------------------------------------------------------
# A Swift trap is SIGILL (or SIGTRAP); a bad pointer SIGSEGV; abort() SIGABRT. The handler
# leaves curses mode and hands the signal to Swift's backtracer, which ends the process.
for signal in SEGV ABRT ILL; do
  launch --variant layer
  e2e_wait_for 'Layer Norm' 30
  pid=$(ui_pid --variant layer)
  kill -s "$signal" "$pid"
  code=$((128 + $(kill -l "$signal")))
  e2e_check "SIG$signal ends the UI with status $code" e2e_wait_for "^rc=$code([^0-9]|$)" 20
  e2e_check "SIG$signal: alternate screen off, cursor visible" \
    eval '[ "$(e2e_tmux display -p -t e2e "#{alternate_on} #{cursor_flag}")" = "0 1" ]'
  e2e_check "terminal restored after SIG$signal" e2e_terminal_restored
done
e2e_summary
