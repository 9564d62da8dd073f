#!/usr/bin/env bash
# End-to-end test of `w`: the UI saves the screen, the history and the experiment, and the
# saved experiment reproduces the run headless.
#   Tests/e2e/save.sh PATH/TO/normtui
set -u
BIN=$(realpath "${1:-.build/debug/normtui}")
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; e2e_stop' EXIT

e2e_start 120 40
e2e_run "cd $WORK && SWIFT_BACKTRACE=interactive=no $BIN --variant group --seed 7; echo rc=\$?"
e2e_wait_for 'Layer 1/3 activations' 30
e2e_keys s
e2e_wait_for 'step 2 ' 10
e2e_keys w
e2e_check "w says which files it saved" e2e_wait_for 'saved normtui-[0-9-]+-\*: screen.txt, screen.svg, history.csv, config.json'
e2e_keys q
e2e_wait_for '^rc=0([^0-9]|$)'
screen=$(ls "$WORK"/normtui-*-screen.txt 2>/dev/null | head -1)
picture=$(ls "$WORK"/normtui-*-screen.svg 2>/dev/null | head -1)
history=$(ls "$WORK"/normtui-*-history.csv 2>/dev/null | head -1)
config=$(ls "$WORK"/normtui-*-config.json 2>/dev/null | head -1)
e2e_check "the screen file shows the run" grep -q "Group Norm" "${screen:-/dev/null}"
e2e_check "the picture is an SVG" grep -q "<svg" "${picture:-/dev/null}"
e2e_check "the history has the running statistics of batch norm" eval 'head -1 "${history:-/dev/null}" | grep -q l1_running_mean || ! grep -q "Batch Norm" "${screen:-/dev/null}"'
e2e_check "the history has a header and two steps" eval '[ "$(wc -l <"${history:-/dev/null}")" = 3 ]'
e2e_check "no temporary files are left" eval '[ -z "$(ls "$WORK" | grep tmp)" ]'
"$BIN" train --steps 2 --config "$config" >"$WORK/replay.csv"
e2e_check "the saved experiment reproduces the run's losses" eval \
  'diff <(cut -d, -f1-3 "$history") <(cut -d, -f1-3 "$WORK/replay.csv")'
e2e_summary
