#!/usr/bin/env bash
# End-to-end test of NormMath's documentation: the DocC catalog (Sources/NormMath/NormMath.docc)
# and the doc comments build with swift-docc-plugin without a single warning — a broken
# symbol link or a misnamed parameter fails here — and the archive holds every article.
#   Tests/e2e/docs.sh
set -u
cd "$(dirname "$0")/../.."
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PASSED=0 FAILED=0

check() {
  local name=$1
  shift
  if "$@"; then PASSED=$((PASSED + 1)); echo "ok - $name"; else FAILED=$((FAILED + 1)); echo "not ok - $name"; fi
}

swift package generate-documentation --target NormMath >"$TMP/log" 2>&1
status=$?
check "swift package generate-documentation --target NormMath exits 0" [ "$status" = 0 ]
if grep -q "warning:" "$TMP/log"; then
  check "no warnings ($(grep -c "warning:" "$TMP/log") found)" false
  grep -A6 "warning:" "$TMP/log" | sed 's/^/# /'
else
  check "no warnings" true
fi

data=.build/plugins/Swift-DocC/outputs/NormMath.doccarchive/data/documentation
for article in BatchNormalization LayerNormalization InstanceNormalization GroupNormalization RMSNorm \
  BackwardPass NumericalStability; do
  lower=$(printf '%s' "$article" | tr '[:upper:]' '[:lower:]')
  check "article $article is in the archive" [ -f "$data/normmath/$lower.json" ]
  check "the landing page lists $article" grep -q "doc://NormMath/documentation/NormMath/$article" "$data/normmath.json"
done
check "the core types are documented" test -f "$data/normmath/statisticslayout.json" -a -f "$data/normmath/normalization.json"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
