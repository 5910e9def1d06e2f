#!/usr/bin/env bash
# ctest entry: writes the demo's JUnit and SARIF reports (with waivers and a
# baseline, so suppressions and baselineState appear) and validates them: JUnit
# with xmllint against the Apache Ant schema, SARIF with the official SARIF
# validator, which must report no error. Exit 77 (skipped) when the tools are
# missing, unless CPAUDIT_REQUIRE_TOOLS=1 (CI).
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
cpaudit="$1"
out="$2"
schemas="$src/../shared/schemas"
multitool="$src/tests/tools/node_modules/.bin/sarif-multitool"
if ! command -v xmllint >/dev/null || [ ! -x "$multitool" ] || [ ! -d "$schemas" ]; then
  echo "xmllint, sarif-multitool or ../shared/schemas missing: run scripts/setup-tools.sh"
  [ "${CPAUDIT_REQUIRE_TOOLS:-0}" = 1 ] && exit 1
  exit 77
fi
mkdir -p "$out"
"$cpaudit" audit "$src/corpus/demo" --quiet --report json="$out/baseline.json" || true
# One more finding than the baseline, and one fewer: new, unchanged and absent results.
rm -rf "$out/evidence" && cp -r "$src/corpus/demo" "$out/evidence"
rm "$out/evidence/certs/tsa-2.pem"
echo '{"time": "2026-05-29T10:00:00+09:00", "type": "revocation_requested", "request": "R-9", "serial": "1001", "reason": "keyCompromise", "channel": "email", "urgent": false}' \
  >> "$out/evidence/events/ca.jsonl"
"$cpaudit" audit "$out/evidence" --quiet --waivers "$src/tests/data/demo-waivers.yaml" \
  --baseline "$out/baseline.json" --report junit="$out/junit.xml" --report sarif="$out/report.sarif" || true
xmllint --noout --schema "$schemas/junit-ant.xsd" "$out/junit.xml"
# The validator wants a path with a directory part.
(cd "$out" && "$multitool" validate ./report.sarif) | tee "$out/sarif-validate.txt"
if grep -E ": error " "$out/sarif-validate.txt"; then
  echo "SARIF validation reported errors"
  exit 1
fi
grep -q "Analysis completed successfully" "$out/sarif-validate.txt"
for state in new unchanged absent; do
  grep -q "\"baselineState\": \"$state\"" "$out/report.sarif" || { echo "no $state result"; exit 1; }
done
grep -q '"suppressions"' "$out/report.sarif" || { echo "no suppressions"; exit 1; }
echo PASS
