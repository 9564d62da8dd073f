#!/usr/bin/env bash
# Soak: the UI training at full speed in tmux for DURATION seconds (default 60, as in CI; run
# `Tests/e2e/soak.sh .build/debug/normtui 600` for the ten-minute soak of issue 7), with the
# resident memory of the process sampled from /proc/PID/status. After warm-up (the history's
# ring buffers full: 4,096 steps, or half the duration) the memory must stay within 10% of its
# first sample; the run must keep stepping, still answer a key at the end, and q must exit 0
# with the terminal restored.
#   Tests/e2e/soak.sh PATH/TO/normtui [DURATION]
set -u
BIN=$(realpath "${1:-.build/debug/normtui}")
DURATION=${2:-${SOAK_SECONDS:-60}}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 2; }
[ -x "$BIN" ] || { echo "no binary at $BIN"; exit 2; }
trap 'e2e_stop' EXIT

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null; }
header_step() { e2e_screen | head -1 | grep -o 'step [0-9]*' | grep -o '[0-9]*'; }

e2e_start 120 40
e2e_run "SWIFT_BACKTRACE=interactive=no $BIN; echo rc=\$?"
e2e_check "soak: the UI starts" e2e_wait_for 'Layer 1/3 activations' 30
pid=$(pgrep -n -f "^$BIN\$")
e2e_keys space
for _ in 1 2 3 4 5 6 7 8 9 10; do e2e_keys +; done
e2e_check "soak: training at full speed" e2e_wait_for 'running max' 10

start=$SECONDS
warm=$((DURATION / 2))
baseline="" peak=0 samples=0 last_step=0 stalls=0 step=0
while [ $((SECONDS - start)) -lt "$DURATION" ]; do
  sleep 2
  kill -0 "$pid" 2>/dev/null || break
  step=$(header_step)
  step=${step:-$last_step}
  if [ "$step" -le "$last_step" ]; then stalls=$((stalls + 1)); fi
  last_step=$step
  rss=$(rss_kib "$pid")
  elapsed=$((SECONDS - start))
  if [ -z "$baseline" ]; then
    # warm-up: until the ring buffers are full or half the time is gone
    if [ "$step" -ge 5000 ] || [ "$elapsed" -ge "$warm" ]; then baseline=$rss; echo "# warm after ${elapsed} s at step $step: ${rss} KiB"; fi
    continue
  fi
  samples=$((samples + 1))
  [ "$rss" -gt "$peak" ] && peak=$rss
  if [ $((samples % 15)) = 0 ]; then echo "# ${elapsed} s, step $step: ${rss} KiB"; fi
done
echo "# ${DURATION} s: step $step, baseline ${baseline:-?} KiB, peak $peak KiB over $samples samples, $stalls stalled samples"
e2e_check "soak: alive after ${DURATION} s" kill -0 "$pid"
e2e_check "soak: memory sampled after warm-up" eval '[ -n "$baseline" ] && [ "$samples" -ge 3 ]'
e2e_check "soak: resident memory flat (peak within 10% of ${baseline:-?} KiB)" \
  eval '[ "$peak" -le $((baseline + baseline / 10)) ]'
e2e_check "soak: training kept stepping (step $step)" eval '[ "$stalls" -le 2 ] && [ "$step" -gt 100 ]'
e2e_keys s
e2e_check "soak: still answers a key" e2e_wait_for ' paused *$' 5
e2e_keys q
e2e_check "soak: q exits 0" e2e_wait_for '^rc=0([^0-9]|$)' 10
e2e_check "soak: terminal restored" e2e_terminal_restored
e2e_summary
