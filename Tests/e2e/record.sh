#!/usr/bin/env bash
# End-to-end test of `--record FILE.cast` (asciicast v2) with a real client: asciinema plays
# the headless recording of a lesson (`asciinema cat`), and the terminal emulator pyte shows
# its last frame equal to `snapshot` at the same step and size; the UI recorded in tmux has
# a resize event and plays to the screen tmux showed; a recording cut by SIGTERM still parses
# line by line; a bad path is one error line and status 2. scripts/install-test-deps installs
# asciinema and pyte.
#   Tests/e2e/record.sh PATH/TO/normtui
set -u
BIN=$(realpath "${1:-.build/debug/normtui}")
HERE=$(cd "$(dirname "$0")" && pwd)
CAST="$HERE/cast.py"
. "$HERE/lib.sh"
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 2; }
command -v asciinema >/dev/null || { echo "asciinema is not installed (scripts/install-test-deps)"; exit 2; }
python3 -c 'import pyte' 2>/dev/null || { echo "pyte is not installed (scripts/install-test-deps)"; exit 2; }
[ -x "$BIN" ] || { echo "no binary at $BIN"; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP" "$E2E_WORKDIR"' EXIT
export LANG=C.UTF-8

# $1: a snapshot's ANSI text on stdin, without escapes and trailing blanks.
plain() { sed -e "s/\x1b\[[0-9;]*m//g" -e "s/ *$//"; }

# Headless: a lesson's first five steps at 100×30, colours on.
"$BIN" lesson 6 --steps 5 --record "$TMP/lesson.cast" --width 100 --height 30 >"$TMP/out" 2>"$TMP/err"
rc=$?
e2e_check "headless lesson --record exits 0 and prints nothing" eval '[ $rc = 0 ] && [ ! -s "$TMP/out" ] && [ ! -s "$TMP/err" ]'
e2e_check "every line is JSON: a v2 header and five frames" \
  eval '[ "$(python3 "$CAST" check "$TMP/lesson.cast")" = "o o o o o" ]'
e2e_check "the header says 100×30 and names the lesson" \
  grep -q '"width":100,"height":30,.*"title":"normtui lesson covariate-shift"' "$TMP/lesson.cast"
asciinema cat "$TMP/lesson.cast" >"$TMP/played" 2>"$TMP/err"
e2e_check "asciinema cat plays it" [ $? = 0 ]
"$BIN" snapshot --lesson 6 --steps 5 --width 100 --height 30 --format ansi | plain >"$TMP/snapshot.txt"
python3 "$CAST" screen 100 30 "$TMP/played" >"$TMP/last.txt"
e2e_check "the last frame asciinema plays is snapshot's screen at step 5" diff "$TMP/last.txt" "$TMP/snapshot.txt"
e2e_check "frames after the first send only what changed" \
  eval '[ "$(wc -c <"$TMP/lesson.cast")" -lt $(( $(head -2 "$TMP/lesson.cast" | wc -c) * 5 )) ]'

# --no-color and --ascii: the last frame is the plain snapshot with those options.
"$BIN" lesson covariate-shift --steps 3 --record "$TMP/mono.cast" --no-color --ascii --width 80 --height 24
e2e_check "--no-color writes no colour" eval '! grep -q "\\\\u001b\[[0-9;]*3[0-7]m" "$TMP/mono.cast"'
"$BIN" snapshot --lesson 6 --steps 3 --width 80 --height 24 --ascii >"$TMP/mono-snapshot.txt"
e2e_check "--ascii --no-color: the last frame is the plain ASCII snapshot" \
  eval 'diff <(python3 "$CAST" play "$TMP/mono.cast") <(sed "s/ *$//" "$TMP/mono-snapshot.txt")'

# Bad paths: one error line, status 2, before anything else happens (even without a terminal).
for bad in "$TMP/no-such-folder/x.cast" "$TMP"; do
  "$BIN" lesson 6 --steps 3 --record "$bad" >"$TMP/out" 2>"$TMP/err"
  e2e_check "lesson --record $bad exits 2" [ $? = 2 ]
  e2e_check "... with one error line" eval '[ "$(wc -l <"$TMP/err")" = 1 ] && grep -q "^error: cannot record to" "$TMP/err" && [ ! -s "$TMP/out" ]'
done
"$BIN" --record "$TMP/no-such-folder/x.cast" </dev/null >"$TMP/out" 2>"$TMP/err"
rc=$?
e2e_check "the UI with a bad --record path exits 2 with one error line" \
  eval '[ $rc = 2 ] && [ "$(wc -l <"$TMP/err")" = 1 ] && grep -q "^error: cannot record to" "$TMP/err"'

# A file that cannot be written (a full disk) is an error, not a silent half recording.
"$BIN" lesson 6 --steps 2 --record /dev/full >"$TMP/out" 2>"$TMP/err"
rc=$?
e2e_check "a full disk: status 1 and one error line" \
  eval '[ $rc = 1 ] && [ "$(wc -l <"$TMP/err")" = 1 ] && grep -q "^error: cannot write to \"/dev/full\"" "$TMP/err"'

# A headless recording killed midway is valid up to its last frame.
"$BIN" lesson batch-noise --steps 100000 --record "$TMP/killed.cast" --fps 30 &
pid=$!
sleep 3
kill -TERM "$pid"
wait "$pid"
e2e_check "headless: killed by SIGTERM" [ $? = 143 ]
e2e_check "headless: every line of the cut recording parses" eval 'python3 "$CAST" check "$TMP/killed.cast" >/dev/null'

launch() { e2e_run "SWIFT_BACKTRACE=interactive=no $BIN $*; echo rc=\$?"; }

# The UI in tmux: keys, a resize, q.
e2e_start 100 30
launch --record ui.cast
e2e_wait_for 'Layer 1/3 activations' 30
e2e_keys s s s
e2e_wait_for '│ step 4 │' 15
e2e_tmux resize-window -t e2e -x 90 -y 28
e2e_wait_for 'need 80×24|Layer 1/3' 5
sleep 1
e2e_screen | sed 's/ *$//' >"$TMP/tmux.txt"
e2e_keys q
e2e_check "the recorded UI exits 0" e2e_wait_for '^rc=0([^0-9]|$)'
e2e_check "the UI's recording parses and has the resize to 90×28" \
  eval 'python3 "$CAST" check "$E2E_WORKDIR/ui.cast" | grep -q "r:90x28"'
e2e_check "the UI's recording plays to the screen tmux showed" \
  eval 'diff <(python3 "$CAST" play "$E2E_WORKDIR/ui.cast" | sed -e :a -e "/^\n*\$/{\$d;N;ba" -e "}") <(sed -e :a -e "/^\n*\$/{\$d;N;ba" -e "}" "$TMP/tmux.txt")'
e2e_check "asciinema cat plays the UI's recording" eval 'asciinema cat "$E2E_WORKDIR/ui.cast" >/dev/null'

# A lesson and compare mode record too; SIGTERM while running leaves a valid file.
e2e_run clear
launch lesson 6 --record lesson-ui.cast
e2e_wait_for 'Lesson 6' 30
e2e_keys q
e2e_wait_for '^rc=0([^0-9]|$)' 15
e2e_check "lesson NAME --record records the lesson" grep -q '"title":"normtui lesson covariate-shift"' "$E2E_WORKDIR/lesson-ui.cast"
e2e_run clear
launch --compare lr=2 --record compare.cast
e2e_wait_for 'lr' 30
e2e_keys space
sleep 2
pid=$(pgrep -n -f "$BIN --compare lr=2 --record")
kill -TERM "$pid"
e2e_check "compare mode under SIGTERM exits 143" e2e_wait_for '^rc=143([^0-9]|$)'
e2e_check "the cut compare recording parses, frames and all" \
  eval '[ "$(python3 "$CAST" check "$E2E_WORKDIR/compare.cast" | wc -w)" -ge 2 ]'
e2e_stop
e2e_summary
