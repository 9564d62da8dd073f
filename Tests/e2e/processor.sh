#!/usr/bin/env bash
# The processor check: a binary whose NormMath was compiled for x86-64-v3 or v4, started on
# an older CPU (qemu's user-mode emulator playing a Nehalem, which has no AVX, and a
# Haswell, which has AVX2 but no AVX-512), stops with status 2 and a sentence naming what
# is missing and how to rebuild — instead of dying with SIGILL in its first training step.
#   Tests/e2e/processor.sh PATH/TO/normtui
set -u
BIN=$(realpath "${1:-.build/debug/normtui}")
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok - $name"; else failed=$((failed + 1)); echo "not ok - $name"; fi
}
if [ "$(uname -m)" != x86_64 ]; then
  echo "not an x86-64 machine: nothing to check"; echo "0 passed, 0 failed"; exit 0
fi
command -v qemu-x86_64 >/dev/null || { echo "qemu-x86_64 is not installed (Debian: qemu-user)"; exit 2; }

# The level this binary was built for, as start-up reports it on a CPU without AVX.
out=$(qemu-x86_64 -cpu Nehalem "$BIN" train --steps 1 2>&1 >/dev/null)
status=$?
level=$(grep -o 'built for x86-64-v[34]' <<<"$out" | grep -o 'v[34]')
if [ -z "$level" ]; then
  # Built for any x86-64 (NORMTUI_MARCH=): it must then simply run there.
  check "a binary for any x86-64 runs on a Nehalem" [ "$status" = 0 ]
else
  check "on a CPU without AVX: status 2" [ "$status" = 2 ]
  check "on a CPU without AVX: names the missing features" grep -q "this CPU lacks avx, avx2, fma" <<<"$out"
  check "on a CPU without AVX: says how to rebuild" grep -q "NORMTUI_MARCH=" <<<"$out"
  check "one error line, no crash report" [ "$(grep -c . <<<"$(grep -v '^qemu' <<<"$out")")" = 1 ]
  out=$(qemu-x86_64 -cpu Haswell "$BIN" train --steps 1 2>&1 >/dev/null)
  status=$?
  if [ "$level" = v4 ]; then
    check "an AVX-512 binary on an AVX2 CPU: status 2" [ "$status" = 2 ]
    check "an AVX-512 binary on an AVX2 CPU: names avx512f and the v3 build" \
      grep -q "lacks avx512f.*NORMTUI_MARCH=x86-64-v3" <<<"$out"
  else
    check "an AVX2 binary runs on an AVX2 CPU" [ "$status" = 0 ]
  fi
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
