#!/usr/bin/env bash
# End-to-end test of `normtui lesson NAME` from the shell, as a teacher opens one in class:
# every lesson `normtui lessons` lists opens in tmux at 80×24 (by number and by name, in
# English, German and the presenter view), shows its screen, and q exits 0 with the terminal
# restored.
#   Tests/e2e/lessons.sh PATH/TO/normtui
set -u
BIN=$(realpath "${1:-.build/debug/normtui}")
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 2; }
[ -x "$BIN" ] || { echo "no binary at $BIN"; exit 2; }

# "NUMBER ID" for every lesson the catalogue lists.
mapfile -t lessons < <("$BIN" lessons --lang en | awk '/^ *[0-9]+  /{ print $1, $2 }')
e2e_check "normtui lessons lists lessons" [ "${#lessons[@]}" -ge 13 ]

e2e_start 80 24
open_and_quit() {
  local what=$1 number=$2 options=$3
  e2e_run "clear; SWIFT_BACKTRACE=interactive=no $BIN lesson $what $options; echo rc=\$?"
  e2e_check "lesson $what $options shows its screen" e2e_wait_for "^ (Lesson|Lektion) $number │" 30
  e2e_keys q
  e2e_check "lesson $what $options: q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'
}
for entry in "${lessons[@]}"; do
  read -r number id <<<"$entry"
  open_and_quit "$number" "$number" ""
  open_and_quit "$id" "$number" "--lang de"
done
open_and_quit 2 2 "--present"
open_and_quit adain 17 "--present --lang de --no-color"
e2e_check "terminal restored after the last lesson" e2e_terminal_restored

e2e_run "clear; $BIN lesson nosuch; echo rc=\$?"
e2e_check "an unknown lesson is an error with status 2" e2e_wait_for '^rc=2([^0-9]|$)'
e2e_check "the error names the lessons" e2e_wait_for 'unknown lesson "nosuch"'
e2e_stop
e2e_summary
