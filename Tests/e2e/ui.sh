#!/usr/bin/env bash
# End-to-end test of the interactive UI: the real binary in tmux at 120×40, every main key,
# a resize below the minimum and back, then q — and the terminal must be restored.
#   Tests/e2e/ui.sh PATH/TO/normtui
set -u
BIN=$(realpath "${1:-.build/debug/normtui}")
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 2; }
[ -x "$BIN" ] || { echo "no binary at $BIN"; exit 2; }

launch() {
  e2e_run "SWIFT_BACKTRACE=interactive=no $BIN $*; echo rc=\$?"
}

e2e_start 120 40
launch
e2e_check "starts and shows the histograms" e2e_wait_for 'Layer 1/3 activations' 30
e2e_check "histograms have bars" e2e_wait_for 'before Batch Norm .*after, train mode'
# A key press is a request: ten s sent at once are ten steps, none lost while one is computed.
e2e_wait_for '│ step 1 │' 10
e2e_keys s s s s s s s s s s
e2e_check "ten s at once take ten steps, no more" e2e_wait_for '│ step 11 │.* paused *$' 30
e2e_keys space
e2e_check "space runs" e2e_wait_for 'running [0-9]+/s'
e2e_keys s
e2e_check "s steps and pauses" e2e_wait_for ' paused *$'
e2e_keys v
e2e_check "v switches to layer norm" e2e_wait_for '│ Layer Norm │'
n=1
for name in "Batch Norm" "Layer Norm" "Instance Norm" "Group Norm" "RMSNorm" "no normalization"; do
  e2e_keys "$n"
  e2e_check "$n selects $name" e2e_wait_for "│ $name │"
  n=$((n + 1))
done
e2e_keys '?'
e2e_check "? opens the help" e2e_wait_for 'this help'
e2e_keys Escape
e2e_check "Esc closes the help" e2e_wait_gone 'this help'
e2e_keys e
e2e_check "e opens the settings" e2e_wait_for 'Settings.*'
e2e_keys Escape
e2e_check "Esc cancels the settings" e2e_wait_for 'settings unchanged'
e2e_tmux resize-window -t e2e -x 60 -y 15
e2e_check "too small at 60x15" e2e_wait_for 'terminal too small: have 60×15, need 80×24'
e2e_tmux resize-window -t e2e -x 120 -y 40
e2e_check "back at 120x40" e2e_wait_for 'Layer 1/3 activations'
e2e_keys q
e2e_check "q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'
e2e_check "terminal restored after q" e2e_terminal_restored

# Ctrl-C, SIGTERM and SIGHUP also leave a usable terminal.
launch
e2e_wait_for 'Layer 1/3 activations' 30
e2e_keys C-c
e2e_check "Ctrl-C exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'
e2e_check "terminal restored after Ctrl-C" e2e_terminal_restored
for signal in TERM HUP INT; do
  e2e_run "clear"
  launch --variant group
  e2e_wait_for 'Group Norm' 30
  pid=$(pgrep -n -f "$BIN --variant group")
  kill -s "$signal" "$pid"
  code=$((128 + $(kill -l "$signal")))
  e2e_check "SIG$signal exits with status $code" e2e_wait_for "^rc=$code([^0-9]|$)"
  e2e_check "terminal restored after SIG$signal" e2e_terminal_restored
done
e2e_stop

# Not a terminal: a clear error instead of escape codes in a pipe.
out=$("$BIN" </dev/null 2>&1 | cat)
e2e_check "refuses a pipe and names train/snapshot" grep -q "normtui train" <<<"$out"
e2e_summary
