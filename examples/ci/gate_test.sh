#!/usr/bin/env bash
# ctest entry: the release gate of the CI snippets, run on the openssl ca
# example. A correct build passes; recording a baseline and then breaking the
# build (sha256) fails the gate with only the new findings; the reports exist.
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
work="$2"
rm -rf "$work" && mkdir -p "$work/ci"
cd "$work"
export CPAUDIT="$1" OUT="$work/out" CI_CONFIG="$work/ci"
export ISSUE="$src/corpus/real-ca/openssl/build.sh"

"$src/examples/ci/gate.sh" > gate1.txt || { cat gate1.txt; echo "a correct build failed the gate"; exit 1; }
for f in cpaudit-junit.xml cpaudit.sarif cpaudit-report.html cpaudit-summary.md cpaudit.json; do
  [ -s "out/$f" ] || { echo "missing out/$f"; exit 1; }
done
# Accept today's warnings-and-notices state as the baseline, then regress.
cp out/cpaudit.json ci/cpaudit-baseline.json
export ISSUE="$src/corpus/real-ca/openssl/build.sh" FAIL_ON=notice
"$src/examples/ci/gate.sh" > gate2.txt || { cat gate2.txt; echo "an unchanged build failed against its baseline"; exit 1; }
regress() { "$src/corpus/real-ca/openssl/build.sh" "$1" sha256; }
export -f regress
export src
export ISSUE=regress
if "$src/examples/ci/gate.sh" > gate3.txt; then
  cat gate3.txt; echo "a sha256 build passed the gate"; exit 1
fi
grep -q 'cp-7.1.3-signature-algorithm' out/cpaudit-junit.xml
grep -q '"baseline": "new"' out/cpaudit.json
echo PASS
