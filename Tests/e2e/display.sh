#!/usr/bin/env bash
# End-to-end test of the terminal conventions: ASCII without a UTF-8 locale and with --ascii,
# no colour with NO_COLOR and --no-color, clear errors for unusable terminals.
#   Tests/e2e/display.sh PATH/TO/normtui
set -u
BIN=$(realpath "${1:-.build/debug/normtui}")
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 2; }

# Runs the UI with extra environment/arguments, waits for it, captures the screen with its
# colour escapes into $SCREEN, then quits.
capture() {
  e2e_run "clear; $1 SWIFT_BACKTRACE=interactive=no $BIN $2; echo rc=\$?"
  e2e_wait_for 'Layer 1/3 activations|Layer 1/3' 30
  sleep 0.3
  SCREEN=$(e2e_tmux capture-pane -p -e -t e2e)
  e2e_keys q
  e2e_wait_for '^rc=0([^0-9]|$)' 10
}

non_ascii() { printf '%s' "$SCREEN" | LC_ALL=C grep -q '[^ -~[:cntrl:]]'; }
# SGR escapes that set a colour: 30–37, 90–97, 38;5;N (foreground) and their backgrounds.
has_colour() { printf '%s' "$SCREEN" | grep -Eq $'\e''\[([0-9;]*;)?(3[0-7]|9[0-7]|38;5;[0-9]+|4[0-7])(;[0-9;]*)?m'; }
is_bold_or_reverse() { printf '%s' "$SCREEN" | grep -Eq $'\e''\[([0-9;]*;)?(1|7)(;[0-9;]*)?m'; }

e2e_start 120 40
capture "" ""
e2e_check "UTF-8 locale: Unicode glyphs" non_ascii
e2e_check "colours by default" has_colour
capture "LANG=C LC_ALL=C" ""
e2e_check "C locale: ASCII only" eval '! non_ascii'
capture "" "--ascii"
e2e_check "--ascii: ASCII only" eval '! non_ascii'
capture "NO_COLOR=1" ""
e2e_check "NO_COLOR: no colours" eval '! has_colour'
e2e_check "NO_COLOR: still bold or reverse" is_bold_or_reverse
capture "" "--no-color"
e2e_check "--no-color: no colours" eval '! has_colour'
e2e_stop

e2e_start 100 30
e2e_run "clear; TERM=dumb $BIN; echo rc=\$?"
e2e_check "TERM=dumb: a clear error, status 2" e2e_wait_for 'error: .*dumb'
e2e_check "TERM=dumb: exit status 2" e2e_wait_for '^rc=2([^0-9]|$)'
e2e_run "clear; TERM=no-such-terminal $BIN; echo rc=\$?"
e2e_check "unknown TERM: a clear error" e2e_wait_for 'error: .*no-such-terminal'
e2e_check "unknown TERM: exit status 2" e2e_wait_for '^rc=2([^0-9]|$)'
e2e_stop
e2e_summary
