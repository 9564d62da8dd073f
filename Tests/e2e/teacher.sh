#!/usr/bin/env bash
# End-to-end test of the teacher's kit: a lesson asks its question before the run (in tmux at
# 80×24, as on a projector), the class's answer starts the run, --no-questions skips it;
# `lessons --objectives`; `handout` writes HTML that parses and an SVG that rsvg-convert
# renders; bad input exits 2 with one error line.
#   Tests/e2e/teacher.sh PATH/TO/normtui
set -u
BIN=$(realpath "${1:-.build/debug/normtui}")
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 2; }
command -v rsvg-convert >/dev/null || { echo "rsvg-convert is not installed (Debian: librsvg2-bin)"; exit 2; }
. "$(dirname "$0")/lib.sh"
trap 'e2e_stop; rm -rf "$E2E_WORKDIR"' EXIT
OUT="$E2E_WORKDIR/handouts"

# Whether every HTML file given parses with every element closed (and lesson 7's German page has its parts).
html_ok() {
  python3 - "$@" <<'PY'
import sys
from html.parser import HTMLParser
VOID = {"meta", "img", "br", "hr", "link", "input"}
class Check(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack = []
    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)
    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes nothing open"
for path in sys.argv[1:]:
    check = Check()
    text = open(path, encoding="utf-8").read()
    check.feed(text)
    assert not check.stack, f"{path}: left open: {check.stack}"
    if path.endswith("07-learning-rate.html"):
        for part in ["<h1>Lektion 7: Höhere Lernraten</h1>", "Nach dieser Lektion kannst du", "☐ b) nur die mit Batch Norm", "Für die Lehrkraft", "@page { size: A4;"]:
            assert part in text, part
PY
}

e2e_start 80 24
e2e_run "clear; SWIFT_BACKTRACE=interactive=no $BIN lesson learning-rate --lang en; echo rc=\$?"
e2e_check "the lesson opens with its question" e2e_wait_for 'Predict, then run' 30
e2e_check "the question's answers are a) to d)" e2e_wait_for 'd\) neither'
e2e_keys b
e2e_check "b is the class's answer" e2e_wait_for 'the class answered b\)'
e2e_check "the answer closes the question and starts the run" eval 'e2e_wait_gone "Predict, then run" && e2e_wait_for "running"'
e2e_keys h
e2e_check "h opens the discussion page with the hint" e2e_wait_for 'Discuss and try'
e2e_keys q
e2e_check "q exits with status 0" e2e_wait_for '^rc=0([^0-9]|$)'
e2e_run "clear; SWIFT_BACKTRACE=interactive=no $BIN lesson learning-rate --lang de --no-questions; echo rc=\$?"
e2e_check "--no-questions opens the lesson without its question" eval 'e2e_wait_for "Worauf achten" 30 && ! e2e_screen | grep -q "Erst vorhersagen"'
e2e_keys q
e2e_wait_for '^rc=0([^0-9]|$)' >/dev/null

e2e_check "lessons --objectives lists lesson 7's objectives" eval \
  '"$BIN" lessons --objectives --lang en | grep -A4 "^ 7  learning-rate" | grep -q "• Read the loss along the gradient as a band"'
e2e_check "handout writes the page and its figure" eval \
  '"$BIN" handout learning-rate --lang de --format html --seeds 1 --out "$OUT" >"$E2E_WORKDIR/written" && [ -s "$OUT/07-learning-rate.html" ] && [ -s "$OUT/07-learning-rate.svg" ]'
e2e_check "the handout names what it wrote" eval 'grep -qx "$OUT/07-learning-rate.html" "$E2E_WORKDIR/written"'
e2e_check "the handout's HTML parses, every element closed" html_ok "$OUT/07-learning-rate.html"
e2e_check "the figure renders (rsvg-convert)" eval 'rsvg-convert "$OUT/07-learning-rate.svg" -o "$E2E_WORKDIR/figure.png" && [ -s "$E2E_WORKDIR/figure.png" ]'
e2e_check "handout all --lang de writes every lesson's page, figure and an index" eval \
  '"$BIN" handout all --lang de --format html --seeds 1 --out "$OUT/all" >/dev/null 2>"$E2E_WORKDIR/err"; [ $? = 0 ] && [ ! -s "$E2E_WORKDIR/err" ] && [ "$(ls "$OUT"/all/[0-9]*.html | wc -l)" = "$("$BIN" lessons | grep -c "^ *[0-9]")" ] && [ "$(ls "$OUT"/all/[0-9]*.svg | wc -l)" = "$(ls "$OUT"/all/[0-9]*.html | wc -l)" ] && [ -s "$OUT/all/index.html" ]'
e2e_check "every handout of the set parses" eval 'html_ok "$OUT"/all/*.html'
e2e_check "every figure of the set renders" eval 'for f in "$OUT"/all/*.svg; do rsvg-convert "$f" -o "$f.png" || exit 1; done'
"$BIN" handout nosuch >/dev/null 2>"$E2E_WORKDIR/err"
status=$?
e2e_check "an unknown lesson: exit 2 and one error line" eval '[ $status = 2 ] && [ "$(wc -l < "$E2E_WORKDIR/err")" = 1 ] && grep -q "^error: unknown lesson" "$E2E_WORKDIR/err"'
"$BIN" handout 3 --seeds 0 >/dev/null 2>"$E2E_WORKDIR/err"
status=$?
e2e_check "--seeds 0: exit 2" eval '[ $status = 2 ] && grep -q "^error: --seeds must be between 1 and 100" "$E2E_WORKDIR/err"'
e2e_summary
