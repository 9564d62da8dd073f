#!/usr/bin/env bash
# End-to-end tests of the headless commands: exit statuses, one-line errors, nothing on stdout
# for bad input, byte-identical reruns.
#   Tests/e2e/cli.sh PATH/TO/normtui
set -u
BIN=$(realpath "${1:-.build/debug/normtui}")
HERE=$(cd "$(dirname "$0")" && pwd)
FIXTURES="$HERE/../NormMathTests/Fixtures"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PASSED=0 FAILED=0

check() {
  local name=$1
  shift
  if "$@"; then PASSED=$((PASSED + 1)); echo "ok - $name"; else FAILED=$((FAILED + 1)); echo "not ok - $name"; fi
}

# runs "$@", keeping stdout, stderr and the status
run() { "$@" >"$TMP/out" 2>"$TMP/err"; echo $? >"$TMP/rc"; }
status_is() { [ "$(cat "$TMP/rc")" = "$1" ]; }
stdout_empty() { [ ! -s "$TMP/out" ]; }
one_error_line() { [ "$(wc -l <"$TMP/err")" = 1 ] && grep -q "^error: $1" "$TMP/err"; }

refused() {  # name, expected message fragment, command...
  local name=$1 says=$2
  shift 2
  run "$@"
  check "$name: exit 2, one error line, empty stdout" eval 'status_is 2 && stdout_empty && one_error_line ".*$says"'
}

run "$BIN" --version
check "--version prints the version and exits 0" eval 'status_is 0 && grep -Eq "^[0-9]+\.[0-9]+\.[0-9]+$" "$TMP/out"'
run "$BIN" compute --input "$FIXTURES/case-000.json" --format json
check "compute reads a reference case ({\"input\": …, \"expected\": …}) as it is" eval 'status_is 0 && grep -q "\"y\":" "$TMP/out"'

# compute
python3 -c "import json,sys; print(json.dumps(json.load(open(sys.argv[1]))['input']))" "$FIXTURES/case-000.json" >"$TMP/case.json"
run "$BIN" compute --input "$TMP/case.json" --format json
check "compute json: exit 0 and a JSON object with y, mean, var, dx" eval 'status_is 0 && python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert {\"y\",\"mean\",\"var\",\"dx\",\"running_mean\"} <= d.keys()" "$TMP/out"'
run "$BIN" compute --input "$TMP/case.json"
check "compute text: a worked example" eval 'status_is 0 && grep -q "μ  = Σx / " "$TMP/out" && grep -q "√(" "$TMP/out"'
run "$BIN" compute --input - --format json <"$TMP/case.json"
check "compute reads standard input" status_is 0
printf '{"variant": "batch", "shape": [1,2' >"$TMP/bad.json"
refused "truncated JSON" "input is not valid JSON" "$BIN" compute --input "$TMP/bad.json"
printf '{"variant": "group", "groups": 5, "shape": [1,12,1,1], "x": [1,2,3,4,5,6,7,8,9,10,11,12]}' >"$TMP/bad.json"
refused "C not divisible by G" "C = 12 is not divisible by G = 5" "$BIN" compute --input "$TMP/bad.json" --format json
printf '{"variant": "batch", "shape": [1,3,1,1], "x": [1,2,3]}' >"$TMP/bad.json"
refused "batch norm on one value per channel" "Expected more than 1 value per channel when training" "$BIN" compute --input "$TMP/bad.json"
refused "missing file" "cannot read" "$BIN" compute --input "$TMP/none.json"
refused "unknown format" "" "$BIN" compute --input "$TMP/case.json" --format yaml

# train
run "$BIN" train --steps 30 --variant group --eval-every 10
cp "$TMP/out" "$TMP/first.csv"
check "train csv: header and 30 records" eval 'status_is 0 && [ "$(wc -l <"$TMP/first.csv")" = 31 ] && head -1 "$TMP/first.csv" | grep -q "^step,loss,accuracy,eval_accuracy,l1_pre_mean"'
run "$BIN" train --steps 30 --variant group --eval-every 10
check "train is byte-identical on a rerun" cmp -s "$TMP/out" "$TMP/first.csv"
run "$BIN" train --steps 5 --format jsonl --variant batch
check "train jsonl: one JSON object per line with running statistics" eval 'status_is 0 && python3 -c "
import json, sys
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == 5
for line in lines:
    d = json.loads(line)
    assert \"l3_running_var\" in d and d[\"eval_accuracy\"] is None
" "$TMP/out"'
run "$BIN" train --steps 300 --variant none --lr 20
check "train: divergence stops the run with status 3 and says where" eval 'status_is 3 && grep -q "^diverged: .* at step [0-9]*" "$TMP/err"'
refused "train: depth 0" "depth must be between 1 and 12" "$BIN" train --steps 1 --depth 0
refused "train: C not divisible by G" "C = 16 is not divisible by G = 5" "$BIN" train --steps 1 --variant group --groups 5
refused "train: negative learning rate" "learning rate must be a positive" "$BIN" train --steps 1 --lr=-1
refused "train: shape over the memory limit" "more than the limit" "$BIN" train --steps 1 --shape 1024x512x16x16
refused "train: malformed shape" "shape" "$BIN" train --steps 1 --shape 32x16x8
refused "train: unknown data set" "unknown data set" "$BIN" train --steps 1 --dataset mnist
refused "train: unknown option" "" "$BIN" train --steps 1 --speed 3
refused "train: zero steps" "steps must be at least 1" "$BIN" train --steps 0
# A negative number is a value, not an option: the message names the value, not "Missing value".
refused "train: negative steps" "steps must be at least 1, got -3" "$BIN" train --steps -3
refused "train: negative seed" "seed must be a whole number ≥ 0, got \"-1\"" "$BIN" train --steps 1 --seed -1
refused "train: negative weight decay" "weight decay must be a number >= 0, got -0.1" "$BIN" train --steps 1 --weight-decay -0.1
refused "lesson: negative seed" "a seed is a whole number ≥ 0, got \"-1\"" "$BIN" lesson 3 --seed -1

# snapshot
run "$BIN" snapshot --steps 3 --width 100 --height 30 --keys "] x"
check "snapshot prints the screen after the keys" eval 'status_is 0 && [ "$(wc -l <"$TMP/out")" = 30 ] && grep -q "Layer 2/3 activations — shared x-axis" "$TMP/out"'
refused "snapshot: unknown key name" "unknown key" "$BIN" snapshot --keys "Hyper"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
