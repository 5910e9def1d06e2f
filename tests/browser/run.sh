#!/usr/bin/env bash
# ctest entry: writes the demo's HTML report (with a waiver and a baseline, so
# every section has content) and renders it in Chromium. Exit 77 (skipped)
# when the tools are missing, unless CPAUDIT_REQUIRE_TOOLS=1 (CI).
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
cpaudit="$1"
out="$2"
if [ ! -x /usr/bin/chromium ] || [ ! -d "$src/tests/tools/node_modules/playwright-core" ] ||
   ! command -v pdftotext >/dev/null; then
  echo "chromium, playwright-core or pdftotext missing: run scripts/setup-tools.sh"
  [ "${CPAUDIT_REQUIRE_TOOLS:-0}" = 1 ] && exit 1
  exit 77
fi
mkdir -p "$out"
"$cpaudit" audit "$src/corpus/demo" --quiet --report json="$out/baseline.json" || true
"$cpaudit" audit "$src/corpus/demo" --quiet --waivers "$src/tests/data/demo-waivers.yaml" \
  --baseline "$out/baseline.json" --report html="$out/report.html" || true
# The demo without its CSRs: rules that cannot be evaluated, for the filters.
rm -rf "$out/demo-without-csrs"
cp -r "$src/corpus/demo" "$out/demo-without-csrs"
rm -r "$out/demo-without-csrs/csrs"
"$cpaudit" audit "$out/demo-without-csrs" --quiet --report html="$out/report-partial.html" || true
node "$src/tests/browser/report_test.mjs" "$out/report.html" "$out/report-partial.html"
