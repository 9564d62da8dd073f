#!/usr/bin/env bash
# End-to-end test of `normtui snapshot --format svg|html|ansi`: the screen as a picture for
# slides. The SVG must be well-formed, have the size of its grid (12 × 24 px cells, a 12 px
# margin and a 36 px title bar), and rsvg-convert must render it to a PNG of that size; the
# HTML must be well-formed; the ANSI text without its escapes must be the plain snapshot.
#   Tests/e2e/svg.sh PATH/TO/normtui
set -u
BIN=$(realpath "${1:-.build/debug/normtui}")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PASSED=0 FAILED=0
command -v rsvg-convert >/dev/null || { echo "rsvg-convert is not installed (Debian: librsvg2-bin)"; exit 2; }

check() {
  local name=$1
  shift
  if "$@"; then PASSED=$((PASSED + 1)); echo "ok - $name"; else FAILED=$((FAILED + 1)); echo "not ok - $name"; fi
}

# Whether file $1 is well-formed XML.
well_formed() { python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$1" 2>/dev/null; }

# The root element's width and height attributes of SVG file $1, as "W H".
svg_size() {
  python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); print(r.get("width"), r.get("height"))' "$1" 2>/dev/null
}

# A PNG's width and height, from its IHDR chunk, as "W H".
png_size() {
  python3 -c 'import sys, struct; d = open(sys.argv[1], "rb").read(24); print(*struct.unpack(">II", d[16:24])) if d[:8] == b"\x89PNG\r\n\x1a\n" else sys.exit(1)' "$1" 2>/dev/null
}

# One screen size and display mode: snapshot as SVG, check its size, render it, check the PNG.
picture() {
  local name=$1 width=$2 height=$3
  shift 3
  local svg="$TMP/$name.svg" png="$TMP/$name.png"
  local want="$((width * 12 + 24)) $((height * 24 + 60))"
  "$BIN" snapshot --format svg --width "$width" --height "$height" --steps 3 "$@" >"$svg" 2>"$TMP/err"
  check "$name: snapshot --format svg exits 0" [ $? = 0 ]
  check "$name: the SVG is well-formed XML" well_formed "$svg"
  check "$name: the SVG is $want px" [ "$(svg_size "$svg")" = "$want" ]
  rsvg-convert "$svg" -o "$png" 2>"$TMP/err"
  check "$name: rsvg-convert renders it" [ $? = 0 ]
  check "$name: the PNG is $want px" [ "$(png_size "$png")" = "$want" ]
  check "$name: the PNG is not empty" [ "$(wc -c <"$png")" -gt 5000 ]
}

picture main-100x30 100 30
picture main-120x40 120 40
picture ascii-80x24 80 24 --ascii
picture mono-80x24 80 24 --no-color
picture lesson-9-120x40 120 40 --lesson instance-style

"$BIN" snapshot --format svg --width 80 --height 24 --steps 3 >"$TMP/a.svg"
"$BIN" snapshot --format svg --width 80 --height 24 --steps 3 >"$TMP/b.svg"
check "the same options give the same SVG, byte for byte" cmp -s "$TMP/a.svg" "$TMP/b.svg"
check "monochrome: one foreground and one background colour" \
  eval '[ "$(grep -o "fill=\"#[0-9a-f]*\"" "$TMP/mono-80x24.svg" | grep -v -e "#777777" -e "#999999" | sort -u | wc -l)" -le 3 ]'

"$BIN" snapshot --format html --width 100 --height 30 --steps 3 >"$TMP/page.html"
check "snapshot --format html exits 0" [ $? = 0 ]
check "the HTML page is well-formed" well_formed "$TMP/page.html"
check "the HTML page declares UTF-8" grep -q '<meta charset="utf-8"/>' "$TMP/page.html"

"$BIN" snapshot --format ansi --width 100 --height 30 --steps 3 >"$TMP/screen.ansi"
check "snapshot --format ansi exits 0" [ $? = 0 ]
check "the ANSI text has colour escapes" grep -q $'\e\\[' "$TMP/screen.ansi"
"$BIN" snapshot --format txt --width 100 --height 30 --steps 3 >"$TMP/screen.txt"
# Plain text is drawn as on a monochrome terminal (a chart's series in markers of their own),
# so it is compared with the monochrome ANSI text.
"$BIN" snapshot --format ansi --no-color --width 100 --height 30 --steps 3 >"$TMP/mono.ansi"
check "the monochrome ANSI text without escapes is the plain snapshot" \
  eval 'diff <(sed -e "s/\x1b\[[0-9;]*m//g" -e "s/ *$//" "$TMP/mono.ansi") <(sed "s/ *$//" "$TMP/screen.txt") >/dev/null'

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
