#!/usr/bin/env bash
# End-to-end test of the classroom items: the real binary in tmux at 80×24, as a projector
# shows it — no key lost in lessons, text that scrolls, messages that wrap, mouse off.
#   Tests/e2e/classroom.sh PATH/TO/normtui
set -u
BIN=$(realpath "${1:-.build/debug/normtui}")
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 2; }
[ -x "$BIN" ] || { echo "no binary at $BIN"; exit 2; }

launch() {
  e2e_run "clear; SWIFT_BACKTRACE=interactive=no $BIN $*; echo rc=\$?"
}

# The command line: only bench takes --variant all and speaks of it; completions for bash
# know the variants, the data sets and the lessons.
e2e_check "train's help does not list all" eval '! "$BIN" train --help | grep -A2 -- "--variant <" | grep -q "all\|values:"'
e2e_check "bench's help names --variant all" eval '"$BIN" bench --help | grep -q -- "--variant all"'
e2e_check "train refuses --variant all with status 2" eval '"$BIN" train --variant all --steps 1 >/dev/null 2>&1; [ $? = 2 ]'
e2e_check "the bash completion script loads and completes lesson names" eval \
  '"$BIN" --generate-completion-script bash | grep -q "statistics-groups" && bash -n <("$BIN" --generate-completion-script bash)'

e2e_start 80 24

# A lesson key typed at once after opening, before the lesson's first snapshot, still counts
# (without the question before the run, which teacher.sh tests);
# ten s are ten steps.
e2e_run "clear; SWIFT_BACKTRACE=interactive=no $BIN lesson statistics-groups --no-questions; echo rc=\$?"
e2e_keys G
e2e_check "a lesson key sent at once is not lost" e2e_wait_for 'Group Norm \(G = 3\)' 30
# Each step highlights the next statistics group: group 0 after opening, group 10 after ten s.
e2e_wait_for 'Group 0: ' 10
e2e_keys s s s s s s s s s s
e2e_check "ten s in a lesson take ten steps" e2e_wait_for 'Group 10: ' 30
e2e_keys q
e2e_check "lesson: q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'

# The help is longer than 80×24: it says so, and End (as tmux sends it) reaches its last line.
launch
e2e_wait_for 'Layer 1/3 activations' 30
e2e_check "the key bar ends with ? more keys" e2e_wait_for '\? more keys *$'
e2e_keys '?'
e2e_check "the help says there is more" e2e_wait_for '↓ [0-9]+ more lines'
e2e_keys End
e2e_check "End scrolls the help to its last line" e2e_wait_for 'Esc, \? or q closes this help'
e2e_keys Home
e2e_check "Home scrolls back to the top" e2e_wait_for 'q quit \(also Ctrl-C\)'
e2e_keys Escape q
e2e_check "main: q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'

# A lesson's page scrolls with the arrows.
launch lesson train-inference --no-questions
e2e_check "a long lesson page says there is more" e2e_wait_for '↓ [0-9]+ more lines' 30
e2e_keys End
e2e_check "End scrolls the lesson page to its end" e2e_wait_for '↑ [0-9]+ lines above'
e2e_keys q
e2e_check "lesson 15: q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'

# t while paused shows eval mode at once, without a step.
launch
e2e_wait_for '│ step 1 │' 30
e2e_keys t
e2e_check "t while paused shows eval mode at once" e2e_wait_for 'after, eval mode'
e2e_check "t took no step" e2e_wait_for '│ step 1 │.* paused *$'
e2e_keys q
e2e_check "eval: q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'

# A reset says what it discarded; u brings the run back, steps and all.
launch
e2e_wait_for '│ step 1 │' 30
e2e_keys s s s
e2e_wait_for '│ step 4 │' 30
e2e_keys 2
e2e_check "2 says that 4 steps were discarded" e2e_wait_for '4 steps discarded — u brings them back'
e2e_wait_for 'Layer Norm │.*│ step 1 │' 30
e2e_keys u
e2e_check "u brings the batch norm run of 4 steps back" e2e_wait_for 'Batch Norm │.*│ step 4 │' 30
e2e_keys q
e2e_check "undo: q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'

# w in a lesson and in compare mode saves the screen, the lesson's records and the experiment.
launch lesson scale-invariance --no-questions
e2e_wait_for '^ Lesson 9 ' 30
e2e_keys s s
sleep 1
e2e_keys w
e2e_check "w in a lesson says what it saved" e2e_wait_for 'scale-invariance.csv'
e2e_check "the lesson's records are saved with the headless columns" eval \
  '[ "$(head -1 "$E2E_WORKDIR"/normtui-*-scale-invariance.csv)" = "$("$BIN" lesson scale-invariance --steps 1 | head -1)" ]'
