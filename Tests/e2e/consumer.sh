#!/usr/bin/env bash
# NormMath as another project's versioned dependency: Tests/consumer names this repository
# `from: "1.0.0"`, as a package on the web would. SwiftPM refuses a versioned dependency
# with unsafe flags (Package.swift, `isDependency`), so this builds the consumer against a
# tagged clone of the committed tree and runs it.
#   Tests/e2e/consumer.sh
set -u
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok - $name"; else failed=$((failed + 1)); echo "not ok - $name"; fi
}

git clone -q --no-local . "$work/normtui"
git -C "$work/normtui" -c user.name=ci -c user.email=ci@localhost tag 1.0.0
cp -r Tests/consumer "$work/consumer"
build_log="$work/build.log"
NORMTUI_URL="file://$work/normtui" swift build --package-path "$work/consumer" >"$build_log" 2>&1
status=$?
check "a package builds with NormMath as a versioned dependency" [ "$status" = 0 ]
[ "$status" = 0 ] || tail -20 "$build_log" | sed 's/^/# /'
check "no unsafe-flags refusal" bash -c "! grep -q 'unsafe build flags' '$build_log'"
out=$("$work/consumer/.build/debug/NormMathConsumer" 2>&1)
check "the consumer computes layer norm (mean 2.5, var 1.25)" grep -q '"mean": \[2.5\], "var": \[1.25\]' <<<"$out"
[ "$failed" = 0 ] || echo "# output: $out"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
