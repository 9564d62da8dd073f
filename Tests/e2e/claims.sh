#!/usr/bin/env bash
# End-to-end test of `normtui lesson NAME --check`: every lesson that declares claims holds
# them on 2 seeds (exit 0, "✓ 2/2" for each), JSON has the documented keys, and bad input
# exits 2. Lessons without claims say so and exit 2.
#   Tests/e2e/claims.sh PATH/TO/normtui [SEEDS]
set -u
BIN=$(realpath "${1:-.build/debug/normtui}")
SEEDS=${2:-2}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PASSED=0 FAILED=0
check() {
  local name=$1
  shift
  if "$@"; then PASSED=$((PASSED + 1)); echo "ok - $name"; else FAILED=$((FAILED + 1)); echo "not ok - $name"; fi
}

mapfile -t lessons < <("$BIN" lessons --lang en | awk '/^ *[0-9]+  /{ print $2 }')
for id in "${lessons[@]}"; do
  start=$(date +%s)
  "$BIN" lesson "$id" --check --seeds "$SEEDS" >"$TMP/out" 2>"$TMP/err"
  status=$?
  if grep -q "declares no claims yet" "$TMP/err"; then
    check "$id: no claims yet, exit 2" [ "$status" = 2 ]
    continue
  fi
  seconds=$(($(date +%s) - start))
  check "$id: every claim holds on $SEEDS seeds (exit 0, ${seconds} s)" [ "$status" = 0 ]
  check "$id: each claim line says $SEEDS/$SEEDS" eval '! grep -E "^[✓✗] [0-9]+/" "$TMP/out" | grep -vq "✓ $SEEDS/$SEEDS"'
  [ "$status" = 0 ] || sed 's/^/# /' "$TMP/out" "$TMP/err"
done

"$BIN" lesson learning-rate --check --seeds 1 --format json >"$TMP/json" 2>&1
check "json: lesson, seeds and claims with id, text and holds" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["lesson"] == "learning-rate" and d["seeds"] == [1]
assert all({"id", "text", "holds"} <= c.keys() and len(c["holds"]) == 1 for c in d["claims"])
' "$TMP/json"
"$BIN" lesson learning-rate --check --seeds 0 >/dev/null 2>"$TMP/err"
status=$?
check "--seeds 0: exit 2 and one error line" eval '[ $status = 2 ] && grep -q "^error: --seeds must be between 1 and 1000" "$TMP/err"'
"$BIN" lesson learning-rate --check --steps 3 >/dev/null 2>"$TMP/err"
status=$?
check "--check with --steps: exit 2" eval '[ $status = 2 ] && grep -q "^error: --check and --steps do not go together" "$TMP/err"'
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