e2e_check "the lesson's records hold its steps" eval '[ "$(wc -l < "$(ls "$E2E_WORKDIR"/normtui-*-scale-invariance.csv | head -1)")" -ge 4 ]'
e2e_keys q
e2e_check "lesson save: q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'
launch --compare lr=2
e2e_wait_for 'step [0-9]' 30
e2e_keys w
e2e_check "w in compare mode saves too" e2e_wait_for 'saved normtui-'
e2e_check "compare mode's records are saved" eval 'ls "$E2E_WORKDIR"/normtui-*-compare.csv >/dev/null'
e2e_keys q
e2e_check "compare save: q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'

# The mouse (SGR 1006, as xterm and tmux report it): tmux says the program asked for it; a
# click focuses a panel, the wheel over the activations changes the layer. Typed here as the
# terminal would send them.
launch
e2e_wait_for 'Layer 1/3 activations' 30
e2e_check "the UI turns SGR mouse reporting on" eval '[ "$(e2e_tmux display -p -t e2e "#{mouse_sgr_flag}")" = 1 ]'
e2e_keys -l $'\e[<0;61;16M\e[<0;61;16m'
e2e_check "a click focuses the loss panel" e2e_wait_for '┏━ Loss'
e2e_keys -l $'\e[<65;20;5M'
e2e_check "the wheel over the activations shows the next layer" e2e_wait_for 'Layer 2/3 activations'
e2e_keys l
e2e_wait_for 'Lessons —'
e2e_keys -l $'\e[<0;20;10M\e[<0;20;10m'
e2e_check "a click in the lesson list opens that lesson" e2e_wait_for '^ Lesson [0-9]+ │'
e2e_keys q
e2e_check "mouse: q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'
launch --no-mouse
e2e_wait_for 'Layer 1/3 activations' 30
e2e_check "--no-mouse leaves the mouse to the terminal" eval '[ "$(e2e_tmux display -p -t e2e "#{mouse_any_flag}#{mouse_sgr_flag}")" = 00 ]'
e2e_keys q
e2e_check "no mouse: q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'

# The lesson list: j/k and arrows, digits jump, Enter opens, q closes only the list.
launch
e2e_wait_for 'Layer 1/3 activations' 30
e2e_keys l
e2e_wait_for 'Lessons —'
e2e_keys j j Down k Enter
e2e_check "j j Down k Enter opens lesson 3" e2e_wait_for '^ Lesson 3 │' 30
e2e_keys l
e2e_wait_for 'Lessons —'
e2e_keys 1 2 Enter
e2e_check "typing 1 2 Enter opens lesson 12" e2e_wait_for '^ Lesson 12 │' 30
e2e_keys l
e2e_wait_for 'Lessons —'
e2e_keys q
e2e_check "q closes only the list" e2e_wait_gone 'Lessons —'
e2e_check "the lesson is still open after q in the list" e2e_wait_for '^ Lesson 12 │'
e2e_keys q
e2e_check "list: q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'

# Without colour the gradient chart's layers are told apart by their markers.
e2e_run "clear; NO_COLOR=1 SWIFT_BACKTRACE=interactive=no $BIN; echo rc=\$?"
e2e_wait_for '│ step 1 │' 30
e2e_check "NO_COLOR: each layer has its own marker" e2e_wait_for '• L1 [^ ]+  ○ L2 [^ ]+  \+ L3'
e2e_keys q
e2e_check "NO_COLOR: q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'

# Settings that run but surprise say what they mean; the model switch converts the shape.
launch
e2e_wait_for 'Layer 1/3 activations' 30
e2e_keys e
e2e_wait_for 'Settings'
e2e_keys Down Down Down Right
e2e_check "switching the model to mlp makes the shape N×C" e2e_wait_for 'shape +32x16 '
e2e_keys Down Down Down Down Down Down Down C-u 0
e2e_check "ε = 0 says what it means in the editor" e2e_wait_for 'divides 0 by 0'
e2e_keys Enter
e2e_check "ε = 0 is applied with the note" e2e_wait_for 'settings applied; ε = 0'
e2e_check "the mlp runs" e2e_wait_for '│ 32×16(×1×1)? │' 30
e2e_keys q
e2e_check "settings: q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'

# A message longer than the line wraps into a second one instead of ending in "res…".
launch --variant none --lr 50
e2e_wait_for 'Layer 1/3 activations' 30
e2e_keys s s s
e2e_check "a long divergence message wraps, ending with press r to restart" e2e_wait_for '— press r to restart *$' 30
e2e_check "no status line is cut mid-word" e2e_wait_gone 'res…' 1
e2e_keys q
e2e_check "diverged: q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'

e2e_stop
e2e_summary
